/** Logging in and out, accounts, passwords and TOTP. */
const da = {
  'staff.login.title': 'Log ind',
  'staff.login.lede': 'Log ind som medarbejder for at arbejde med arrangementer, tilmeldinger og nyheder.',
  'staff.login.email': 'E-mail',
  'staff.login.password': 'Adgangskode',
  'staff.login.submit': 'Log ind',
  'staff.login.failed': 'E-mail eller adgangskode er forkert.',
  'staff.login.emailMissing': 'Skriv din e-mail.',
  'staff.login.passwordMissing': 'Skriv din adgangskode.',
  'staff.login.loggedOut': 'Du er logget ud.',
  'staff.login.otherLanguage': 'Log in in English',
};

const en: Record<keyof typeof da, string> = {
  'staff.login.title': 'Log in',
  'staff.login.lede': 'Log in as a member of staff to work with events, registrations and news.',
  'staff.login.email': 'E-mail',
  'staff.login.password': 'Password',
  'staff.login.submit': 'Log in',
  'staff.login.failed': 'The e-mail or password is wrong.',
  'staff.login.emailMissing': 'Enter your e-mail.',
  'staff.login.passwordMissing': 'Enter your password.',
  'staff.login.loggedOut': 'You are logged out.',
  'staff.login.otherLanguage': 'Log ind på dansk',
};

export const staffMessages = { da, en };

/** The header every page shares: the menu button and drawer, the language choice, the footer's shortcuts. */
const da = {
  'header.menu': 'Menu',
  'header.close': 'Luk',
  'header.closeMenu': 'Luk menuen',
  'header.language': 'Sprog',
  'header.languageChoice': 'Vælg sprog',
  'header.language.da': 'Dansk',
  'header.language.en': 'English',
  'header.shortcuts': 'Genveje',
};

const en: Record<keyof typeof da, string> = {
  'header.menu': 'Menu',
  'header.close': 'Close',
  'header.closeMenu': 'Close the menu',
  'header.language': 'Language',
  'header.languageChoice': 'Choose language',
  'header.language.da': 'Dansk',
  'header.language.en': 'English',
  'header.shortcuts': 'Shortcuts',
};

export const headerMessages = { da, en };

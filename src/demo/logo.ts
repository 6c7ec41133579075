/**
 * The demo organiser's logo: a plain SVG (a circle of seats around a table
 * and the initials), stored through the same upload check as any logo.
 */
export const DEMO_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" role="img" aria-label="Kursuscenter Eksempelby">
  <title>Kursuscenter Eksempelby</title>
  <circle cx="60" cy="60" r="56" fill="#004993"/>
  <circle cx="60" cy="60" r="22" fill="#ffffff"/>
  <g fill="#ffffff">
    <circle cx="60" cy="22" r="8"/><circle cx="98" cy="60" r="8"/><circle cx="60" cy="98" r="8"/><circle cx="22" cy="60" r="8"/>
    <circle cx="87" cy="33" r="6"/><circle cx="87" cy="87" r="6"/><circle cx="33" cy="87" r="6"/><circle cx="33" cy="33" r="6"/>
  </g>
  <text x="60" y="67" font-family="Arial, Helvetica, sans-serif" font-size="20" font-weight="bold" text-anchor="middle" fill="#004993">KE</text>
</svg>
`;

/** The demo organiser as the public sees it; clearly fictitious (addresses under .example). */
export const demoIdentity = {
  name: 'Kursuscenter Eksempelby',
  contactEmail: 'kursus@tilmeld.example',
  contactPhone: '+45 70 10 20 30',
  contactAddress: 'Eksempelvej 1, 5000 Odense C',
  privacyContact: 'Databeskyttelsesrådgiver Lone Winther, dpo@tilmeld.example',
  mailReplyTo: null,
};

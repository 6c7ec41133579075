import type { ThemeInput } from '../events/themes.service.js';

function theme(slug: string, nameDa: string, nameEn: string): ThemeInput {
  return { slug, nameDa, nameEn };
}

/** The themes the demo events are filed under. */
export const themes = {
  ledelse: theme('ledelse', 'Ledelse', 'Leadership'),
  konsulentrollen: theme('konsulentrollen', 'Konsulentrollen', 'The consultant role'),
  digitalisering: theme('digitalisering', 'Digitalisering', 'Digitalisation'),
  beskaeftigelse: theme('beskaeftigelse', 'Beskæftigelse', 'Employment'),
  boernOgUnge: theme('boern-og-unge', 'Børn og unge', 'Children and young people'),
  sundhed: theme('sundhed', 'Sundhed', 'Health'),
  klima: theme('klima', 'Klima og miljø', 'Climate and environment'),
  oekonomi: theme('oekonomi', 'Økonomi', 'Finance'),
  jura: theme('jura', 'Jura', 'Law'),
  kommunikation: theme('kommunikation', 'Kommunikation', 'Communication'),
  borgerinddragelse: theme('borgerinddragelse', 'Borgerinddragelse', 'Citizen involvement'),
} satisfies Record<string, ThemeInput>;

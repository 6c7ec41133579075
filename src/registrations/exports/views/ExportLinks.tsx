import type { AdminPageContext } from '../../../admin/page.js';
import { exportPaths } from '../export-paths.js';

export interface ExportLinksProps {
  page: Pick<AdminPageContext, 't'>;
  eventId: number;
  /** Whether the event has an overnight stay (see offersVenueReport). */
  venueReport: boolean;
  /** Heading level of the two groups, so the links fit the page they are placed on. */
  headingLevel?: 2 | 3;
}

function Link({ href, label, hint }: { href: string; label: string; hint?: string }): JSX.Element {
  return (
    <li>
      <a href={href} class="function-link" download="" safe>
        {label}
      </a>
      {hint ? (
        <span class="tilmeld-meta d-block" safe>
          {hint}
        </span>
      ) : (
        ''
      )}
    </li>
  );
}

/**
 * The export downloads of one event: spreadsheets and printable documents.
 * Placed on the exports page and on the event's registrations list.
 */
export function ExportLinks({ page, eventId, venueReport, headingLevel = 2 }: ExportLinksProps): JSX.Element {
  const { t } = page;
  const paths = exportPaths(eventId);
  const heading = (text: string) => (headingLevel === 2 ? <h2 safe>{text}</h2> : <h3 safe>{text}</h3>);
  return (
    <div class="tilmeld-export-links">
      {heading(t('exports.spreadsheets'))}
      <ul class="nobullet-list">
        <Link href={paths.csv} label={t('exports.csv')} />
        <Link href={paths.xlsx} label={t('exports.xlsx')} />
      </ul>
      {heading(t('exports.documents'))}
      <ul class="nobullet-list">
        <Link href={paths.participantList} label={t('exports.participantList.shared')} hint={t('exports.participantList.sharedHint')} />
        <Link href={paths.participantListStaff} label={t('exports.participantList.staff')} hint={t('exports.participantList.staffHint')} />
        <Link href={paths.badges} label={t('exports.badges')} hint={t('exports.badgesHint')} />
        {venueReport ? <Link href={paths.venuePdf} label={t('exports.venue.pdf')} hint={t('exports.venueHint')} /> : ''}
        {venueReport ? <Link href={paths.venueXlsx} label={t('exports.venue.xlsx')} /> : ''}
      </ul>
      <p class="tilmeld-meta" safe>
        {t('exports.fileNote')}
      </p>
    </div>
  );
}

import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { ExportLinks } from './ExportLinks.js';

export interface ExportsPageProps {
  page: AdminPageContext;
  event: { id: number; title: string };
  venueReport: boolean;
}

/** /admin/events/:id/exports: every download of one event. */
export function ExportsPage({ page, event, venueReport }: ExportsPageProps): JSX.Element {
  const { t } = page;
  return (
    <AdminLayout page={page} title={`${t('exports.heading')}: ${event.title}`} section="registrations">
      <p class="tilmeld-meta">
        <a href={`/admin/events/${event.id}`} class="function-link" safe>
          {event.title}
        </a>
      </p>
      <h1 safe>{`${t('exports.heading')}: ${event.title}`}</h1>
      <p class="font-lead" safe>
        {t('exports.lede')}
      </p>
      <ExportLinks page={page} eventId={event.id} venueReport={venueReport} />
    </AdminLayout>
  );
}

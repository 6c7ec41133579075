import type { AdminPageContext } from '../../../admin/page.js';
import { fileTypeLabel, formatFileSize } from '../../file-info.js';
import type { StaffMaterialItem } from '../../materials.admin.service.js';
import { adminMaterialPaths } from './paths.js';

/**
 * The materials of one event, for the event's page in the back office: each
 * with who may download it, a link to edit it, and the way to upload another
 * (the upload form comes back to the event's materials afterwards).
 * Data: staffMaterialPage(ctx, { eventId }, 1).materials.
 */
export function EventMaterialsPanel({ page, eventId, materials }: { page: AdminPageContext; eventId: number; materials: StaffMaterialItem[] }): JSX.Element {
  const { t, locale } = page;
  return (
    <section aria-labelledby="event-materials-heading">
      <h2 id="event-materials-heading" safe>
        {t('materials.admin.title')}
      </h2>
      {materials.length === 0 ? (
        <p safe>{t('materials.admin.empty')}</p>
      ) : (
        <ul>
          {materials.map((m) => (
            <li>
              <a href={adminMaterialPaths.material(m.id)} safe>
                {m.title}
              </a>{' '}
              <span class="tilmeld-meta" safe>
                {`(${fileTypeLabel(m.contentType, m.filename)}, ${formatFileSize(m.sizeBytes, locale)}; ${t(`materials.admin.visibilityShort.${m.visibility}`)})`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={adminMaterialPaths.create({ event: eventId })} class="button button-secondary" safe>
          {t('materials.admin.upload')}
        </a>
      </p>
    </section>
  );
}

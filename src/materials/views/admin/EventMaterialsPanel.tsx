import type { AdminPageContext } from '../../../admin/page.js';
import { formatDate } from '../../../lib/dates.js';
import { fileTypeLabel, formatFileSize } from '../../file-info.js';
import type { EventMaterialsSummary } from '../../materials.admin.service.js';
import { adminMaterialPaths } from './paths.js';

/**
 * The materials of one event, for the event's page in the back office: the
 * newest few with who may download them, their size and upload date, a link
 * to upload another for this event (the form comes back to the event's
 * materials) and one to the materials back office filtered to the event.
 * Data: eventMaterialsSummary(ctx, eventId). Shown only to roles that may
 * read materials; the upload link only to those who may change them.
 */
export function EventMaterialsPanel({
  page,
  eventId,
  summary,
  mayUpload,
}: {
  page: AdminPageContext;
  eventId: number;
  summary: EventMaterialsSummary;
  mayUpload: boolean;
}): JSX.Element {
  const { t, locale } = page;
  const { materials, total } = summary;
  return (
    <section aria-labelledby="event-materials-heading" class="tilmeld-event-materials">
      <h2 id="event-materials-heading" safe>
        {t('materials.admin.title')}
      </h2>
      {materials.length === 0 ? (
        <p safe>{t('materials.admin.panel.empty')}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--zebra">
            <caption class="sr-only" safe>
              {t('materials.admin.panel.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('materials.admin.col.title')}
                </th>
                <th scope="col" safe>
                  {t('materials.admin.col.visibility')}
                </th>
                <th scope="col" safe>
                  {t('materials.admin.col.size')}
                </th>
                <th scope="col" safe>
                  {t('materials.admin.col.uploaded')}
                </th>
              </tr>
            </thead>
            <tbody>
              {materials.map((m) => (
                <tr>
                  <th scope="row">
                    <a href={adminMaterialPaths.material(m.id)} safe>
                      {m.title}
                    </a>
                  </th>
                  <td safe>{t(`materials.admin.visibilityShort.${m.visibility}`)}</td>
                  <td safe>{`${fileTypeLabel(m.contentType, m.filename)}, ${formatFileSize(m.sizeBytes, locale)}`}</td>
                  <td safe>{formatDate(m.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > materials.length ? <p safe>{t('materials.admin.panel.more', { shown: materials.length, total })}</p> : ''}
      <ul class="nobullet-list">
        {mayUpload ? (
          <li>
            <a href={adminMaterialPaths.create({ event: eventId })} class="function-link" safe>
              {t('materials.admin.panel.upload')}
            </a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a href={adminMaterialPaths.list({ event: eventId })} class="function-link" safe>
            {t('materials.admin.panel.manage')}
          </a>
        </li>
      </ul>
    </section>
  );
}

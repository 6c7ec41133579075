import type { PageContext } from '../../web/page.js';
import { paths } from '../../web/paths.js';
import { DKFDS_PREFIX } from '../../web/assets.js';
import { fileIcon, fileTypeLabel, formatFileSize } from '../file-info.js';

export interface MaterialItem {
  id: number;
  title: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * Download links with the file's type and size, e.g. "Program (PDF, 1,2 MB)".
 * Links lead to the public address unless `href` gives another (a booking's own).
 */
export function MaterialList({
  page,
  materials,
  lang,
  href = (m) => paths.material(m.id, m.filename),
}: {
  page: PageContext;
  materials: MaterialItem[];
  lang?: string | undefined;
  href?: (m: MaterialItem) => string;
}): JSX.Element {
  return (
    <ul class="unstyled-list tilmeld-materials">
      {materials.map((m) => (
        <li>
          <svg class="icon-svg" focusable="false" aria-hidden="true">
            <use href={`${DKFDS_PREFIX}/img/all-svg-icons.svg#${fileIcon(m.contentType)}`}></use>
          </svg>{' '}
          <a href={href(m)} download={m.filename} lang={lang} safe>
            {m.title}
          </a>{' '}
          <span class="tilmeld-meta" safe>
            {`(${page.t('news.material.file', { type: fileTypeLabel(m.contentType, m.filename), size: formatFileSize(m.sizeBytes, page.locale) })})`}
          </span>
        </li>
      ))}
    </ul>
  );
}

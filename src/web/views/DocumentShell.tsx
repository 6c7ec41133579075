import type Html from '@kitajs/html';
import { DKFDS_PREFIX, STATIC_PREFIX } from '../assets.js';

export interface DocumentShellProps {
  locale: string;
  /** The whole <title>. */
  title: string;
  /** The "skip to content" link's text. */
  skipLabel: string;
  /** More <head> elements after the stylesheets, already safe HTML. */
  head?: Html.Children;
  bodyClass?: string | undefined;
  /** Header, <main id="main-content"> and footer. */
  children?: Html.Children;
}

/** The HTML document every page shares: DKFDS and Tilmeld styles and scripts, and the skip link to #main-content. */
export function DocumentShell({ locale, title, skipLabel, head, bodyClass, children }: DocumentShellProps): JSX.Element {
  return (
    <>
      {'<!doctype html>'}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{title}</title>
          <link rel="stylesheet" href={`${DKFDS_PREFIX}/css/dkfds.min.css`} />
          <link rel="stylesheet" href={`${STATIC_PREFIX}/tilmeld.css`} />
          <link rel="icon" href={`${STATIC_PREFIX}/favicon.svg`} type="image/svg+xml" />
          {head}
        </head>
        <body class={bodyClass}>
          <a class="skipnav" href="#main-content" safe>
            {skipLabel}
          </a>
          {children}
          <script src={`${DKFDS_PREFIX}/js/dkfds.min.js`} defer></script>
          <script src={`${STATIC_PREFIX}/tilmeld.js`} defer></script>
        </body>
      </html>
    </>
  );
}

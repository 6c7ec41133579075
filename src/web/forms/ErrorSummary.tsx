import { escapeHtml } from '@kitajs/html';
import type Html from '@kitajs/html';
import type { PageContext } from '../page.js';
import { DKFDS_PREFIX, STATIC_PREFIX } from '../assets.js';
import type { FormError } from './errors.js';

/** The script (signup.js) that moves focus to the error summary; the page works without it. */
export function signupScript(): JSX.Element {
  return <script src={`${STATIC_PREFIX}/signup.js`} defer></script>;
}

/** The DKFDS error summary: a link to each field with an error, focused on load by signup.js. */
export function ErrorSummary({ page, errors }: { page: PageContext; errors: ReadonlyArray<FormError> }): JSX.Element {
  const { t } = page;
  return (
    <div class="alert alert-error" role="alert" aria-labelledby="error-summary-heading" tabindex="-1" id="error-summary" data-error-summary="">
      <svg class="icon-svg alert-icon" focusable="false" aria-hidden="true">
        <use href={`${DKFDS_PREFIX}/img/all-svg-icons.svg#error`}></use>
      </svg>
      <div class="alert-body">
        <h2 class="alert-heading" id="error-summary-heading" safe>
          {t('signup.errors.heading')}
        </h2>
        <p class="alert-text" safe>
          {t('signup.errors.intro')}
        </p>
        <ul class="alert-text nobullet-list">
          {errors.map((e) => (
            <li>
              <a href={e.href ?? `#${e.id}`} class="function-link" safe>
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** An info or warning box. */
export function Notice({
  kind,
  heading,
  children,
  focus,
}: {
  kind: 'info' | 'warning';
  heading?: string;
  children: Html.Children;
  focus?: boolean;
}): JSX.Element {
  return (
    <div class={`alert alert-${kind}`} role={focus ? 'status' : undefined} tabindex={focus ? '-1' : undefined} data-focus-on-load={focus ? '' : undefined}>
      <svg class="icon-svg alert-icon" focusable="false" aria-hidden="true">
        <use href={`${DKFDS_PREFIX}/img/all-svg-icons.svg#${kind === 'info' ? 'info' : 'warning'}`}></use>
      </svg>
      <div class="alert-body">
        {heading ? <p class="alert-heading">{escapeHtml(heading)}</p> : ''}
        <div class="alert-text">{children}</div>
      </div>
    </div>
  );
}

/** A status message after an action (role=status, focused on load by the script). */
export function Done({ text }: { text: string }): JSX.Element {
  return (
    <div class="alert alert-success" role="status" tabindex="-1" data-focus-on-load="">
      <div class="alert-body">
        <p class="alert-text" safe>
          {text}
        </p>
      </div>
    </div>
  );
}

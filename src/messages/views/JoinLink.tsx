import type { PageContext } from '../../web/page.js';

/** The join link on a booking's self-service page; the caller shows it only to a booking that holds a seat. */
export function JoinLinkSection({ page, url }: { page: Pick<PageContext, 't'>; url: string | null }): JSX.Element {
  if (!url) return <></>;
  const { t } = page;
  return (
    <section aria-labelledby="join-heading" data-join-link="">
      <h2 id="join-heading" safe>
        {t('reminders.selfService.heading')}
      </h2>
      <p safe>{t('reminders.selfService.text')}</p>
      <p>
        <a href={url} class="button button-primary" rel="noopener noreferrer" safe>
          {t('reminders.selfService.open')}
        </a>
      </p>
    </section>
  );
}

import { escapeHtml } from '@kitajs/html';
import type { PageContext } from '../../web/page.js';
import type { MessageKey } from '../../web/i18n.js';
import { paths } from '../../web/paths.js';
import { dateRange, dateTime, sameDanishDay } from '../../lib/dates.js';
import { SeatStatusBadge } from '../../events/index.js';
import type { RelatedEvent } from '../news.service.js';
import { articleLang } from './content-language.js';

/** The same words for when as the event cards: "4. februar 2027 kl. 09.30", or the days it runs. */
function when(event: RelatedEvent, locale: PageContext['locale']): string {
  return sameDanishDay(event.startsAt, event.endsAt) ? dateTime(event.startsAt, locale) : dateRange(event.startsAt, event.endsAt, locale);
}

function callToAction(event: RelatedEvent): MessageKey {
  if (event.status !== 'published') return 'news.cta.readMore';
  if (event.seatStatus === 'available' || event.seatStatus === 'few') return 'news.cta.signUp';
  if (event.seatStatus === 'waitingList') return 'news.cta.waitingList';
  return 'news.cta.readMore';
}

/** An event the article promotes: what, when, where, seats, and the way to sign up. */
export function RelatedEventCard({ page, event }: { page: PageContext; event: RelatedEvent }): JSX.Element {
  const { t, locale } = page;
  const place = event.place ?? (event.type === 'webinar' ? t('news.event.online') : null);
  const href = paths.event(locale, event.slug);
  return (
    <div class="card">
      <div class="card-content">
        <p class="card-subheading tilmeld-meta" safe>
          {t(`eventType.${event.type}`)}
        </p>
        <h3 class="card-heading h3" lang={articleLang(page)}>
          <a href={href} safe>
            {event.title}
          </a>
        </h3>
        <dl class="tilmeld-facts">
          <dt safe>{t('news.event.when')}</dt>
          <dd>
            <time datetime={event.startsAt} safe>
              {when(event, locale)}
            </time>
          </dd>
          {place ? (
            <>
              <dt safe>{t('news.event.where')}</dt>
              <dd safe>{place}</dd>
            </>
          ) : (
            ''
          )}
        </dl>
        <p>
          {event.status === 'archived' ? (
            <span class="badge" safe>
              {t('news.event.archived')}
            </span>
          ) : (
            <SeatStatusBadge page={page} status={event.seatStatus} />
          )}
        </p>
        <p>
          <a href={href} class="button button-primary">
            {escapeHtml(t(callToAction(event)))}
            <span class="sr-only">
              {': '}
              <span lang={articleLang(page)} safe>
                {event.title}
              </span>
            </span>
          </a>
        </p>
      </div>
    </div>
  );
}

import type { PageContext } from '../../web/page.js';
import { paths } from '../../web/paths.js';
import { formatDate } from '../../lib/dates.js';
import { formatMoney } from '../../lib/money.js';

export interface BookerDocument {
  number: string;
  kind: 'invoice' | 'credit_note';
  issueDate: string;
  totalOre: number;
}

/**
 * The "Faktura" section of a booking's self-service page, for the booker
 * only: each invoice and credit note as PDF and as the Peppol XML, through
 * the booking's own address.
 */
export function BookerInvoicesSection({ page, token, documents }: { page: PageContext; token: string; documents: readonly BookerDocument[] }): JSX.Element {
  const { t, locale } = page;
  return (
    <section aria-labelledby="invoices-heading">
      <h2 id="invoices-heading" safe>
        {t('finance.booker.heading')}
      </h2>
      {documents.length === 0 ? (
        <p safe>{t('finance.booker.none')}</p>
      ) : (
        <>
          <p safe>{t('finance.booker.intro')}</p>
          <ul class="nobullet-list">
            {documents.map((d) => {
              const kind = t(`finance.kind.${d.kind}`);
              return (
                <li>
                  <span safe>{`${kind} ${d.number}, ${formatDate(d.issueDate, locale)}, ${formatMoney(d.totalOre, locale)}: `}</span>
                  <a
                    href={paths.bookingInvoice(locale, token, d.number, 'pdf')}
                    aria-label={t('finance.booker.download', { kind: kind.toLowerCase(), number: d.number, format: 'PDF' })}
                    safe
                  >
                    {t('finance.booker.pdf')}
                  </a>
                  {' · '}
                  <a
                    href={paths.bookingInvoice(locale, token, d.number, 'xml')}
                    aria-label={t('finance.booker.download', { kind: kind.toLowerCase(), number: d.number, format: 'XML' })}
                    safe
                  >
                    {t('finance.booker.xml')}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

import type { AdminPageContext } from '../../../admin/page.js';
import { AdminLayout } from '../../../web/admin/AdminLayout.js';
import { titleWithErrors } from '../../../web/admin/parts.js';
import { formatMoney } from '../../../lib/money.js';
import { ErrorSummary } from '../../../web/forms/ErrorSummary.js';
import { ErrorMessage, attr } from '../../../web/forms/fields.js';
import type { FormError } from '../../../web/forms/errors.js';
import { DKFDS_PREFIX } from '../../../web/assets.js';
import { CsrfField } from '../../../web/views/CsrfField.js';
import type { StoredDocument } from '../../invoices.queries.js';
import { deliveryText, StatusBadge } from './FinanceListPage.js';
import { FINANCE_PATH, financeDocumentPath, financeDownloadPath, formatCalendarDate } from './format.js';

export const DETAIL_NOTICES = ['paid', 'undone', 'refused'] as const;
export type DetailNotice = (typeof DETAIL_NOTICES)[number];

export interface FinanceDetailPageProps {
  page: AdminPageContext;
  stored: StoredDocument;
  eventTitle: string | null;
  creditNotes: ReadonlyArray<{ number: string; issueDate: string; totalOre: number }>;
  today: string;
  notice?: DetailNotice | undefined;
  /** The payment date as typed, with its error, after a refused POST. */
  paymentValue?: string;
  errors?: ReadonlyArray<FormError>;
  /** Whether the document can be sent again from here. */
}

function Alert({ kind, text }: { kind: 'success' | 'warning'; text: string }): JSX.Element {
  return (
    <div class={`alert alert-${kind}`} role="status">
      <svg class="icon-svg alert-icon" focusable="false" aria-hidden="true">
        <use href={`${DKFDS_PREFIX}/img/all-svg-icons.svg#${kind === 'success' ? 'check-circle' : 'warning'}`}></use>
      </svg>
      <div class="alert-body">
        <p class="alert-text" safe>
          {text}
        </p>
      </div>
    </div>
  );
}

const NOTICE_TEXT = { paid: 'finance.paid.done', undone: 'finance.paid.undone', refused: 'finance.paid.refused' } as const;

function Facts({ page, stored, eventTitle }: Pick<FinanceDetailPageProps, 'page' | 'stored' | 'eventTitle'>): JSX.Element {
  const { t, locale } = page;
  const d = stored.document;
  const b = d.buyer;
  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <>
        <dt safe>{label}</dt>
        <dd safe>{value}</dd>
      </>
    ) : (
      ''
    );
  return (
    <dl class="tilmeld-facts">
      {row(t('finance.col.issueDate'), formatCalendarDate(d.issueDate, locale))}
      {row(t('finance.col.dueDate'), d.dueDate ? formatCalendarDate(d.dueDate, locale) : null)}
      {row(t('finance.detail.buyer'), [b.organisation, b.address, `${b.postalCode} ${b.city}`].join(', '))}
      {row(t('finance.col.cvr'), b.cvr)}
      {row(t('finance.col.ean'), b.ean)}
      {row(t('finance.detail.personReference'), b.personReference)}
      {row(t('finance.detail.poNumber'), b.poNumber)}
      {row(t('finance.detail.email'), b.email)}
      {row(t('finance.col.event'), eventTitle)}
      {row(t('finance.detail.booking'), String(d.bookingId))}
      {row(t('finance.col.delivery'), deliveryText(page, stored))}
    </dl>
  );
}

function Lines({ page, stored }: Pick<FinanceDetailPageProps, 'page' | 'stored'>): JSX.Element {
  const { t, locale } = page;
  const d = stored.document;
  return (
    <div class="table--responsive-scroll">
      <table class="table">
        <caption safe>{t('finance.detail.lines')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('finance.detail.description')}
            </th>
            <th scope="col" class="tilmeld-amount" safe>
              {t('finance.detail.quantity')}
            </th>
            <th scope="col" class="tilmeld-amount" safe>
              {t('finance.detail.unitPrice')}
            </th>
            <th scope="col" class="tilmeld-amount" safe>
              {t('finance.detail.vatRate')}
            </th>
            <th scope="col" class="tilmeld-amount" safe>
              {t('finance.detail.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {d.lines.map((l) => (
            <tr>
              <td safe>{l.description}</td>
              <td class="tilmeld-amount" safe>
                {String(l.quantity)}
              </td>
              <td class="tilmeld-amount" safe>
                {formatMoney(l.unitPriceOre, locale)}
              </td>
              <td class="tilmeld-amount" safe>{`${l.vatPercent} (${l.vatCategory})`}</td>
              <td class="tilmeld-amount" safe>
                {formatMoney(l.lineNetOre, locale)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan="4" safe>
              {t('finance.col.net')}
            </th>
            <td class="tilmeld-amount" safe>
              {formatMoney(d.totals.taxExclusiveOre, locale)}
            </td>
          </tr>
          {d.totals.vat.map((v) => (
            <tr>
              <th
                scope="row"
                colspan="4"
                safe
              >{`${t('finance.col.vat')} ${v.percent} % (${v.category})${v.exemptionReason ? ` – ${v.exemptionReason}` : ''}`}</th>
              <td class="tilmeld-amount" safe>
                {formatMoney(v.taxOre, locale)}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row" colspan="4" safe>
              {t('finance.col.total')}
            </th>
            <td class="tilmeld-amount" safe>
              {formatMoney(d.totals.payableOre, locale)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Payment({ page, stored, paymentValue, errors }: Pick<FinanceDetailPageProps, 'page' | 'stored' | 'paymentValue' | 'errors'>): JSX.Element {
  const { t, locale } = page;
  const path = financeDocumentPath(stored.document.number);
  if (stored.document.kind !== 'invoice') return <p safe>{t('finance.paid.notInvoice')}</p>;
  if (stored.status === 'paid') {
    return (
      <form method="post" action={`${path}/unpaid`}>
        <CsrfField token={page.csrfToken} />
        <p safe>{t('finance.paid.is', { date: stored.paidAt ? formatCalendarDate(stored.paidAt, locale) : '–' })}</p>
        <button type="submit" class="button button-secondary" safe>
          {t('finance.paid.undo')}
        </button>
      </form>
    );
  }
  const error = errors?.find((e) => e.id === 'paid-date');
  return (
    <form method="post" action={`${path}/paid`} novalidate>
      <CsrfField token={page.csrfToken} />
      <div class={error ? 'form-group form-error' : 'form-group'}>
        <label class="form-label" for="paid-date" safe>
          {t('finance.paid.date')}
        </label>
        <span class="form-hint" id="paid-date-hint" safe>
          {t('finance.paid.dateHint')}
        </span>
        {error ? <ErrorMessage page={page} id="paid-date-error" message={error.message} /> : ''}
        <input
          class="form-input input-width-s"
          type="date"
          id="paid-date"
          name="paidDate"
          value={attr(paymentValue ?? '')}
          aria-describedby={error ? 'paid-date-hint paid-date-error' : 'paid-date-hint'}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
      <button type="submit" class="button button-primary" safe>
        {t('finance.paid.submit')}
      </button>
    </form>
  );
}

/** /admin/invoices/{number}: what the document says, its downloads, payment and resending. */
export function FinanceDetailPage(p: FinanceDetailPageProps): JSX.Element {
  const { page, stored } = p;
  const { t, locale } = page;
  const d = stored.document;
  const title = t('finance.detail.title', { kind: t(`finance.kind.${d.kind}`), number: d.number });
  const errors = p.errors ?? [];
  return (
    <AdminLayout page={page} title={titleWithErrors(page, title, errors)} section="invoices">
      <p>
        <a href={FINANCE_PATH} class="back-link" safe>
          {t('finance.detail.back')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {errors.length > 0 ? <ErrorSummary page={page} errors={errors} /> : ''}
      {p.notice ? <Alert kind={p.notice === 'refused' ? 'warning' : 'success'} text={t(NOTICE_TEXT[p.notice])} /> : ''}
      <p>
        <StatusBadge page={page} row={{ kind: d.kind, status: stored.status, dueDate: d.dueDate }} today={p.today} />
      </p>
      {d.creditedInvoice ? (
        <p>
          <a href={financeDocumentPath(d.creditedInvoice.number)} safe>
            {t('finance.detail.credits', { number: d.creditedInvoice.number })}
          </a>
        </p>
      ) : (
        ''
      )}
      <Facts page={page} stored={stored} eventTitle={p.eventTitle} />
      <Lines page={page} stored={stored} />
      {p.creditNotes.length > 0 ? (
        <section aria-labelledby="credit-notes">
          <h2 id="credit-notes" safe>
            {t('finance.detail.creditNotes')}
          </h2>
          <ul>
            {p.creditNotes.map((c) => (
              <li>
                <a href={financeDocumentPath(c.number)} safe>
                  {`${c.number}, ${formatCalendarDate(c.issueDate, locale)}, ${formatMoney(c.totalOre, locale)}`}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="downloads">
        <h2 id="downloads" safe>
          {t('finance.detail.downloads')}
        </h2>
        <ul class="nobullet-list">
          <li>
            <a href={financeDownloadPath(d.number, 'pdf')} download="" safe>
              {t('finance.download.pdf')}
            </a>
          </li>
          <li>
            <a href={financeDownloadPath(d.number, 'xml')} download="" safe>
              {t('finance.download.xml')}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="payment">
        <h2 id="payment" safe>
          {t('finance.paid.heading')}
        </h2>
        <Payment page={page} stored={stored} paymentValue={p.paymentValue} errors={errors} />
      </section>
    </AdminLayout>
  );
}

import type { PageContext } from '../../../web/page.js';
import { formatMoney } from '../../../lib/money.js';

/** One row of a price table: what it is, and the amount as it is to be shown. */
export interface PriceLine {
  text: string;
  amount: string;
}

/**
 * The price table of a sign-up: its lines, the total ex. VAT, the VAT (left
 * out when the event is VAT-exempt) and the total incl. VAT. The summary
 * before sending and the receipt after it show the same table.
 */
export function PriceLinesTable({
  page,
  lines,
  totals,
  vatPercent,
}: {
  page: PageContext;
  lines: ReadonlyArray<PriceLine>;
  totals: { exVatOre: number; vatOre: number; inclVatOre: number };
  vatPercent: number;
}): JSX.Element {
  const { t, locale } = page;
  return (
    <table class="table tilmeld-price-table">
      <caption class="sr-only" safe>
        {t('signup.summary.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('signup.summary.item')}
          </th>
          <th scope="col" class="tilmeld-amount" safe>
            {t('signup.summary.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr>
            <td safe>{line.text}</td>
            <td class="tilmeld-amount" safe>
              {line.amount}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" safe>
            {t('signup.summary.totalExVat')}
          </th>
          <td class="tilmeld-amount" safe>
            {formatMoney(totals.exVatOre, locale)}
          </td>
        </tr>
        {vatPercent === 0 ? (
          ''
        ) : (
          <tr>
            <th scope="row" safe>
              {t('signup.summary.vat', { percent: vatPercent })}
            </th>
            <td class="tilmeld-amount" safe>
              {formatMoney(totals.vatOre, locale)}
            </td>
          </tr>
        )}
        <tr>
          <th scope="row" safe>
            {t('signup.summary.totalInclVat')}
          </th>
          <td class="tilmeld-amount" safe>
            {formatMoney(totals.inclVatOre, locale)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

import { danishTimeToUtc, formatDate } from '../../lib/dates.js';
import type { PageContext } from '../../web/page.js';
import type { DayCount } from '../dashboard.service.js';

const BAR = 20;
const GAP = 4;
const HEIGHT = 160;
const AXIS = 28;
const LABEL = 16;

const dayText = (date: string, page: Pick<PageContext, 'locale'>) => formatDate(danishTimeToUtc(date, '12:00'), page.locale);

/**
 * Sign-ups per day as an inline SVG bar chart, drawn on the server: no
 * script, and the CSP's no-inline-style rule holds, since SVG attributes are
 * not styles. It is one image to assistive technology (role img, with a
 * <title> and a <desc> that says what it shows), and the same numbers follow
 * in a table that opens with one click.
 */
export function SignupChart({ page, days, total }: { page: Pick<PageContext, 't' | 'locale'>; days: DayCount[]; total: number }): JSX.Element {
  const { t } = page;
  const max = Math.max(0, ...days.map((d) => d.count));
  const scale = max === 0 ? 0 : (HEIGHT - LABEL) / max;
  const width = days.length * (BAR + GAP);
  const first = days[0];
  const last = days.at(-1);
  const desc = t('dashboard.signups.chartDesc', {
    from: first ? dayText(first.date, page) : '',
    to: last ? dayText(last.date, page) : '',
    total,
    max,
  });
  return (
    <figure class="tilmeld-chart">
      <svg
        viewBox={`0 0 ${width} ${HEIGHT + AXIS}`}
        width={String(width)}
        height={String(HEIGHT + AXIS)}
        role="img"
        aria-labelledby="signup-chart-title signup-chart-desc"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="signup-chart-title" safe>
          {t('dashboard.signups.chartTitle')}
        </title>
        <desc id="signup-chart-desc" safe>
          {desc}
        </desc>
        <line x1="0" y1={String(HEIGHT)} x2={String(width)} y2={String(HEIGHT)} stroke="#4d4d4d" stroke-width="1" />
        {days.map((d, i) => {
          const h = Math.round(d.count * scale);
          const x = i * (BAR + GAP);
          return (
            <g>
              <rect x={String(x)} y={String(HEIGHT - h)} width={String(BAR)} height={String(h)} fill="#004993" />
              {d.count > 0 ? (
                <text x={String(x + BAR / 2)} y={String(HEIGHT - h - 4)} text-anchor="middle" font-size="11" fill="#1a1a1a" safe>
                  {String(d.count)}
                </text>
              ) : (
                ''
              )}
            </g>
          );
        })}
        {first ? (
          <text x="0" y={String(HEIGHT + 18)} font-size="11" fill="#1a1a1a" safe>
            {dayText(first.date, page)}
          </text>
        ) : (
          ''
        )}
        {last ? (
          <text x={String(width)} y={String(HEIGHT + 18)} text-anchor="end" font-size="11" fill="#1a1a1a" safe>
            {dayText(last.date, page)}
          </text>
        ) : (
          ''
        )}
      </svg>
      <details class="details">
        <summary class="details-summary" safe>
          {t('dashboard.signups.showTable')}
        </summary>
        <div class="details-text">
          <table class="table table--compact">
            <caption class="sr-only" safe>
              {t('dashboard.signups.chartTitle')}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('dashboard.date')}
                </th>
                <th scope="col" class="text-align-right" safe>
                  {t('dashboard.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr>
                  <td safe>{dayText(d.date, page)}</td>
                  <td class="text-align-right" safe>
                    {String(d.count)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

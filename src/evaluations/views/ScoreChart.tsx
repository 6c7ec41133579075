import type { Translate } from '../../web/i18n.js';
import type { QuestionResult } from '../aggregate.js';

const BAR = 28;
const GAP = 6;
const HEIGHT = 120;
const AXIS = 22;
const LABEL = 16;

/** A mean as text in the page's language: "4,25" / "4.25"; a dash without answers. */
export function meanText(mean: number | null, locale: 'da' | 'en'): string {
  return mean === null ? '–' : mean.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * The distribution of one scale question as an inline SVG bar chart drawn on
 * the server (no script; SVG attributes are not styles, so the CSP holds).
 * One image to assistive technology: its title is the question and its
 * description gives every bar, and the same numbers follow in a table.
 */
export function ScoreChart({ t, locale, result, id }: { t: Translate; locale: 'da' | 'en'; result: QuestionResult; id: string }): JSX.Element {
  const max = Math.max(0, ...result.distribution.map((d) => d.count));
  const scale = max === 0 ? 0 : (HEIGHT - LABEL) / max;
  const width = result.distribution.length * (BAR + GAP);
  const bars = result.distribution.map((d) => t('evaluations.admin.chartBar', { score: d.score, count: d.count })).join(', ');
  const desc = t('evaluations.admin.chartDesc', { count: result.count, mean: meanText(result.mean, locale), bars });
  return (
    <svg
      class="tilmeld-chart"
      viewBox={`0 0 ${width} ${HEIGHT + AXIS}`}
      width={String(width)}
      height={String(HEIGHT + AXIS)}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`} safe>
        {result.label}
      </title>
      <desc id={`${id}-desc`} safe>
        {desc}
      </desc>
      <line x1="0" y1={String(HEIGHT)} x2={String(width)} y2={String(HEIGHT)} stroke="#4d4d4d" stroke-width="1" />
      {result.distribution.map((d, i) => {
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
            <text x={String(x + BAR / 2)} y={String(HEIGHT + 16)} text-anchor="middle" font-size="11" fill="#1a1a1a" safe>
              {String(d.score)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * Inline SVG charts, no chart library: horizontal bars grouped by figure (or by province), and
 * columns over the years. Each has a text label on every bar, a legend, and the same numbers as a
 * table (the text alternative). Horizontal positions are percentages of the chart's width, so the
 * text keeps its size on any screen.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../statistics/labels';

export interface Series {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
}

export interface BarGroup {
  readonly key: string;
  readonly label: string;
  /** One value per series (null: not reported). */
  readonly values: readonly (number | null)[];
}

const BAR_H = 18;
const BAR_GAP = 4;
/** The longest bar, in percent of the width: the rest is room for its number. */
const MAX_BAR = 70;

function barPercent(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(0.5, (value / max) * MAX_BAR);
}

/**
 * Horizontal bars: each group (a figure, a province) has its label on a line (HTML, so it wraps),
 * then one bar per series. `scale: 'group'` gives each group its own scale (figures of very different sizes side by
 * side: a year is compared with the year before); 'shared' one scale for all (provinces).
 */
export function BarChart({
  title,
  series,
  groups,
  scale,
  rowHeader,
  testId,
  note,
}: {
  title: string;
  series: readonly Series[];
  groups: readonly BarGroup[];
  scale: 'group' | 'shared';
  rowHeader: string;
  testId: string;
  note?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const barsH = series.length * (BAR_H + BAR_GAP) - BAR_GAP;
  const sharedMax = Math.max(0, ...groups.flatMap((g) => g.values.map((v) => v ?? 0)));

  return (
    <figure className="stat-chart" data-testid={testId}>
      <figcaption className="stat-chart-title" id={titleId}>
        {title}
      </figcaption>
      {series.length > 1 && <Legend series={series} />}
      {note && <p className="stat-chart-note">{note}</p>}
      {groups.length === 0 ? (
        <p className="muted">{t('No figures to show.')}</p>
      ) : (
        <div className="stat-bars" role="img" aria-labelledby={titleId} data-testid="chart-plot">
          {groups.map((g) => {
            const max = scale === 'shared' ? sharedMax : Math.max(0, ...g.values.map((v) => v ?? 0));
            return (
              <div key={g.key} className="stat-bar-group" data-testid="chart-group">
                {/* The label is HTML so that it wraps (long Khmer labels on a phone). */}
                <p className="stat-bar-label">{g.label}</p>
                <svg className="stat-chart-svg" width="100%" height={barsH} aria-hidden="true" focusable="false">
                  {series.map((s, si) => {
                    const value = g.values[si] ?? null;
                    const y = si * (BAR_H + BAR_GAP);
                    const pct = value === null ? 0 : barPercent(value, max);
                    return (
                      <g key={s.key}>
                        {pct > 0 && (
                          <rect x="0" y={y} width={`${pct}%`} height={BAR_H} fill={s.colour} data-testid="chart-bar" />
                        )}
                        <text
                          className={value === null ? 'stat-chart-value stat-chart-missing' : 'stat-chart-value'}
                          x={`${pct}%`}
                          dx={pct > 0 ? 6 : 0}
                          y={y + BAR_H - 4}
                          data-testid="chart-value"
                        >
                          {series.length > 1 && `${s.label}: `}
                          {value === null ? t('not reported') : formatNumber(value, lang)}
                        </text>
                      </g>
                    );
                  })}
                </svg>
              </div>
            );
          })}
        </div>
      )}
      <ChartTable
        header={[rowHeader, ...series.map((s) => s.label)]}
        rows={groups.map((g) => ({ key: g.key, label: g.label, values: g.values }))}
      />
    </figure>
  );
}

const COLUMNS_H = 240;
const TOP_PAD = 26;
const BOTTOM_PAD = 30;

/** Columns over the years: one bar per year, its number above it, the year below. */
export function ColumnChart({
  title,
  labels,
  values,
  colour,
  rowHeader,
  valueHeader,
  testId,
}: {
  title: string;
  labels: readonly string[];
  values: readonly (number | null)[];
  colour: string;
  rowHeader: string;
  valueHeader: string;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const plot = COLUMNS_H - TOP_PAD - BOTTOM_PAD;
  const n = Math.max(labels.length, 1);
  const slot = 100 / n;
  const barW = slot * 0.5;

  return (
    <figure className="stat-chart" data-testid={testId}>
      <figcaption className="stat-chart-title" id={titleId}>
        {title}
      </figcaption>
      <svg
        className="stat-chart-svg"
        width="100%"
        height={COLUMNS_H}
        role="img"
        aria-labelledby={titleId}
        data-testid="chart-plot"
      >
        <line className="stat-chart-axis" x1="0" x2="100%" y1={TOP_PAD + plot} y2={TOP_PAD + plot} />
        {labels.map((label, i) => {
          const value = values[i] ?? null;
          const h = value === null || max <= 0 ? 0 : Math.max(value > 0 ? 2 : 0, (value / max) * plot);
          const centre = `${slot * i + slot / 2}%`;
          return (
            <g key={label} data-testid="chart-group">
              <title>{`${label}: ${value === null ? t('not reported') : formatNumber(value, lang)}`}</title>
              {h > 0 && (
                <rect
                  x={`${slot * i + (slot - barW) / 2}%`}
                  y={TOP_PAD + plot - h}
                  width={`${barW}%`}
                  height={h}
                  fill={colour}
                  data-testid="chart-bar"
                />
              )}
              <text
                className={value === null ? 'stat-chart-value stat-chart-missing' : 'stat-chart-value'}
                x={centre}
                y={TOP_PAD + plot - h - 6}
                textAnchor="middle"
                data-testid="chart-value"
              >
                {value === null ? t('not reported') : formatNumber(value, lang)}
              </text>
              <text className="stat-chart-label" x={centre} y={COLUMNS_H - 8} textAnchor="middle">
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable
        header={[rowHeader, valueHeader]}
        rows={labels.map((label, i) => ({ key: label, label, values: [values[i] ?? null] }))}
      />
    </figure>
  );
}

function Legend({ series }: { series: readonly Series[] }) {
  return (
    <ul className="stat-legend">
      {series.map((s) => (
        <li key={s.key}>
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <rect width="14" height="14" fill={s.colour} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** The chart's numbers as a table: its text alternative, opened on demand. */
function ChartTable({
  header,
  rows,
}: {
  header: readonly string[];
  rows: readonly { key: string; label: string; values: readonly (number | null)[] }[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <details className="stat-chart-table">
      <summary data-testid="chart-table-toggle">{t('Show the numbers as a table')}</summary>
      <table className="table stats-table" data-testid="chart-table">
        <thead>
          <tr>
            {header.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" data-label={header[0]}>
                {r.label}
              </th>
              {r.values.map((v, i) => (
                <td key={i} data-label={header[i + 1]} className="num">
                  {v === null ? t('not reported') : formatNumber(v, i18n.language)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The annual report's parts on the web page: a section's figures, the by-country table, the de-duplication. */
import { useTranslation } from 'react-i18next';
import { useConfig } from '../../queries';
import { formatDateTime } from '../format';
import {
  agencyLabel,
  countryName,
  figureLabel,
  figureSentence,
  formatNumber,
  overlapLabel,
  SECTION_LABELS,
} from '../../statistics/labels';
import { byCountryTable, nationalRange, sortedOverlaps } from '../../statistics/measures';
import type { AnnualReport, StatsSection } from '../../statistics/types';

/** One section: each figure's label, the report's sentence, and (small) its indicator and version. */
export function ReportSection({ report, section }: { report: AnnualReport; section: StatsSection }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const figures = report.figures.filter((f) => f.section === section);
  return (
    <section
      className="panel stats-section"
      aria-labelledby={`stats-h-${section}`}
      data-testid={`stats-section-${section}`}
    >
      <h2 id={`stats-h-${section}`}>{t(SECTION_LABELS[section])}</h2>
      {figures.length === 0 ? (
        <p className="muted">{t('No figures in this section.')}</p>
      ) : (
        <dl className="stats-figures">
          {figures.map((f) => (
            <div key={f.id} className="stats-figure" data-testid={`stats-figure-${f.id}`}>
              <dt data-testid="stats-figure-label">{figureLabel(f, lang, f.id)}</dt>
              <dd>
                <span className="stats-sentence" data-testid="stats-figure-sentence">
                  {figureSentence(f, lang)}
                </span>
                <small className="stats-indicator">
                  {t('Indicator {{id}}, version {{version}}', { id: f.indicator.id, version: f.indicator.version })}
                </small>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** The figures counted by country (repatriations, assistance) for the report year, with column totals. */
export function ByCountry({ report }: { report: AnnualReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const config = useConfig().data;
  const table = byCountryTable(report.figures, report.year);
  return (
    <section className="panel" aria-labelledby="stats-h-country" data-testid="stats-by-country">
      <h2 id="stats-h-country">{t('By country ({{year}})', { year: report.year })}</h2>
      {table.figures.length === 0 ? (
        <p className="muted" data-testid="stats-by-country-empty">
          {t('No figure is counted by country for {{year}}.', { year: report.year })}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table stats-table">
            <caption className="visually-hidden">{t('By country ({{year}})', { year: report.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Country')}</th>
                {table.figures.map((f) => (
                  <th key={f.id} scope="col" className="num">
                    {figureLabel(f, lang, f.id)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.countries.map((c) => (
                <tr key={c}>
                  <th scope="row" data-label={t('Country')}>
                    {countryName(config, c, lang)}
                  </th>
                  {table.figures.map((f) => (
                    <td key={f.id} className="num" data-label={figureLabel(f, lang, f.id)}>
                      {formatNumber(table.count(f.id, c), lang)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" data-label={t('Country')}>
                  {t('Total')}
                </th>
                {table.figures.map((f) => (
                  <td key={f.id} className="num" data-label={figureLabel(f, lang, f.id)}>
                    {formatNumber(
                      table.countries.reduce((sum, c) => sum + table.count(f.id, c), 0),
                      lang,
                    )}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * One person, one count: how many persons each agency recorded, how they overlap ("MFAIC only",
 * "MFAIC and NGO"), and the national count with its range (confirmed links only, or with every
 * proposed match confirmed).
 */
export function DeduplicationPanel({ report }: { report: AnnualReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const d = report.deduplication;
  const agencies = Object.entries(d.agencies).sort((a, b) => a[0].localeCompare(b[0]));
  const overlaps = sortedOverlaps(d.overlaps);
  const { low, high } = nationalRange(d);
  const sum = agencies.reduce((s, [, n]) => s + n, 0);
  const n = (x: number) => formatNumber(x, lang);

  return (
    <section className="panel stats-dedup" aria-labelledby="stats-h-dedup" data-testid="stats-dedup">
      <h2 id="stats-h-dedup">{t('Victims recorded by several agencies, counted once ({{year}})', { year: d.year })}</h2>
      <div className="stats-national" data-testid="stats-national">
        <p className="stats-national-label">{t('National total, each person counted once')}</p>
        <p className="stats-national-value" data-testid="stats-national-distinct">
          {n(high)}
        </p>
        <p data-testid="stats-national-range">
          {low === high
            ? t('With the {{links}} confirmed links; no proposed match awaits review.', { links: n(d.confirmedLinks) })
            : t(
                'Between {{low}} and {{high}}: {{high}} with the {{links}} confirmed links only, {{low}} if the {{proposed}} proposed matches awaiting review are all confirmed.',
                { low: n(low), high: n(high), links: n(d.confirmedLinks), proposed: n(d.proposedLinks) },
              )}
        </p>
      </div>
      <div className="stats-dedup-tables">
        <table className="table stats-table" data-testid="stats-agencies">
          <caption>{t('Persons each agency recorded')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Agency')}</th>
              <th scope="col" className="num">
                {t('Persons')}
              </th>
            </tr>
          </thead>
          <tbody>
            {agencies.length === 0 && (
              <tr>
                <td colSpan={2}>{t('No agency recorded a victim in this year.')}</td>
              </tr>
            )}
            {agencies.map(([a, count]) => (
              <tr key={a}>
                <th scope="row" data-label={t('Agency')}>
                  {agencyLabel(a, t)}
                </th>
                <td className="num" data-label={t('Persons')}>
                  {n(count)}
                </td>
              </tr>
            ))}
          </tbody>
          {agencies.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row" data-label={t('Agency')}>
                  {t('Sum of the agency counts')}
                </th>
                <td className="num" data-label={t('Persons')}>
                  {n(sum)}
                </td>
              </tr>
            </tfoot>
          )}
        </table>
        <table className="table stats-table" data-testid="stats-overlaps">
          <caption>{t('How the agencies’ records overlap')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Recorded by')}</th>
              <th scope="col" className="num">
                {t('Persons')}
              </th>
            </tr>
          </thead>
          <tbody>
            {overlaps.length === 0 && (
              <tr>
                <td colSpan={2}>{t('No agency recorded a victim in this year.')}</td>
              </tr>
            )}
            {overlaps.map(([set, count]) => (
              <tr key={set.join('+')} data-testid="stats-overlap">
                <th scope="row" data-label={t('Recorded by')}>
                  {overlapLabel(set, t)}
                </th>
                <td className="num" data-label={t('Persons')}>
                  {n(count)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Small print: when the figures were read, at which audit checkpoint. */
export function ReportProvenance({ report }: { report: AnnualReport }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="stats-provenance" data-testid="stats-provenance">
      <small>
        {t(
          'Figures as of {{asOf}}, computed at audit checkpoint #{{seq}} (chain head {{hash}}). Recomputing at this checkpoint gives the same values; each figure names its indicator and version.',
          {
            asOf: formatDateTime(report.asOf, i18n.language),
            seq: report.checkpoint.seq,
            hash: report.checkpoint.hash.slice(0, 12),
          },
        )}
      </small>
    </p>
  );
}

import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../components/format';
import { LangSwitch } from '../components/lang-switch';
import { usePageTitle } from '../components/page-title';
import { ErrorPanel, Loading } from '../components/status';
import { YearSelect } from '../components/statistics/controls';
import { localName } from '../i18n';
import { useConfig } from '../queries';
import { countryName, formatNumber, partLabel, SECTION_LABELS } from '../statistics/labels';
import { parseYear, SECTIONS } from '../statistics/measures';
import { usePublicStatistics } from '../statistics/public-api';
import type { PublicAgencyRow, PublicFigure, PublishedCell, PublicStatistics } from '../statistics/types';
import '../statistics/statistics.css';

/**
 * The published statistics, reachable without signing in: the annual report's figures with counts
 * from 1 to the threshold hidden (and enough others that none can be worked out from the totals),
 * the per-agency table (government bodies by name; NGOs together as "NGOs" unless the country
 * publishes their names) and the by-country table, each with its totals. No identities. The call
 * sends no cookie.
 */
export function PublicStatisticsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('Public statistics'));
  const config = useConfig().data;
  const [params, setParams] = useSearchParams();
  const year = parseYear(params.get('year'));
  const query = usePublicStatistics(year);
  const data = query.data;

  return (
    <div className="public-stats">
      <header className="public-stats-top">
        <p className="auth-brand">
          <span className="brand-mark">CTIS</span>
          <span>{t('Counter-Trafficking Information System')}</span>
        </p>
        <LangSwitch />
      </header>
      <main className="page public-stats-main" id="main">
        {config && <p className="auth-country">{localName(config.name, i18n.language)}</p>}
        <h1>{t('Public statistics')}</h1>
        <p>
          {t(
            'The national counter-trafficking figures, as the annual report counts them. They contain no names or other identities.',
          )}
        </p>
        <div className="stats-filters">
          <YearSelect
            value={year}
            onChange={(y) => setParams({ year: String(y) }, { replace: true })}
            testId="public-year"
          />
        </div>
        {query.isPending && <Loading />}
        {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
        {data && (
          <>
            <p className="alert alert-info" data-testid="public-suppression-note">
              {t(
                'To protect the people counted, counts from 1 to {{threshold}} are not shown. A few larger counts are not shown either, so that a small count cannot be worked out from the totals.',
                { threshold: data.suppressionThreshold },
              )}
            </p>
            {SECTIONS.map((s) => (
              <PublicSection key={s} data={data} section={s} />
            ))}
            <PublicAgencies data={data} />
            <PublicByCountry data={data} />
            <p className="stats-provenance">
              <small>
                {t('Figures as of {{asOf}}, computed at audit checkpoint #{{seq}}.', {
                  asOf: formatDateTime(data.asOf, i18n.language),
                  seq: data.checkpoint.seq,
                })}
              </small>
            </p>
          </>
        )}
        <p className="auth-help">
          <Link to="/login">{t('Staff sign-in')}</Link>
        </p>
      </main>
    </div>
  );
}

/** A published cell: its number, or the words that say it is hidden. */
function Cell({ cell, threshold }: { cell: PublishedCell | undefined; threshold: number }) {
  const { t, i18n } = useTranslation();
  if (!cell) return <span className="muted">{t('not reported')}</span>;
  if ('suppressed' in cell)
    return (
      <span
        className="stats-suppressed"
        title={t('A count from 1 to {{threshold}}, or one hidden so that such a count cannot be worked out', {
          threshold,
        })}
        data-testid="public-suppressed"
      >
        {t('Not shown to protect identities')}
      </span>
    );
  return <span data-testid="public-value">{formatNumber(cell.value, i18n.language)}</span>;
}

/** The parts a figure's published values have ("trainings", "participants"), '' for a plain count. */
function partsOf(figure: PublicFigure, years: readonly string[]): string[] {
  const parts: string[] = [];
  for (const key of Object.keys(figure.values)) {
    const [y, part = ''] = key.split('.');
    if (years.includes(y!) && !parts.includes(part)) parts.push(part);
  }
  return parts.length ? parts : [''];
}

function PublicSection({ data, section }: { data: PublicStatistics; section: (typeof SECTIONS)[number] }) {
  const { t, i18n } = useTranslation();
  const years = [String(data.year), String(data.previousYear)];
  const figures = data.figures.filter((f) => f.section === section);
  return (
    <section className="panel" aria-labelledby={`public-h-${section}`} data-testid={`public-section-${section}`}>
      <h2 id={`public-h-${section}`}>{t(SECTION_LABELS[section])}</h2>
      {figures.length === 0 ? (
        <p className="muted">{t('No figures in this section.')}</p>
      ) : (
        <table className="table stats-table">
          <caption className="visually-hidden">{t(SECTION_LABELS[section])}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Figure')}</th>
              {years.map((y) => (
                <th key={y} scope="col" className="num">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {figures.flatMap((f) =>
              partsOf(f, years).map((part) => {
                const name = localName(f.label, i18n.language) || f.id;
                const label = part ? `${name} — ${partLabel(part, t)}` : name;
                return (
                  <tr key={`${f.id}:${part}`} data-testid={`public-figure-${f.id}`}>
                    <th scope="row" data-label={t('Figure')}>
                      {label}
                    </th>
                    {years.map((y) => (
                      <td key={y} className="num" data-label={y}>
                        <Cell cell={f.values[part ? `${y}.${part}` : y]} threshold={data.suppressionThreshold} />
                      </td>
                    ))}
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** "MFAIC — Victims repatriated by the MFAIC": an agency row as the reader knows it. */
function agencyRowLabel(row: PublicAgencyRow, lang: string, ngos: string): string {
  const agency = row.ngo && row.agency === 'NGOs' ? ngos : row.agency;
  const figure = localName(row.figure, lang);
  return figure ? `${agency} — ${figure}` : agency;
}

/** The agency figures (repatriations by MFAIC, by MOSAVY, NGO assistance…) for both years, with totals. */
function PublicAgencies({ data }: { data: PublicStatistics }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const agencies = data.agencies;
  if (!agencies || agencies.rows.length === 0) return null;
  const table = agencies.table;
  const title = t('By agency');
  return (
    <section className="panel" aria-labelledby="public-h-agency" data-testid="public-by-agency">
      <h2 id="public-h-agency">{title}</h2>
      <p className="muted">
        {t('Each agency counts the people it recorded; a person helped by several agencies is in each of their rows.')}
      </p>
      <div className="table-scroll">
        <table className="table stats-table" data-testid="public-by-agency-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Agency')}</th>
              {table.columns.map((y) => (
                <th key={y} scope="col" className="num">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {agencies.rows.map((row, r) => (
              <tr key={row.id} data-testid={`public-agency-${row.id}`}>
                <th scope="row" data-label={t('Agency')} title={localName(row.name, lang)}>
                  {agencyRowLabel(row, lang, t('NGOs'))}
                </th>
                {table.columns.map((y, i) => (
                  <td key={y} className="num" data-label={y}>
                    <Cell cell={table.cells[r]?.[i]} threshold={data.suppressionThreshold} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" data-label={t('Agency')}>
                {t('Sum of the agencies')}
              </th>
              {table.columns.map((y, i) => (
                <td key={y} className="num" data-label={y}>
                  <Cell cell={table.columnTotals[i]} threshold={data.suppressionThreshold} />
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** Victims repatriated and assisted by country and agency, with row and column totals. */
function PublicByCountry({ data }: { data: PublicStatistics }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const config = useConfig().data;
  const table = data.byCountry;
  const title = t('By country ({{year}})', { year: data.year });
  const column = (id: string) => {
    const row = data.agencies?.rows.find((r) => r.id === id);
    if (row) return agencyRowLabel(row, lang, t('NGOs'));
    return localName(data.figures.find((f) => f.id === id)?.label, lang) || id;
  };
  return (
    <section className="panel" aria-labelledby="public-h-country" data-testid="public-by-country">
      <h2 id="public-h-country">{title}</h2>
      {!table || table.rows.length === 0 ? (
        <p className="muted" data-testid="public-by-country-empty">
          {t('No figure is counted by country for {{year}}.', { year: data.year })}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table stats-table" data-testid="public-by-country-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Country')}</th>
                {table.columns.map((c) => (
                  <th key={c} scope="col" className="num">
                    {column(c)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('Total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={row}>
                  <th scope="row" data-label={t('Country')}>
                    {countryName(config, row, lang)}
                  </th>
                  {table.columns.map((c, i) => (
                    <td key={c} className="num" data-label={column(c)}>
                      <Cell cell={table.cells[r]?.[i]} threshold={data.suppressionThreshold} />
                    </td>
                  ))}
                  <td className="num" data-label={t('Total')}>
                    <Cell cell={table.rowTotals[r]} threshold={data.suppressionThreshold} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" data-label={t('Country')}>
                  {t('Total')}
                </th>
                {table.columns.map((c, i) => (
                  <td key={c} className="num" data-label={column(c)}>
                    <Cell cell={table.columnTotals[i]} threshold={data.suppressionThreshold} />
                  </td>
                ))}
                <td className="num" data-label={t('Total')}>
                  <Cell cell={table.grandTotal} threshold={data.suppressionThreshold} />
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { ErrorPanel, Loading } from '../components/status';
import { BarChart, ColumnChart } from '../components/statistics/charts';
import { ProvinceSelect, StatsTabs, useYearProvince, YearSelect } from '../components/statistics/controls';
import { OKABE_ITO, YEAR_COLOURS } from '../components/statistics/palette';
import { useConfig } from '../queries';
import { measureLabel, provinceName, SECTION_LABELS } from '../statistics/labels';
import { measuresOf, measureValue, SECTIONS, trendYears, type Measure } from '../statistics/measures';
import { useAnnualReport, useProvinceReports, useStatsScope, useYearReports } from '../statistics/queries';
import type { AnnualReport, StatsSection } from '../statistics/types';
import '../statistics/statistics.css';

/**
 * Charts of the annual report's figures: each section's figures this year beside the year before,
 * one figure over the years, and (national readers) one figure by province. Every number is the
 * annual report's own, from the same API call as the report page.
 */
export function StatisticsDashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  usePageTitle(t('Dashboard'));
  const config = useConfig().data;
  const { year, province, setYear, setProvince } = useYearProvince();
  const [section, setSection] = useState<StatsSection | ''>('');
  const [figure, setFigure] = useState('');
  const scope = useStatsScope(year);
  const national = scope.national === true;
  const chosen = national && province ? province : '';
  const byProvince = useAnnualReport(year, chosen, chosen !== '');
  const query = chosen ? byProvince : scope.query;
  const report = query.data;

  const measures = report ? measuresOf(report.figures) : [];
  const offered = measures.filter((m) => !section || m.section === section);
  const measure = offered.find((m) => m.key === figure) ?? offered[0];
  const label = (m: Measure) =>
    measureLabel(
      report?.figures.find((f) => f.id === m.figureId),
      m.part,
      lang,
      t,
      m.figureId,
    );

  return (
    <section className="page stats-page">
      <div className="page-head">
        <h1>{t('Dashboard')}</h1>
      </div>
      <StatsTabs />
      <div className="stats-filters" role="group" aria-label={t('Filters')}>
        <YearSelect value={year} onChange={setYear} testId="dash-year" />
        {national && <ProvinceSelect value={chosen} onChange={setProvince} testId="dash-province" />}
        <SelectField
          label={t('Section')}
          value={section}
          onChange={(e) => setSection(e.target.value as StatsSection | '')}
          data-testid="dash-section"
        >
          <option value="">{t('All sections')}</option>
          {SECTIONS.map((s) => (
            <option key={s} value={s}>
              {t(SECTION_LABELS[s])}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('Figure')}
          value={measure?.key ?? ''}
          onChange={(e) => setFigure(e.target.value)}
          disabled={offered.length === 0}
          data-testid="dash-figure"
        >
          {offered.map((m) => (
            <option key={m.key} value={m.key}>
              {label(m)}
            </option>
          ))}
        </SelectField>
      </div>
      {scope.ownProvince && (
        <p className="muted">
          {t('The figures of {{province}}: your account sees its own province.', {
            province: provinceName(config, scope.ownProvince, lang),
          })}
        </p>
      )}
      {query.isPending && <Loading />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {report && (
        <>
          {(section ? [section] : SECTIONS).map((s) => (
            <div key={s} className="panel">
              <BarChart
                testId={`dash-chart-section-${s}`}
                title={t('{{section}}: {{year}} and {{previous}}', {
                  section: t(SECTION_LABELS[s]),
                  year: report.year,
                  previous: report.previousYear,
                })}
                note={t(
                  'Each figure has its own scale: compare a year with the year before, not one figure with another.',
                )}
                rowHeader={t('Figure')}
                scale="group"
                series={[
                  { key: 'current', label: String(report.year), colour: YEAR_COLOURS.current },
                  { key: 'previous', label: String(report.previousYear), colour: YEAR_COLOURS.previous },
                ]}
                groups={measures
                  .filter((m) => m.section === s)
                  .map((m) => ({
                    key: m.key,
                    label: label(m),
                    values: [measureValue(report, m, report.year), measureValue(report, m, report.previousYear)],
                  }))}
              />
            </div>
          ))}
          {measure && <TrendChart year={year} province={chosen} measure={measure} label={label(measure)} />}
          {measure && national && <ProvinceChart year={year} measure={measure} label={label(measure)} />}
        </>
      )}
    </section>
  );
}

/** One figure over four years, each year's value from that year's report. */
function TrendChart({
  year,
  province,
  measure,
  label,
}: {
  year: number;
  province: string;
  measure: Measure;
  label: string;
}) {
  const { t } = useTranslation();
  const years = trendYears(year);
  const reports = useYearReports(years, province);
  const failed = reports.find((r) => r.isError);
  const ready = reports.every((r) => r.data);
  return (
    <div className="panel">
      {failed && <ErrorPanel error={failed.error} onRetry={() => void failed.refetch()} />}
      {!failed && !ready && <Loading />}
      {ready && (
        <ColumnChart
          testId="dash-chart-years"
          title={t('{{figure}}: {{from}} to {{to}}', { figure: label, from: years[0], to: years[years.length - 1] })}
          labels={years.map(String)}
          values={reports.map((r, i) => measureValue(r.data as AnnualReport, measure, years[i]!))}
          colour={OKABE_ITO.blue}
          rowHeader={t('Year')}
          valueHeader={label}
        />
      )}
    </div>
  );
}

/** One figure by province, for national readers: 25 reports, computed a few at a time once asked for. */
function ProvinceChart({ year, measure, label }: { year: number; measure: Measure; label: string }) {
  const { t, i18n } = useTranslation();
  const config = useConfig().data;
  const provinces = (config?.provinces ?? []).map((p) => p.code);
  const [asked, setAsked] = useState(false);
  const { query, done, total } = useProvinceReports(year, provinces, asked);
  const rows = query.data
    ? provinces
        .map((p) => ({ p, value: measureValue(query.data.get(p)!, measure, year) }))
        .sort((a, b) => (b.value ?? -1) - (a.value ?? -1))
    : [];
  const title = t('{{figure}} by province, {{year}}', { figure: label, year });
  return (
    <div className="panel" data-testid="dash-provinces">
      {!asked ? (
        <>
          <h2 className="stat-chart-title">{title}</h2>
          <p className="muted">
            {t('Each province’s figures are computed from the records: this takes a little while.')}
          </p>
          <button type="button" className="button" onClick={() => setAsked(true)} data-testid="dash-provinces-load">
            {t('Compare the provinces')}
          </button>
        </>
      ) : query.isError ? (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <p className="loading" role="status" aria-live="polite" data-testid="dash-provinces-progress">
          {t('Computing the provinces’ figures: {{done}} of {{total}}…', { done, total })}
        </p>
      ) : (
        <BarChart
          testId="dash-chart-provinces"
          title={title}
          rowHeader={t('Province')}
          scale="shared"
          series={[{ key: 'value', label: String(year), colour: YEAR_COLOURS.current }]}
          groups={rows.map(({ p, value }) => ({
            key: p,
            label: provinceName(config, p, i18n.language),
            values: [value],
          }))}
        />
      )}
    </div>
  );
}

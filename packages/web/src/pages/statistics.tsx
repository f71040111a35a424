import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../components/page-title';
import { ErrorPanel, Loading } from '../components/status';
import { Downloads, ProvinceSelect, StatsTabs, useYearProvince, YearSelect } from '../components/statistics/controls';
import { ByCountry, DeduplicationPanel, ReportProvenance, ReportSection } from '../components/statistics/report-parts';
import { useConfig } from '../queries';
import { provinceName } from '../statistics/labels';
import { SECTIONS } from '../statistics/measures';
import { useAnnualReport, useStatsScope } from '../statistics/queries';
import '../statistics/statistics.css';

/**
 * The annual report as a web page: prosecution, protection and prevention, each figure with the
 * report's own sentence ("207 (53 in 2016)"), the by-country table, the de-duplication across
 * agencies, the checkpoint; downloads in the current language. National readers may choose a
 * province; a provincial reader sees their own province's figures.
 */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('Annual report'));
  const config = useConfig().data;
  const { year, province, setYear, setProvince } = useYearProvince();
  const scope = useStatsScope(year);
  const national = scope.national === true;
  const chosen = national && province ? province : '';
  const byProvince = useAnnualReport(year, chosen, chosen !== '');
  const query = chosen ? byProvince : scope.query;
  const report = query.data;

  return (
    <section className="page stats-page">
      <div className="page-head">
        <h1>{t('Annual report')}</h1>
      </div>
      <StatsTabs />
      <div className="stats-filters">
        <YearSelect value={year} onChange={setYear} testId="stats-year" />
        {national && <ProvinceSelect value={chosen} onChange={setProvince} testId="stats-province" />}
      </div>
      {scope.ownProvince && (
        <p className="muted" data-testid="stats-own-province">
          {t('The figures of {{province}}: your account sees its own province.', {
            province: provinceName(config, scope.ownProvince, i18n.language),
          })}
        </p>
      )}
      {query.isPending && <Loading />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {report && (
        <>
          <p className="stats-heading-line" data-testid="stats-scope">
            {report.province
              ? t('{{province}}, {{year}} compared with {{previous}}', {
                  province: provinceName(config, report.province, i18n.language),
                  year: report.year,
                  previous: report.previousYear,
                })
              : t('National figures, {{year}} compared with {{previous}}', {
                  year: report.year,
                  previous: report.previousYear,
                })}
          </p>
          <Downloads year={report.year} province={chosen || null} />
          {SECTIONS.map((s) => (
            <ReportSection key={s} report={report} section={s} />
          ))}
          <ByCountry report={report} />
          <DeduplicationPanel report={report} />
          <ReportProvenance report={report} />
        </>
      )}
    </section>
  );
}

/** The statistics pages' shared controls: the sub-navigation, the year and province pickers, the downloads. */
import { useTranslation } from 'react-i18next';
import { NavLink, useSearchParams } from 'react-router';
import { SelectField } from '../field';
import { localName } from '../../i18n';
import { useConfig } from '../../queries';
import { parseYear, statYears } from '../../statistics/measures';
import { downloadUrl, type DownloadFormat } from '../../statistics/queries';

/** Annual report, dashboard, approvals: the statistics section's own navigation. */
export function StatsTabs() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  // Keep the year (and province) when moving between the pages.
  const keep = new URLSearchParams();
  for (const k of ['year', 'province']) {
    const v = params.get(k);
    if (v) keep.set(k, v);
  }
  const search = keep.size ? `?${keep.toString()}` : '';
  const tabs = [
    { to: '/statistics', label: t('Annual report'), testId: 'stats-tab-report', end: true },
    { to: '/statistics/dashboard', label: t('Dashboard'), testId: 'stats-tab-dashboard', end: true },
    { to: '/statistics/approvals', label: t('Approvals'), testId: 'stats-tab-approvals', end: false },
  ];
  return (
    <nav className="stats-tabs" aria-label={t('Statistics')}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={`${tab.to}${search}`} end={tab.end} data-testid={tab.testId}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}

/** The year and province in the address bar (?year=2017&province=KH-12), so a view can be shared. */
export function useYearProvince(): {
  year: number;
  province: string;
  setYear: (year: number) => void;
  setProvince: (province: string) => void;
} {
  const [params, setParams] = useSearchParams();
  const year = parseYear(params.get('year'));
  const province = params.get('province') ?? '';
  const update = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return {
    year,
    province,
    setYear: (y) => update('year', String(y)),
    setProvince: (p) => update('province', p),
  };
}

export function YearSelect({
  value,
  onChange,
  testId,
}: {
  value: number;
  onChange: (y: number) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('Year')}
      value={value}
      onChange={(e) => onChange(Number(e.target.value))}
      data-testid={testId}
    >
      {statYears().map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </SelectField>
  );
}

/** National readers choose a province or the whole country. */
export function ProvinceSelect({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (p: string) => void;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const provinces = useConfig().data?.provinces ?? [];
  return (
    <SelectField label={t('Province')} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      <option value="">{t('Whole country (national)')}</option>
      {provinces.map((p) => (
        <option key={p.code} value={p.code}>
          {localName(p.name, i18n.language)}
        </option>
      ))}
    </SelectField>
  );
}

const FORMATS: readonly { format: DownloadFormat; label: string }[] = [
  { format: 'pdf', label: 'PDF' },
  { format: 'xlsx', label: 'XLSX' },
  { format: 'csv', label: 'CSV' },
];

/** The report as PDF, spreadsheet and CSV, in the current language. */
export function Downloads({ year, province }: { year: number; province: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="stats-downloads" role="group" aria-label={t('Download the report')}>
      <span className="stats-downloads-label">{t('Download the report')}</span>
      {FORMATS.map(({ format, label }) => (
        <a
          key={format}
          className="button"
          href={downloadUrl(format, year, i18n.language, province)}
          download
          data-testid={`stats-download-${format}`}
        >
          {t('Download {{format}}', { format: label })}
        </a>
      ))}
    </div>
  );
}

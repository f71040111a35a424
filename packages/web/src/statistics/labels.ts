/** Words of the statistics pages: sections, named parts of figures, agencies, values in the UI language. */
import type { TFunction } from 'i18next';
import { localName, tk } from '../i18n';
import type { PublicConfig } from '../types';
import { partValue } from './measures';
import type { FigureValue, ReportFigure, SnapshotStatus, StatsSection } from './types';

export const SECTION_LABELS: Record<StatsSection, string> = {
  prosecution: tk('Prosecution'),
  protection: tk('Protection'),
  prevention: tk('Prevention'),
  profile: tk('Country profile'),
};

export const SNAPSHOT_STATUS: Record<SnapshotStatus, string> = {
  approved: tk('Approved by the province'),
  accepted: tk('Accepted nationally'),
};

/** The named counts figures use (the report's own units), as column and bar labels. */
const PART_LABELS: Record<string, string> = {
  trainings: tk('Trainings'),
  participants: tk('Participants'),
  firms_closed: tk('Firms closed'),
  arrests: tk('Arrests'),
  provinces: tk('Provinces'),
  officials: tk('Officials'),
  days: tk('Days'),
  cases: tk('Cases'),
  persons: tk('Persons'),
  count: tk('Count'),
  KHR: tk('Riels'),
  USD: tk('US dollars'),
  // Where victims were identified; to whom they were referred.
  screening: tk('Through screening'),
  referral: tk('On referral'),
  police_operation: tk('In police operations'),
  consular: tk('By consular services'),
  hotline: tk('Through hotlines'),
  shelter_intake: tk('At shelter intake'),
  labour_inspection: tk('In labour inspections'),
  other: tk('Other'),
  to_social_affairs: tk('To social affairs'),
  to_ngo: tk('To NGOs'),
  to_international_organisation: tk('To international organisations'),
  to_consular: tk('To consular services'),
  to_police: tk('To the police'),
  to_diplomatic_mission: tk('To diplomatic missions'),
  to_labour_inspectorate: tk('To labour inspectors'),
  to_immigration: tk('To immigration'),
  to_prosecutor: tk('To prosecutors'),
  to_court: tk('To courts'),
  to_ministry: tk('To ministries'),
  to_national_committee: tk('To the national committee'),
  to_provincial_committee: tk('To provincial committees'),
  to_oversight: tk('To oversight bodies'),
};

export function partLabel(part: string, t: TFunction): string {
  const key = PART_LABELS[part];
  return key ? t(key) : part.replace(/_/g, ' ');
}

/** A figure's label in the language (the API gives English and Khmer). */
export function figureLabel(figure: Pick<ReportFigure, 'label'> | undefined, lang: string, fallback = ''): string {
  if (!figure) return fallback;
  return (lang === 'km' ? figure.label.km : figure.label.en) || figure.label.en || fallback;
}

/** A measure's label: the figure's, and the part's name for a figure with named counts. */
export function measureLabel(
  figure: Pick<ReportFigure, 'label'> | undefined,
  part: string,
  lang: string,
  t: TFunction,
  fallback = '',
): string {
  const name = figureLabel(figure, lang, fallback);
  return part ? `${name} — ${partLabel(part, t)}` : name;
}

/** The styled sentence in the language: "207 (53 in 2016)". */
export function figureSentence(figure: Pick<ReportFigure, 'style'>, lang: string): string {
  return lang === 'km' ? figure.style.km || figure.style.en : figure.style.en;
}

/** An agency key of the de-duplication ("MFAIC", "MOSAVY", "NGO"), as the reader knows it. */
export function agencyLabel(key: string, t: TFunction): string {
  return key.toUpperCase() === 'NGO' ? t('NGO') : key;
}

/** "MFAIC only"; "MFAIC and NGO"; "MFAIC, MOSAVY and NGO". */
export function overlapLabel(agencies: readonly string[], t: TFunction): string {
  const names = agencies.map((a) => agencyLabel(a, t));
  if (names.length === 1) return t('{{agency}} only', { agency: names[0] });
  return t('{{list}} and {{last}}', { list: names.slice(0, -1).join(', '), last: names[names.length - 1] });
}

export function provinceName(config: PublicConfig | undefined, code: string | null, lang: string): string {
  if (!code) return '';
  return localName(config?.provinces.find((p) => p.code === code)?.name, lang) || code;
}

export function countryName(config: PublicConfig | undefined, code: string, lang: string): string {
  return localName(config?.countries?.find((c) => c.code === code)?.name, lang) || code;
}

const formats = new Map<string, Intl.NumberFormat>();

/** A count with the language's grouping, in Western digits as the report writes them: 70,500. */
export function formatNumber(n: number, lang: string): string {
  const locale = lang === 'km' ? 'km-u-nu-latn' : 'en-US';
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    formats.set(locale, f);
  }
  return f.format(n);
}

/** A number, or "not reported". */
export function formatCount(n: number | null, lang: string, t: TFunction): string {
  return n === null ? t('not reported') : formatNumber(n, lang);
}

/** Any value (a count, named counts, or null) as text: "1,577", "Trainings: 66, Participants: 1,577". */
export function formatValue(value: FigureValue | undefined, lang: string, t: TFunction): string {
  if (value === undefined || value === null || typeof value === 'number') return formatCount(value ?? null, lang, t);
  const parts = Object.keys(value);
  if (parts.length === 0) return t('not reported');
  return parts.map((p) => `${partLabel(p, t)}: ${formatCount(partValue(value, p), lang, t)}`).join(', ');
}

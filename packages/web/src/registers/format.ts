/** A register's values as text in the UI language, by field kind. */
import type { TFunction } from 'i18next';
import { tk } from './keys';
import { fieldLabel, optionLabel } from './labels';
import type { FieldSpec, RegisterInfo } from './types';

export interface Namers {
  org: (id: string) => string;
  province: (code: string) => string;
  country: (code: string) => string;
  /** The label of a record of another register (reference fields), if known. */
  reference?: (register: string, id: string) => string | undefined;
}

export interface FormatContext {
  t: TFunction;
  lang: string;
  names: Namers;
}

const RIELS = tk('{{amount}} riels');
const DOLLARS = tk('US${{amount}}');

/** A number with the thousands separators of the language (Latin digits; browsers without Khmer data use English). */
export function formatNumber(n: number, lang: string): string {
  try {
    return new Intl.NumberFormat(lang === 'km' ? 'en' : lang, { maximumFractionDigits: 2 }).format(n);
  } catch {
    return String(n);
  }
}

function money(name: string, n: number, ctx: FormatContext): string {
  const amount = formatNumber(n, ctx.lang);
  if (/Khr$/.test(name)) return ctx.t(RIELS, { amount });
  if (/Usd$/.test(name)) return ctx.t(DOLLARS, { amount });
  return amount;
}

/** One value of a record, formatted by its field's kind (derived fields, which have no spec, by the value's type). */
export function formatValue(spec: FieldSpec | undefined, name: string, value: unknown, ctx: FormatContext): string {
  const { t, names } = ctx;
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) {
    if (spec?.kind === 'idList' || name.endsWith('Ids')) return formatNumber(value.length, ctx.lang);
    const itemSpec = spec && { ...spec, kind: spec.kind === 'provinceList' ? 'province' : 'enum' };
    return value.map((v) => formatValue(itemSpec as FieldSpec, name, v, ctx)).join(', ');
  }
  if (typeof value === 'boolean') return value ? t('Yes') : t('No');
  if (typeof value === 'number') {
    if (spec?.kind === 'year') return String(value);
    return money(name, value, ctx);
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const org = typeof o['organisationId'] === 'string' ? names.org(o['organisationId']) : '';
    const on = typeof o['on'] === 'string' ? o['on'] : typeof o['occurredOn'] === 'string' ? o['occurredOn'] : '';
    return [org, on].filter(Boolean).join(', ');
  }
  const text = String(value);
  switch (spec?.kind) {
    case 'enum':
    case 'enumList':
      return optionLabel(name, text, t);
    case 'organisation':
      return names.org(text);
    case 'province':
    case 'provinceList':
      return names.province(text);
    case 'country':
      return names.country(text);
    case 'reference':
      return names.reference?.(spec.register ?? '', text) ?? text.slice(0, 8);
    default:
      return text;
  }
}

/** The summary columns of a register: each name, its spec (absent for derived fields) and its translated label. */
export function summaryColumns(register: RegisterInfo, t: TFunction) {
  return register.summary.map((name) => ({
    name,
    spec: register.fields.find((f) => f.name === name),
    label: fieldLabel(register.id, name, t),
  }));
}

/**
 * The fields a record of `register` is named by (in lists of other registers, on its page): its
 * first text summary field (a name, a title), else its first two summary fields (e.g. date and sector).
 */
export function titleFields(register: RegisterInfo): string[] {
  const text = register.summary.find((n) => register.fields.find((f) => f.name === n)?.kind === 'text');
  return text ? [text] : register.summary.slice(0, 2);
}

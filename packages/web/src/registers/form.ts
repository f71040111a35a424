/**
 * A register's form, generated from its field specs: the record's data as form values (the draft),
 * and back, with the checks the browser can make before asking the server (required, numbers).
 */
import { tk } from './keys';
import type { FieldKind, FieldSpec, RecordData } from './types';

/** Scalars as text ('' when absent; booleans 'yes' / 'no'), lists of codes as arrays. */
export type Draft = Record<string, string | string[]>;

const LIST_KINDS: readonly FieldKind[] = ['enumList', 'provinceList'];
const NUMBER_KINDS: readonly FieldKind[] = ['integer', 'year', 'amount', 'decimal'];
const WHOLE_KINDS: readonly FieldKind[] = ['integer', 'year'];

export const isListField = (spec: FieldSpec) => LIST_KINDS.includes(spec.kind);
export const isNumberField = (spec: FieldSpec) => NUMBER_KINDS.includes(spec.kind);

export const REQUIRED = tk('This field is required.');
export const NOT_A_NUMBER = tk('Enter a number, e.g. 1500.');
export const NOT_WHOLE = tk('Enter a whole number, e.g. 12.');

/** The fields a form offers: all but those set by one-step actions. */
export const editableFields = (fields: readonly FieldSpec[]) => fields.filter((f) => !f.readOnly);

/** The form values of a record (a new record when `data` is empty). */
export function toDraft(fields: readonly FieldSpec[], data: RecordData = {}): Draft {
  const draft: Draft = {};
  for (const spec of fields) {
    const value = data[spec.name];
    if (isListField(spec)) draft[spec.name] = Array.isArray(value) ? value.map(String) : [];
    else if (spec.kind === 'idList') draft[spec.name] = Array.isArray(value) ? value.map(String).join('\n') : '';
    else if (spec.kind === 'boolean') draft[spec.name] = value === true ? 'yes' : value === false ? 'no' : '';
    else draft[spec.name] = value === undefined || value === null ? '' : String(value);
  }
  return draft;
}

/** A number as typed: thousands separators and spaces are allowed ("4,900,000,000"). */
export function parseNumber(text: string): number | null {
  const cleaned = text.replace(/[\s,_]/g, '');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

export interface Converted {
  /** The body to send: only the fields given (absent ones left out). */
  data: RecordData;
  /** Problems found before sending: field name -> translation key. */
  errors: Record<string, string>;
}

/** The record to send from the form values, or the problems to show beside the fields. */
export function fromDraft(fields: readonly FieldSpec[], draft: Draft): Converted {
  const data: RecordData = {};
  const errors: Record<string, string> = {};
  for (const spec of fields) {
    const raw = draft[spec.name];
    if (isListField(spec)) {
      const list = Array.isArray(raw) ? raw : [];
      if (list.length > 0 || spec.required) data[spec.name] = list;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (spec.kind === 'idList') {
      const ids = text.split(/[\s,;]+/).filter(Boolean);
      if (ids.length > 0 || spec.required) data[spec.name] = ids;
      continue;
    }
    if (text === '') {
      if (spec.required) errors[spec.name] = REQUIRED;
      continue;
    }
    if (isNumberField(spec)) {
      const n = parseNumber(text);
      if (n === null) errors[spec.name] = NOT_A_NUMBER;
      else if (WHOLE_KINDS.includes(spec.kind) && !Number.isInteger(n)) errors[spec.name] = NOT_WHOLE;
      else data[spec.name] = n;
    } else if (spec.kind === 'boolean') {
      data[spec.name] = text === 'yes';
    } else if (spec.kind === 'country') {
      data[spec.name] = text.toUpperCase();
    } else {
      data[spec.name] = text;
    }
  }
  return { data, errors };
}

/** The fields whose value differs between two versions of a record, in the order of `names`. */
export function changedFields(before: RecordData, after: RecordData, names: readonly string[]): string[] {
  const keys = [...names, ...Object.keys(after).filter((k) => !names.includes(k))];
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return keys.filter((k) => !same(before[k], after[k]) && (k in before || k in after));
}

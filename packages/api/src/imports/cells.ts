import type { FieldKind, FieldSpec } from '@ctis/core';
import { isoDate, type Cell } from './parse.ts';

/**
 * One spreadsheet cell as the value of a register field, by the field's kind. An empty cell is an
 * absent field (`value: undefined`); the register's own rules (checkRegisterRecord) judge the rest.
 */
export type CellResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const ABSENT: CellResult = { ok: true, value: undefined };
const ok = (value: unknown): CellResult => ({ ok: true, value });
const bad = (message: string): CellResult => ({ ok: false, message });

const NUMERIC = new Set<FieldKind>(['integer', 'amount', 'decimal', 'year']);
const LISTS = new Set<FieldKind>(['enumList', 'idList', 'provinceList']);

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** "1,577" or "4,900,000,000.50": commas only as thousands separators, in groups of three. */
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const KHMER_DIGITS = /[\u17e0-\u17e9]/g;
/** A date written with a midnight time, as some spreadsheet programs export date cells. */
const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)$/;

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

export function cellValue(spec: FieldSpec, cell: Cell): CellResult {
  if (cell === null) return ABSENT;
  if (typeof cell === 'string') {
    const s = cell.trim();
    return s === '' ? ABSENT : fromText(spec.kind, s);
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return bad('is not a number');
    if (NUMERIC.has(spec.kind)) return ok(cell);
    if (spec.kind === 'boolean')
      return cell === 1
        ? ok(true)
        : cell === 0
          ? ok(false)
          : bad('is not yes or no — write yes, no, true, false, 1 or 0');
    if (spec.kind === 'date') return bad('is a number, not a date — format the cell as a date or write YYYY-MM-DD');
    return fromText(spec.kind, String(cell));
  }
  if (typeof cell === 'boolean') {
    if (spec.kind === 'boolean') return ok(cell);
    if (NUMERIC.has(spec.kind)) return bad('is not a number');
    return fromText(spec.kind, String(cell));
  }
  // A date cell.
  if (Number.isNaN(cell.getTime())) return bad('is not a valid date');
  if (spec.kind === 'date') return ok(isoDate(cell));
  if (spec.kind === 'year') return bad('is a date — write the year alone, e.g. 2017');
  if (NUMERIC.has(spec.kind)) return bad('is a date, not a number');
  if (spec.kind === 'boolean') return bad('is a date — write yes or no');
  return fromText(spec.kind, isoDate(cell));
}

function fromText(kind: FieldKind, s: string): CellResult {
  if (NUMERIC.has(kind)) {
    const t = s.replace(KHMER_DIGITS, (d) => String(d.charCodeAt(0) - 0x17e0));
    if (PLAIN_NUMBER.test(t)) return ok(Number(t));
    if (GROUPED_NUMBER.test(t)) return ok(Number(t.replaceAll(',', '')));
    return bad(kind === 'year' ? 'is not a number — write the year, e.g. 2017' : 'is not a number');
  }
  if (kind === 'boolean') {
    const b = s.toLowerCase();
    if (TRUE.has(b)) return ok(true);
    if (FALSE.has(b)) return ok(false);
    return bad('is not yes or no — write yes, no, true, false, 1 or 0');
  }
  if (LISTS.has(kind))
    return ok(
      s
        .split(';')
        .map((x) => x.trim())
        .filter((x) => x !== ''),
    );
  if (kind === 'date') {
    const m = MIDNIGHT.exec(s);
    return ok(m ? m[1] : s);
  }
  return ok(s);
}

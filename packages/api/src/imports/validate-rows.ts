import {
  checkRegisterRecord,
  derivedFields,
  type FieldSpec,
  type RegisterConfig,
  type RegisterDefinition,
  type RegisterRecord,
} from '@ctis/core';
import { cellValue } from './cells.ts';
import type { Cell, Spreadsheet } from './parse.ts';

/** One problem in an import file: the spreadsheet's row number (header = 1) and the column's header. */
export interface RowError {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export type RowsResult =
  | { readonly ok: true; readonly records: RegisterRecord[] }
  | { readonly ok: false; readonly errors: RowError[]; readonly total: number };

/** At most this many errors are returned (the total is always counted). */
export const MAX_ROW_ERRORS = 200;

/**
 * Checks a whole file against a register: the header (every column a field of the register, each
 * once, every required field present), then each row (cells converted by field kind, then the
 * register's rules). All or nothing: either every row is a valid record, or the errors (the first
 * `maxErrors`, and how many there are in all). Pure.
 */
export function validateRows(
  def: RegisterDefinition,
  sheet: Spreadsheet,
  cfg: RegisterConfig,
  opts: { maxErrors?: number } = {},
): RowsResult {
  const maxErrors = opts.maxErrors ?? MAX_ROW_ERRORS;
  const errors: RowError[] = [];
  let total = 0;
  const fail = (row: number, column: string, message: string) => {
    total++;
    if (errors.length < maxErrors) errors.push({ row, column, message });
  };

  // Row 1: the header.
  const { header, rows } = sheet;
  const importable = def.fields.filter((s) => !s.readOnly);
  const names = importable.map((s) => s.name).join(', ');
  if (header.every((h) => h === '')) {
    fail(1, '', `the file is empty — row 1 must name the columns: ${names}`);
    return { ok: false, errors, total };
  }
  const byName = new Map(importable.map((s) => [s.name, s]));
  const readOnly = new Set(def.fields.filter((s) => s.readOnly).map((s) => s.name));
  const derived = new Set(derivedFields(def));
  const columns: { index: number; spec: FieldSpec }[] = [];
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    if (name === '') return; // judged per row: a value under no name is an error there
    const first = seen.get(name);
    if (first !== undefined) {
      fail(1, name, `appears twice (columns ${columnLetter(first)} and ${columnLetter(index)}) — keep one`);
      return;
    }
    seen.set(name, index);
    const spec = byName.get(name);
    if (spec) columns.push({ index, spec });
    else if (derived.has(name))
      fail(1, name, 'is computed from the other columns, never imported — delete this column');
    else if (readOnly.has(name))
      fail(1, name, 'is set by a one-step action on the record (e.g. a referral), never imported — delete this column');
    else fail(1, name, `is not a column of ${def.id} — the columns are: ${names}`);
  });
  for (const spec of importable)
    if (spec.required && !seen.has(spec.name)) fail(1, spec.name, 'is missing — add this column (it is required)');
  if (total > 0) return { ok: false, errors, total };

  // Rows 2, 3, …
  const named = new Set(columns.map((c) => c.index));
  const required = importable.filter((s) => s.required).map((s) => s.name);
  const records: RegisterRecord[] = [];
  let nonEmpty = 0;
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i]!;
    if (cells.every(isEmpty)) continue;
    nonEmpty++;
    const row = i + 2;
    const raw: Record<string, unknown> = {};
    let faulty: Set<string> | null = null;
    for (let j = 0; j < cells.length; j++)
      if (!named.has(j) && !isEmpty(cells[j]!))
        fail(row, `column ${columnLetter(j)}`, 'has a value but no column name in row 1 — name the column or clear it');
    for (const { index, spec } of columns) {
      const r = cellValue(spec, cells[index] ?? null);
      if (!r.ok) {
        fail(row, spec.name, r.message);
        (faulty ??= new Set()).add(spec.name);
      } else if (r.value !== undefined) raw[spec.name] = r.value;
    }
    for (const name of required)
      if (!(name in raw) && !faulty?.has(name)) {
        fail(row, name, 'is empty — this column is required');
        (faulty ??= new Set()).add(name);
      }
    const checked = checkRegisterRecord(def, raw, cfg);
    if (checked.ok) {
      if (total === 0) records.push(checked.record);
      continue;
    }
    for (const issue of checked.issues) {
      const [column = '', item] = issue.path.split('.');
      if (faulty?.has(column)) continue; // already reported from the cell
      const index = item === undefined ? NaN : Number(item);
      fail(row, column, Number.isInteger(index) ? `item ${index + 1}: ${issue.message}` : issue.message);
    }
  }
  if (nonEmpty === 0 && total === 0) fail(2, '', 'there are no records below the header row');
  return total > 0 ? { ok: false, errors, total } : { ok: true, records };
}

function isEmpty(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** 0 -> A, 25 -> Z, 26 -> AA: the column as a spreadsheet labels it. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

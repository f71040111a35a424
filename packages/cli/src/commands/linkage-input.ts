import { createReadStream, existsSync } from 'node:fs';
import { parse } from 'csv-parse';
import { InputError } from '@ctis/core';

/** Input columns of the linkage commands (record_id required; any of the others). */
export const LINKAGE_COLUMNS = [
  'record_id',
  'given_name',
  'family_name',
  'full_name',
  'birth_date',
  'sex',
  'nationality',
  'place',
  'document_number',
  'source',
] as const;

export interface RecordRow {
  /** The row's cells by lower-case column name (trimmed). */
  readonly cells: Readonly<Record<string, string>>;
  readonly line: number;
  readonly id: string;
  /** An error naming this row; the message names the column ("birth_date: …"). */
  bad(message: string): InputError;
}

/**
 * Streams a records CSV for `ctis linkage run` (with or without --pprl) and `ctis linkage encode`:
 * checks the header has record_id (unknown columns are logged and ignored), that each record_id is
 * present and unique, and names the line of any problem; a file with no record is refused. Returns
 * how many rows were read.
 */
export async function readRecordRows(
  file: string,
  log: (line: string) => void,
  onRow: (row: RecordRow) => void | Promise<void>,
): Promise<number> {
  if (!existsSync(file)) throw new InputError('--in', `${file}: no such file`);
  const parser = createReadStream(file).pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  const seen = new Set<string>();
  let checkedHeader = false;
  try {
    for await (const { record: cells, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      const line = info.lines;
      if (!checkedHeader) {
        checkedHeader = true;
        if (!('record_id' in cells)) throw new InputError('--in', `${file}: the header has no record_id column`);
        const unknown = Object.keys(cells).filter((k) => !(LINKAGE_COLUMNS as readonly string[]).includes(k));
        if (unknown.length > 0) log(`ignoring unknown columns: ${unknown.join(', ')}`);
      }
      const id = cells.record_id ?? '';
      if (id === '') throw new InputError('--in', `${file} line ${line}: record_id is empty`);
      if (seen.has(id)) throw new InputError('--in', `${file} line ${line}: record_id "${id}" appears twice`);
      seen.add(id);
      await onRow({
        cells,
        line,
        id,
        bad: (message) => new InputError('--in', `${file} line ${line} (record_id ${id}): ${message}`),
      });
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError('--in', `${file}: ${(err as Error).message}`);
  }
  if (!checkedHeader)
    throw new InputError('--in', `${file}: no records (a header with record_id, then one row per record)`);
  return seen.size;
}

/** One CSV field, quoted when it must be (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

import { parse as parseCsv } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { problem } from '../problem.ts';

/** One cell as read from a file: CSV gives strings (or null when empty); XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

export interface Spreadsheet {
  /** Row 1, trimmed. */
  readonly header: string[];
  /** Rows 2, 3, …: `rows[i]` is the spreadsheet's row `i + 2`. Empty rows are kept, so the numbers match. */
  readonly rows: Cell[][];
}

export type SpreadsheetFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Readonly<Record<SpreadsheetFormat, string>> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The uncompressed size an XLSX may declare (all its parts): a 64 MiB upload of deflated XML could
 * otherwise expand to gigabytes in memory. 100,000 rows of seven columns take about 32 MiB.
 */
export const MAX_XLSX_UNCOMPRESSED = 256 * 1024 * 1024;

/** Rows accepted in one file (about 30 s of checking and storing): larger lists are split. */
export const MAX_ROWS = 500_000;

const notReadable = (format: SpreadsheetFormat, why: string) =>
  problem(
    400,
    'invalid_spreadsheet',
    format === 'csv' ? 'Not a readable CSV file' : 'Not a readable XLSX file',
    `${why}${why.endsWith('.') ? '' : '.'}`,
  );

/**
 * Reads the first sheet of an XLSX, or a CSV (UTF-8, with or without a byte-order mark; comma,
 * semicolon or tab separated, guessed from the header line; quoted fields; CRLF or LF). Throws a
 * 400 problem naming what is wrong when the bytes are not such a file.
 */
export async function readSpreadsheet(bytes: Buffer, format: SpreadsheetFormat): Promise<Spreadsheet> {
  const grid = format === 'csv' ? readCsv(bytes) : await readXlsx(bytes);
  const [head = [], ...rows] = grid;
  return { header: head.map((c) => (c === null ? '' : String(c instanceof Date ? isoDate(c) : c).trim())), rows };
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf8 = new TextDecoder('utf-8', { fatal: true }); // drops a UTF-8 byte-order mark

function readCsv(bytes: Buffer): Cell[][] {
  if (bytes.subarray(0, 4).equals(ZIP))
    throw notReadable('csv', `This is an XLSX (or other ZIP) file: send it with Content-Type ${CONTENT_TYPES.xlsx}`);
  if (bytes.subarray(0, 8).equals(OLE2))
    throw notReadable('csv', 'This is an Excel 97–2003 (.xls) file: save it as CSV (UTF-8) or as .xlsx first');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw notReadable('csv', 'The file is UTF-16 text: save it as "CSV UTF-8"');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw notReadable('csv', 'The file is not UTF-8 text: save it as "CSV UTF-8" (Khmer script needs UTF-8)');
  }
  if (text.includes('\u0000')) throw notReadable('csv', 'The file holds binary data, not text');
  const lines = countLines(text);
  if (lines > MAX_ROWS + 1)
    throw notReadable(
      'csv',
      `The file has ${lines.toLocaleString('en')} lines, more than the ${MAX_ROWS.toLocaleString('en')} rows accepted at once: split it`,
    );
  const options = { delimiter: guessDelimiter(text), relax_column_count: true, skip_empty_lines: true };
  try {
    // csv-parse spends ~50 µs on every record shorter than the first (an empty line is one), so
    // empty lines are skipped, and only when there are some are the row numbers tracked (which
    // costs ~20 µs a record) to put the rows back where the file has them.
    if (!EMPTY_LINE.test(text)) return (parseCsv(text, options) as string[][]).map(cells);
    const grid: Cell[][] = [];
    parseCsv(text, {
      ...options,
      on_record: (record: string[], info) => {
        const row = info.records + info.empty_lines; // 1 for the header when the file starts with it
        while (grid.length < row - 1) grid.push([]);
        grid.push(cells(record));
        return null;
      },
    });
    return grid;
  } catch (e) {
    throw Object.assign(notReadable('csv', e instanceof Error ? e.message : String(e)), { cause: e });
  }
}

/** A line with nothing on it: two line breaks in a row, or one at the very start. */
const EMPTY_LINE = /^\r?\n|\n\r?\n|\r\r/;
/** Empty cells as null, in place (the records are fresh arrays). */
function cells(record: (string | null)[]): Cell[] {
  for (let i = 0; i < record.length; i++) if (record[i] === '') record[i] = null;
  return record;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The separator used in the header line (field names never contain one): comma, semicolon or tab. */
function guessDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '\t']) {
    const n = line.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

async function readXlsx(bytes: Buffer): Promise<Cell[][]> {
  if (bytes.subarray(0, 8).equals(OLE2))
    throw notReadable('xlsx', 'This is an Excel 97–2003 (.xls) file: save it as .xlsx (Excel Workbook) first');
  if (!bytes.subarray(0, 4).equals(ZIP))
    throw notReadable(
      'xlsx',
      looksLikeText(bytes)
        ? `This looks like text (CSV?), not an XLSX workbook: send a CSV with Content-Type ${CONTENT_TYPES.csv}`
        : 'The file is not an XLSX workbook (an XLSX is a ZIP archive)',
    );
  const size = zipUncompressedSize(bytes);
  if (size === null) throw notReadable('xlsx', 'The ZIP archive is damaged (no readable table of contents)');
  if (size > MAX_XLSX_UNCOMPRESSED)
    throw notReadable(
      'xlsx',
      `The workbook unpacks to ${Math.round(size / 2 ** 20)} MiB, more than the ${MAX_XLSX_UNCOMPRESSED / 2 ** 20} MiB accepted: split it`,
    );
  let grid: Cell[][];
  try {
    // The typings declare dates as `typeof Date`; the values are Date objects.
    grid = (await readSheet(bytes)) as unknown as Cell[][];
  } catch (e) {
    // Out of stack or memory is our failure (a 500), not the file's.
    if (e instanceof RangeError) throw e;
    const code = (e as { code?: string }).code;
    const why =
      code === 'NO_DATA'
        ? 'The workbook has no sheet data'
        : code === 'XLS_FILE_NOT_SUPPORTED'
          ? 'This is an Excel 97–2003 (.xls) file: save it as .xlsx first'
          : `The workbook could not be read (${e instanceof Error ? e.message : String(e)})`;
    throw Object.assign(notReadable('xlsx', why), { cause: e });
  }
  if (grid.length > MAX_ROWS + 1)
    throw notReadable(
      'xlsx',
      `The sheet has ${grid.length.toLocaleString('en')} rows, more than the ${MAX_ROWS.toLocaleString('en')} accepted at once: split it`,
    );
  return grid;
}

function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 512);
  return head.length > 0 && !head.includes(0);
}

/**
 * The sum of the uncompressed sizes declared in a ZIP's central directory, or null when there is no
 * readable central directory. ZIP64 archives (parts over 4 GiB) count as too large.
 */
export function zipUncompressedSize(zip: Buffer): number | null {
  const EOCD = 0x06054b50;
  const CDH = 0x02014b50;
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CDH) return null;
    const size = zip.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

/** A date cell as the calendar date it shows (XLSX dates are read as UTC midnight). */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

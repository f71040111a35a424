import { base64ToBytes, bytesToBase64 } from './base64.ts';
import { validateParams, type ClkParams } from './clk.ts';

/**
 * The exchange file: what an agency (or an NGO without an account) sends to the linkage unit. Two
 * spellings of one content, chosen by the file name (.csv or .jsonl):
 *
 *   # ctis-pprl-clk 2 {"params":{...},"keyCheck":"<16 hex>"}      {"format":"ctis-pprl-clk","version":2,
 *   record_id,clk                                                   "params":{...},"keyCheck":"<16 hex>"}
 *   <record_id>,<base64 of the CLK>                                 {"record_id":"<id>","clk":"<base64>"}
 *   # end <count>                                                   {"end":<count>}
 *
 * The header names the version and every encoding parameter, and a key check value (16 hex digits of
 * HKDF(secret, "key-check")) so that files made with different secrets or parameters are refused
 * instead of silently matching nothing. It never holds the secret, and the file holds no name or date:
 * only the agencies' own record ids and the CLKs (base64 of little-endian 32-bit words). The trailer
 * carries the count, written last, so that a file cut short is refused (files are written as a stream,
 * before the count is known). In CSV, record ids must not contain a comma, a quote or a line break.
 */
export const CLK_FILE_MAGIC = '# ctis-pprl-clk 2 ';
const CSV_COLUMNS = 'record_id,clk';
const CSV_END = '# end ';
const JSON_FORMAT = 'ctis-pprl-clk';

export type ClkFileFormat = 'csv' | 'jsonl';

export interface ClkFileHeader {
  readonly params: ClkParams;
  readonly keyCheck: string;
}

export interface ClkFile extends ClkFileHeader {
  readonly count: number;
  readonly ids: string[];
  readonly clks: Uint32Array[];
}

/** The format a file name asks for: .jsonl (or .ndjson) or, otherwise, CSV. */
export function clkFileFormat(fileName: string): ClkFileFormat {
  return /\.(jsonl|ndjson)$/i.test(fileName) ? 'jsonl' : 'csv';
}

export function clkToBase64(clk: Uint32Array): string {
  const bytes = new Uint8Array(clk.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < clk.length; i++) view.setUint32(i * 4, clk[i]!, true);
  return bytesToBase64(bytes);
}

function base64ToClk(text: string, words: number): Uint32Array {
  const bytes = base64ToBytes(text);
  if (bytes.length !== words * 4) throw new Error(`${bytes.length} bytes, expected ${words * 4}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(words);
  for (let i = 0; i < words; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

/** The header lines, each ending in a line break. */
export function clkFileHeaderText(header: ClkFileHeader, format: ClkFileFormat): string {
  const { params, keyCheck } = header;
  return format === 'jsonl'
    ? JSON.stringify({ format: JSON_FORMAT, version: 2, params, keyCheck }) + '\n'
    : `${CLK_FILE_MAGIC}${JSON.stringify({ params, keyCheck })}\n${CSV_COLUMNS}\n`;
}

/** Why a record id cannot be written in this format, or null. */
export function recordIdProblem(id: string, format: ClkFileFormat): string | null {
  if (id === '') return 'the record id is empty';
  if (format === 'csv' && /[,"\r\n]/.test(id))
    return `the record id ${JSON.stringify(id)} contains a comma, quote or line break (write a .jsonl file instead)`;
  return null;
}

/** One record's line, ending in a line break. */
export function clkFileRecordText(id: string, clk: Uint32Array, format: ClkFileFormat): string {
  const problem = recordIdProblem(id, format);
  if (problem) throw new RangeError(`CLK file: ${problem}`);
  const b64 = clkToBase64(clk);
  return format === 'jsonl' ? JSON.stringify({ record_id: id, clk: b64 }) + '\n' : `${id},${b64}\n`;
}

export function clkFileTrailerText(count: number, format: ClkFileFormat): string {
  return format === 'jsonl' ? JSON.stringify({ end: count }) + '\n' : `${CSV_END}${count}\n`;
}

/**
 * Reads an exchange file line by line (either format, told apart by its first line), so a large file
 * never has to be held as text. `line` numbers count from 1. Errors name the line.
 */
export class ClkFileReader {
  header: ClkFileHeader | undefined;
  private format: ClkFileFormat | undefined;
  private words = 0;
  private count = 0;
  private ended = false;
  private sawColumns = false;

  constructor(private readonly onRecord: (id: string, clk: Uint32Array) => void) {}

  push(text: string, line: number): void {
    const where = `line ${line}`;
    if (text.trim() === '') return;
    if (this.ended) throw new Error(`${where}: text after the end of the file`);
    if (this.format === undefined) {
      this.readHeader(text, where);
      return;
    }
    if (this.format === 'csv') {
      if (!this.sawColumns) {
        if (text.trim() !== CSV_COLUMNS) throw new Error(`${where}: expected "${CSV_COLUMNS}"`);
        this.sawColumns = true;
        return;
      }
      if (text.startsWith(CSV_END)) return this.end(Number(text.slice(CSV_END.length).trim()), where);
      const comma = text.indexOf(',');
      if (comma <= 0) throw new Error(`${where}: expected record_id,clk`);
      return this.record(text.slice(0, comma), text.slice(comma + 1).trim(), where);
    }
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch {
      throw new Error(`${where}: not JSON`);
    }
    const r = row as { record_id?: unknown; clk?: unknown; end?: unknown };
    if (typeof r.end === 'number') return this.end(r.end, where);
    if (typeof r.record_id !== 'string' || r.record_id === '' || typeof r.clk !== 'string')
      throw new Error(`${where}: expected {"record_id": "...", "clk": "..."}`);
    return this.record(r.record_id, r.clk, where);
  }

  /** Call after the last line: refuses a file cut short. Returns the number of records. */
  finish(): number {
    if (this.header === undefined) throw new Error('empty file: not a CLK file');
    if (!this.ended)
      throw new Error('the file is cut short: it has no end line (an encoding still running, or a partial copy?)');
    return this.count;
  }

  private readHeader(text: string, where: string): void {
    let parsed: { format?: unknown; version?: unknown; params?: unknown; keyCheck?: unknown };
    try {
      if (text.startsWith(CLK_FILE_MAGIC)) {
        this.format = 'csv';
        parsed = JSON.parse(text.slice(CLK_FILE_MAGIC.length)) as typeof parsed;
      } else if (text.startsWith('{')) {
        parsed = JSON.parse(text) as typeof parsed;
        if (parsed.format !== JSON_FORMAT || parsed.version !== 2) throw new Error('wrong format');
        this.format = 'jsonl';
      } else throw new Error('wrong format');
    } catch {
      throw new Error(`${where}: not a CLK file (ctis-pprl-clk version 2; made by "ctis linkage encode")`);
    }
    const params = parsed.params as ClkParams;
    try {
      validateParams(params);
    } catch (err) {
      throw new Error(`${where}: ${(err as Error).message}`);
    }
    if (typeof parsed.keyCheck !== 'string' || !/^[0-9a-f]{16}$/.test(parsed.keyCheck))
      throw new Error(`${where}: the header has no key check`);
    this.header = { params, keyCheck: parsed.keyCheck };
    this.words = params.bits / 32;
  }

  private record(id: string, b64: string, where: string): void {
    let clk: Uint32Array;
    try {
      clk = base64ToClk(b64, this.words);
    } catch (err) {
      throw new Error(`${where} (record_id ${id}): the CLK is not valid: ${(err as Error).message}`);
    }
    this.count++;
    this.onRecord(id, clk);
  }

  private end(count: number, where: string): void {
    if (count !== this.count)
      throw new Error(`${where}: the end line says ${count} records, the file has ${this.count}`);
    this.ended = true;
  }
}

/** A whole file as text (tests, small files). */
export function writeClkFile(
  header: ClkFileHeader,
  ids: readonly string[],
  clks: readonly Uint32Array[],
  format: ClkFileFormat = 'csv',
): string {
  if (ids.length !== clks.length) throw new RangeError('CLK file: ids and clks differ in number');
  const words = header.params.bits / 32;
  let text = clkFileHeaderText(header, format);
  for (let i = 0; i < ids.length; i++) {
    if (clks[i]!.length !== words)
      throw new RangeError(`CLK file: record ${ids[i]} has ${clks[i]!.length} words, expected ${words}`);
    text += clkFileRecordText(ids[i]!, clks[i]!, format);
  }
  return text + clkFileTrailerText(ids.length, format);
}

export function readClkFile(text: string): ClkFile {
  const ids: string[] = [];
  const clks: Uint32Array[] = [];
  const reader = new ClkFileReader((id, clk) => {
    ids.push(id);
    clks.push(clk);
  });
  const lines = text.split(/\r?\n/);
  try {
    lines.forEach((l, i) => reader.push(l, i + 1));
    reader.finish();
  } catch (err) {
    throw new Error(`CLK file: ${(err as Error).message}`);
  }
  return { ...reader.header!, count: ids.length, ids, clks };
}

/** Two files can be matched only if they were made with the same parameters and the same secret. */
export function assertCompatible(
  a: ClkFileHeader,
  b: ClkFileHeader,
  names = ['the first file', 'the second file'],
): void {
  if (a.keyCheck !== b.keyCheck)
    throw new Error(
      `${names[0]} and ${names[1]} were encoded with different secrets (key check ${a.keyCheck} vs ${b.keyCheck}): both parties must encode with the same secret`,
    );
  if (JSON.stringify(a.params) !== JSON.stringify(b.params))
    throw new Error(`${names[0]} and ${names[1]} were encoded with different parameters`);
}

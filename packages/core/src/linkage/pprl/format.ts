import { base64ToBytes, bytesToBase64 } from './base64.ts';
import { validateParams, type ClkParams } from './clk.ts';

/**
 * The exchange file: what an agency (or an NGO without an account) sends to the linkage unit.
 *
 *   # ctis-pprl-clk 1 {"params":{...},"keyCheck":"<16 hex>","count":N}
 *   record_id,clk
 *   <record_id>,<base64 of the CLK, little-endian 32-bit words>
 *
 * The header names the version and every encoding parameter, and a key check value (16 hex digits of
 * HKDF(secret, "key-check")) so that files made with different secrets or parameters are refused
 * instead of silently matching nothing. It never holds the secret. Record ids must not contain a comma,
 * a quote or a line break (they are the agencies' own opaque ids, never names).
 */
export const CLK_FILE_MAGIC = '# ctis-pprl-clk 1 ';

export interface ClkFileHeader {
  readonly params: ClkParams;
  readonly keyCheck: string;
  readonly count: number;
}

export interface ClkFile extends ClkFileHeader {
  readonly ids: string[];
  readonly clks: Uint32Array[];
}

function clkToBytes(clk: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(clk.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < clk.length; i++) view.setUint32(i * 4, clk[i]!, true);
  return bytes;
}

function bytesToClk(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

export function writeClkFile(
  header: Omit<ClkFileHeader, 'count'>,
  ids: readonly string[],
  clks: readonly Uint32Array[],
): string {
  if (ids.length !== clks.length) throw new RangeError('CLK file: ids and clks differ in number');
  const words = header.params.bits / 32;
  const lines = [
    CLK_FILE_MAGIC + JSON.stringify({ params: header.params, keyCheck: header.keyCheck, count: ids.length }),
    'record_id,clk',
  ];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id === '' || /[,"\r\n]/.test(id))
      throw new RangeError(`CLK file: record id ${JSON.stringify(id)} is not allowed`);
    if (clks[i]!.length !== words)
      throw new RangeError(`CLK file: record ${id} has ${clks[i]!.length} words, expected ${words}`);
    lines.push(`${id},${bytesToBase64(clkToBytes(clks[i]!))}`);
  }
  return lines.join('\n') + '\n';
}

export function readClkFile(text: string): ClkFile {
  const lines = text.split(/\r?\n/);
  const first = lines[0] ?? '';
  if (!first.startsWith(CLK_FILE_MAGIC)) throw new Error('CLK file: not a ctis-pprl-clk version 1 file');
  const header = JSON.parse(first.slice(CLK_FILE_MAGIC.length)) as ClkFileHeader;
  validateParams(header.params);
  if (lines[1] !== 'record_id,clk') throw new Error('CLK file: line 2 must be "record_id,clk"');
  const bytes = header.params.bits / 8;
  const ids: string[] = [];
  const clks: Uint32Array[] = [];
  for (let n = 2; n < lines.length; n++) {
    const line = lines[n]!;
    if (line === '') continue;
    const comma = line.indexOf(',');
    if (comma <= 0) throw new Error(`CLK file line ${n + 1}: expected record_id,clk`);
    const raw = base64ToBytes(line.slice(comma + 1));
    if (raw.length !== bytes) throw new Error(`CLK file line ${n + 1}: ${raw.length} bytes, expected ${bytes}`);
    ids.push(line.slice(0, comma));
    clks.push(bytesToClk(raw));
  }
  if (ids.length !== header.count)
    throw new Error(`CLK file: header says ${header.count} records, found ${ids.length}`);
  return { params: header.params, keyCheck: header.keyCheck, count: ids.length, ids, clks };
}

/** Two files can be matched only if they were made with the same parameters and the same secret. */
export function assertCompatible(a: ClkFileHeader, b: ClkFileHeader): void {
  if (a.keyCheck !== b.keyCheck) throw new Error('CLK files were encoded with different secrets');
  if (JSON.stringify(a.params) !== JSON.stringify(b.params))
    throw new Error('CLK files were encoded with different parameters');
}

import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import {
  ClkEncoder,
  ClkFileReader,
  ClkSetBuilder,
  DEFAULT_CLK_PARAMS,
  InputError,
  linkTwo,
  linkWithin,
  parseBirthDate,
  type ClkFileHeader,
  type ClkPair,
  type ClkValues,
  type PackedClks,
} from '@ctis/core';
import { csvField, readRecordRows } from './linkage-input.ts';

/**
 * Privacy-preserving linkage on the command line (issue 7): `ctis linkage run --pprl`, `ctis linkage
 * encode` and `ctis linkage match`. Each party encodes its own records with the shared secret
 * (core/linkage/pprl/clk.ts); only record ids and CLKs leave it, and the matcher never sees a name.
 */

export const SECRET_ENV = 'CTIS_PPRL_SECRET';

export type Log = (line: string) => void;

export function logger(quiet: boolean | undefined): Log {
  return quiet ? () => {} : (line) => process.stderr.write(`linkage: ${line}\n`);
}

/**
 * The shared secret: the bytes of --secret-file (one final line break dropped, so `echo` and editors
 * do no harm), else the environment variable. Every party must use the same one.
 */
export function readSecret(secretFile: string | undefined): Uint8Array {
  let secret: Uint8Array;
  let where: string;
  if (secretFile !== undefined) {
    where = '--secret-file';
    if (!existsSync(secretFile)) throw new InputError(where, `${secretFile}: no such file`);
    const raw = readFileSync(secretFile);
    let end = raw.length;
    if (end > 0 && raw[end - 1] === 0x0a) end--;
    if (end > 0 && raw[end - 1] === 0x0d) end--;
    secret = raw.subarray(0, end);
  } else {
    where = SECRET_ENV;
    const env = process.env[SECRET_ENV];
    if (env === undefined || env === '')
      throw new InputError(
        '--secret-file',
        `no secret: give --secret-file <path> or set ${SECRET_ENV} (every party must use the same secret, e.g. made once with "openssl rand -hex 32")`,
      );
    secret = new TextEncoder().encode(env);
  }
  if (secret.length < 16)
    throw new InputError(
      where,
      `the secret is ${secret.length} bytes; it must be at least 16 (e.g. "openssl rand -hex 32")`,
    );
  return secret;
}

export function parseThreshold(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = Number(text);
  if (!(t > 0 && t <= 1))
    throw new InputError('--threshold', `"${text}" is not a Dice coefficient above 0 and at most 1`);
  return t;
}

const SEX: Readonly<Record<string, string>> = { f: 'female', female: 'female', m: 'male', male: 'male' };

export interface EncodedRow {
  readonly line: number;
  readonly id: string;
  readonly clk: Uint32Array;
  readonly source: string | null;
}

/**
 * Reads a records CSV as a stream and encodes each row, checking it as `ctis linkage run` does (record_id
 * present and unique, birth_date a date): a bad row stops everything, named by line and column. Only
 * the row's id, CLK and source are passed on; the names are dropped with the row.
 */
export async function encodeRecords(
  file: string,
  encoder: ClkEncoder,
  onRow: (row: EncodedRow) => void | Promise<void>,
  log: Log,
): Promise<number> {
  let count = 0;
  const started = performance.now();
  await readRecordRows(file, log, async ({ cells: row, line, id, bad }) => {
    try {
      parseBirthDate(row.birth_date);
    } catch (err) {
      throw bad(`birth_date: ${(err as Error).message}`);
    }
    let given = row.given_name ?? '';
    let family = row.family_name ?? '';
    const full = (row.full_name ?? '').trim();
    if (given === '' && family === '' && full !== '') {
      // As `ctis linkage run` reads it: the first word is the family name (Khmer order).
      const words = full.split(/\s+/);
      family = words[0]!;
      given = words.slice(1).join(' ');
    }
    const sex = (row.sex ?? '').toLowerCase();
    const values: ClkValues = {
      given_name: given,
      family_name: family,
      birth_date: row.birth_date,
      sex: sex === 'unknown' ? '' : (SEX[sex] ?? sex),
      nationality: row.nationality,
      place: row.place,
      document_number: row.document_number,
    };
    const source = (row.source ?? '').trim().toLowerCase();
    await onRow({ line, id, clk: encoder.encode(values), source: source === '' ? null : source });
    count++;
    if (count % 50_000 === 0)
      log(`encoded ${count} records (${Math.round(count / ((performance.now() - started) / 1000))}/s)`);
  });
  const seconds = (performance.now() - started) / 1000;
  log(`encoded ${count} records in ${seconds.toFixed(1)} s (${Math.round(count / Math.max(seconds, 1e-3))}/s)`);
  return count;
}

/** A file written as a stream under a temporary name, renamed when complete, removed on failure. */
export async function writeAtomically(path: string, body: (write: (text: string) => Promise<void>) => Promise<void>) {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  // A write error (disk full) surfaces through `drain`/`finish` below; after destroy() it is moot.
  let failed: Error | undefined;
  out.on('error', (err) => (failed ??= err));
  const write = async (text: string) => {
    if (failed) throw failed;
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    await body(write);
    out.end();
    await once(out, 'finish');
    if (failed) throw failed;
    renameSync(partial, path);
  } catch (err) {
    out.destroy();
    rmSync(partial, { force: true });
    throw err;
  }
}

/** Reads an encodings file (either format) as a stream: the header, the ids and the packed CLKs. */
export async function readEncodings(
  file: string,
  option: string,
  log: Log,
): Promise<{ header: ClkFileHeader; ids: string[]; clks: PackedClks }> {
  if (!existsSync(file)) throw new InputError(option, `${file}: no such file`);
  const ids: string[] = [];
  let builder: ClkSetBuilder | undefined;
  const reader = new ClkFileReader((id, clk) => {
    builder ??= new ClkSetBuilder(clk.length);
    builder.add(clk);
    ids.push(id);
  });
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const text of lines) reader.push(text, ++n);
    reader.finish();
  } catch (err) {
    throw new InputError(option, `${file}: ${(err as Error).message}`);
  }
  const header = reader.header!;
  log(`read ${ids.length} encodings from ${file}`);
  return { header, ids, clks: (builder ?? new ClkSetBuilder(header.params.bits / 32)).build() };
}

export interface PprlRunOptions {
  in: string;
  out: string;
  pprl?: boolean;
  secretFile?: string;
  threshold?: string;
  quiet?: boolean;
}

/**
 * `ctis linkage run --pprl`: encodes every row (keeping only its id, CLK and source), then links by
 * Dice similarity: with two or more sources, each pair of sources one-to-one (each agency's list
 * without duplicates); otherwise every pair at or above the threshold. Clusters (union-find) are
 * written as record_id,cluster_id, the cluster id being the smallest record id of the cluster.
 */
export async function linkagePprlRun(opts: PprlRunOptions): Promise<void> {
  const log = logger(opts.quiet);
  const threshold = parseThreshold(opts.threshold);
  const encoder = new ClkEncoder(readSecret(opts.secretFile), DEFAULT_CLK_PARAMS);
  const started = performance.now();
  const ids: string[] = [];
  const sourceOf: number[] = [];
  const sources = new Map<string, { builder: ClkSetBuilder; members: number[] }>();
  const words = DEFAULT_CLK_PARAMS.bits / 32;
  await encodeRecords(
    opts.in,
    encoder,
    ({ id, clk, source }) => {
      const key = source ?? '';
      let s = sources.get(key);
      if (!s) sources.set(key, (s = { builder: new ClkSetBuilder(words), members: [] }));
      s.builder.add(clk);
      s.members.push(ids.length);
      sourceOf.push(s.members.length - 1);
      ids.push(id);
    },
    log,
  );

  const parent = Int32Array.from(ids, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (x: number, y: number) => {
    const rx = find(x);
    const ry = find(y);
    if (rx !== ry) parent[rx < ry ? ry : rx] = rx < ry ? rx : ry;
  };
  const groups = [...sources.entries()].map(([name, s]) => ({ name, members: s.members, clks: s.builder.build() }));
  let links = 0;
  const progress = (stage: string) => log(stage);
  if (groups.length >= 2) {
    for (let x = 0; x < groups.length; x++)
      for (let y = x + 1; y < groups.length; y++) {
        const gx = groups[x]!;
        const gy = groups[y]!;
        const r = linkTwo(gx.clks, gy.clks, { threshold, onProgress: progress });
        log(
          `sources "${gx.name}" and "${gy.name}": ${r.pairs.length} pairs linked one-to-one at Dice ${r.threshold}${r.chosen ? ' (chosen from the scores)' : ''}`,
        );
        for (const p of r.pairs) union(gx.members[p.a]!, gy.members[p.b]!);
        links += r.pairs.length;
      }
  } else if (groups.length === 1) {
    const g = groups[0]!;
    const r = linkWithin(g.clks, { threshold, onProgress: progress });
    log(`${r.pairs.length} pairs at Dice ${r.threshold} or more${r.chosen ? ' (chosen from the scores)' : ''}`);
    for (const p of r.pairs) union(g.members[p.a]!, g.members[p.b]!);
    links += r.pairs.length;
  }

  // The cluster id: its smallest record id (code-unit order), whatever the order of the links.
  const smallest = new Map<number, string>();
  for (let i = 0; i < ids.length; i++) {
    const root = find(i);
    const cur = smallest.get(root);
    if (cur === undefined || ids[i]! < cur) smallest.set(root, ids[i]!);
  }
  await writeAtomically(opts.out, async (write) => {
    await write('record_id,cluster_id\n');
    for (let i = 0; i < ids.length; i++) await write(`${csvField(ids[i]!)},${csvField(smallest.get(find(i))!)}\n`);
  });
  log(
    `${ids.length} records -> ${smallest.size} clusters (${links} pairs linked) in ${((performance.now() - started) / 1000).toFixed(1)} s; wrote ${opts.out}`,
  );
}

/** Pairs as record_id_a,record_id_b,dice, in the order of the first file. */
export async function writePairs(path: string, idsA: string[], idsB: string[], pairs: ClkPair[]): Promise<void> {
  const sorted = [...pairs].sort((x, y) => x.a - y.a);
  await writeAtomically(path, async (write) => {
    await write('record_id_a,record_id_b,dice\n');
    for (const p of sorted) await write(`${csvField(idsA[p.a]!)},${csvField(idsB[p.b]!)},${p.dice.toFixed(4)}\n`);
  });
}

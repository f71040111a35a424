import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { parse } from 'csv-parse';
import { InputError } from '@ctis/core';
import { linkRecords, prepare, type LinkResult, type PersonRecord, type Prepared } from '@ctis/core';
import { linkagePprlRun, type PprlRunOptions } from './linkage-pprl.ts';

/** Input columns (record_id required; any of the others). */
const COLUMNS = [
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

export interface LinkageRunOptions {
  in: string;
  out: string;
  pairs?: string;
  minProbability?: string;
  maxClusterSize?: string;
  crossSource?: boolean;
  quiet?: boolean;
}

/**
 * `ctis linkage run --in records.csv --out clusters.csv`: Fellegi–Sunter linkage of the records in a CSV
 * file, learned from the file itself (no labels, no database). Writes `record_id,cluster_id`, the
 * cluster id being the smallest record id of the cluster. Progress goes to stderr.
 */
export async function linkageRun(opts: LinkageRunOptions & Omit<PprlRunOptions, 'in' | 'out'>): Promise<void> {
  if (opts.pprl) return linkagePprlRun(opts);
  const minProbability = opts.minProbability === undefined ? 0.5 : Number(opts.minProbability);
  if (!(minProbability > 0 && minProbability < 1))
    throw new InputError('--min-probability', `"${opts.minProbability}" is not a probability between 0 and 1`);
  const maxClusterSize = opts.maxClusterSize === undefined ? 50 : Number(opts.maxClusterSize);
  if (!Number.isInteger(maxClusterSize) || maxClusterSize < 2)
    throw new InputError('--max-cluster-size', `"${opts.maxClusterSize}" is not a whole number of at least 2`);
  if (!existsSync(opts.in)) throw new InputError('--in', `${opts.in}: no such file`);
  const log = opts.quiet ? () => {} : (line: string) => process.stderr.write(`linkage: ${line}\n`);
  const started = performance.now();

  const prepared = await readRecords(opts.in, log);
  log(`read ${prepared.length} records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const result = linkRecords(prepared, {
    minProbability,
    maxClusterSize,
    crossSourceOnly: opts.crossSource === true,
    onProgress: (stage, detail) => log(`${stage}: ${detail}`),
  });

  const out = createWriteStream(opts.out);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('record_id,cluster_id\n');
  const clusters = new Set<number>();
  for (let x = 0; x < prepared.length; x++) {
    const c = result.clusterOf[x]!;
    clusters.add(c);
    await write(`${csvField(prepared[x]!.id)},${csvField(prepared[c]!.id)}\n`);
  }
  out.end();
  await once(out, 'finish');
  if (opts.pairs !== undefined) await writePairs(opts.pairs, prepared, result);
  log(
    `${prepared.length} records -> ${clusters.size} clusters (${result.pairs.i.length} pairs linked) in ${((performance.now() - started) / 1000).toFixed(1)} s; wrote ${opts.out}`,
  );
}

async function readRecords(file: string, log: (line: string) => void): Promise<Prepared[]> {
  const parser = createReadStream(file).pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  const prepared: Prepared[] = [];
  const seen = new Set<string>();
  let checkedHeader = false;
  try {
    for await (const { record: row, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      const line = info.lines;
      if (!checkedHeader) {
        checkedHeader = true;
        if (!('record_id' in row)) throw new InputError('--in', `${file}: the header has no record_id column`);
        const unknown = Object.keys(row).filter((k) => !(COLUMNS as readonly string[]).includes(k));
        if (unknown.length > 0) log(`ignoring unknown columns: ${unknown.join(', ')}`);
      }
      const id = row.record_id ?? '';
      if (id === '') throw new InputError('--in', `${file} line ${line}: record_id is empty`);
      if (seen.has(id)) throw new InputError('--in', `${file} line ${line}: record_id "${id}" appears twice`);
      seen.add(id);
      const record: PersonRecord = {
        id,
        givenName: row.given_name ?? null,
        familyName: row.family_name ?? null,
        fullName: row.full_name ?? null,
        birthDate: row.birth_date ?? null,
        sex: row.sex ?? null,
        nationality: row.nationality ?? null,
        place: row.place ?? null,
        documentNumber: row.document_number ?? null,
        source: row.source ?? null,
      };
      try {
        prepared.push(prepare(record));
      } catch (err) {
        throw new InputError('--in', `${file} line ${line} (record_id ${id}): ${(err as Error).message}`);
      }
      if (prepared.length % 100_000 === 0) log(`read ${prepared.length} records`);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError('--in', `${file}: ${(err as Error).message}`);
  }
  if (!checkedHeader)
    throw new InputError('--in', `${file}: no records (a header with record_id, then one row per record)`);
  return prepared;
}

/** One CSV field, quoted when it must be (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The linked pairs with their explanation, for a reviewer: record_id_a, record_id_b, match weight,
 * match probability, then each field's level and weight.
 */
async function writePairs(file: string, prepared: readonly Prepared[], result: LinkResult): Promise<void> {
  const out = createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  const fields = result.model.fields;
  await write(
    [
      'record_id_a',
      'record_id_b',
      'weight',
      'probability',
      ...fields.flatMap((f) => [`${f}_level`, `${f}_weight`]),
    ].join(',') + '\n',
  );
  for (let e = 0; e < result.pairs.i.length; e++) {
    const i = result.pairs.i[e]!;
    const j = result.pairs.j[e]!;
    const w = result.pairs.weight[e]!;
    const parts = result.explain(i, j).flatMap((x) => [csvField(x.level), x.weight.toFixed(2)]);
    await write(
      [
        csvField(prepared[i]!.id),
        csvField(prepared[j]!.id),
        w.toFixed(2),
        result.probability(w).toFixed(6),
        ...parts,
      ].join(',') + '\n',
    );
  }
  out.end();
  await once(out, 'finish');
}

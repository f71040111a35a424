import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { InputError } from '@ctis/core';
import { linkRecords, prepare, type LinkResult, type PersonRecord, type Prepared } from '@ctis/core';
import { csvField, readRecordRows } from './linkage-input.ts';
import { linkagePprlRun, type PprlRunOptions } from './linkage-pprl.ts';

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
  const prepared: Prepared[] = [];
  await readRecordRows(file, log, ({ cells, id, bad }) => {
    const record: PersonRecord = {
      id,
      givenName: cells.given_name ?? null,
      familyName: cells.family_name ?? null,
      fullName: cells.full_name ?? null,
      birthDate: cells.birth_date ?? null,
      sex: cells.sex ?? null,
      nationality: cells.nationality ?? null,
      place: cells.place ?? null,
      documentNumber: cells.document_number ?? null,
      source: cells.source ?? null,
    };
    try {
      prepared.push(prepare(record));
    } catch (err) {
      throw bad((err as Error).message); // prepare names the column ("birth_date: …")
    }
    if (prepared.length % 100_000 === 0) log(`read ${prepared.length} records`);
  });
  return prepared;
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

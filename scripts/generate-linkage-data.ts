/**
 * Writes synthetic multi-agency victim records (core/linkage/synthetic) as the CSV that
 * `ctis linkage run --in` reads, and optionally the ground truth (record_id,person_id).
 *
 *   npx tsx scripts/generate-linkage-data.ts --records 100000 --seed 1 --out records.csv [--truth truth.csv]
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { csvField, generateLinkageData, LINKAGE_CSV_HEADER, linkageCsvLine } from '@ctis/core';

const { values } = parseArgs({
  options: {
    records: { type: 'string' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    truth: { type: 'string' },
  },
});
const records = Number(values.records);
const seed = Number(values.seed);
if (!Number.isInteger(records) || records < 0 || !Number.isInteger(seed) || values.out === undefined) {
  process.stderr.write('usage: generate-linkage-data.ts --records N --seed S --out records.csv [--truth truth.csv]\n');
  process.exit(2);
}

/** Writes lines in chunks, waiting for the stream to drain (a million lines do not sit in memory twice). */
async function writeLines(file: string, header: string, count: number, line: (k: number) => string) {
  const out: WriteStream = createWriteStream(file);
  let chunk = `${header}\n`;
  for (let k = 0; k < count; k++) {
    chunk += `${line(k)}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

const started = performance.now();
const data = generateLinkageData({ records, seed });
await writeLines(values.out, LINKAGE_CSV_HEADER, records, (k) => linkageCsvLine(data.records[k]!));
if (values.truth !== undefined)
  await writeLines(
    values.truth,
    'record_id,person_id',
    records,
    (k) => `${csvField(data.records[k]!.id)},${csvField(data.personOf[k])}`,
  );
process.stderr.write(
  `${records} records of ${data.persons} persons (seed ${seed}) -> ${values.out}${values.truth ? ` and ${values.truth}` : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);

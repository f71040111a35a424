/**
 * Fellegi–Sunter linkage on the FEBRL test files with ground truth (../shared/data/linkage):
 *   1. dataset3.csv: de-duplication of 5,000 records of 2,000 persons;
 *   2. dataset4a.csv + dataset4b.csv: linking two files of 5,000 records (source a / b).
 *   3. with --generated N: N synthetic multi-agency victim records (core/linkage/synthetic), generated in
 *      memory from --seed (default 1), then de-duplicated.
 * Prints blocking recall, pairwise and cluster precision / recall / F1, wall time of the linking (apart
 * from reading or generating), peak RSS and the load average (the machine may be shared).
 *
 *   npx tsx scripts/bench-linkage.ts [data dir]
 *   npx tsx scripts/bench-linkage.ts --generated 100000 [--seed 1]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { clusterQuality, pairwiseQuality, type PairwiseQuality, type PersonLink } from '@ctis/core';
import { blockingRecall, linkRecords, PERSON_BLOCKING_RULES, prepare, type PersonRecord } from '@ctis/core';
import { generateLinkageData, truthMap } from '@ctis/core';

/**
 * A million records keep about a gigabyte alive while allocating much more: with V8's default 16 MB
 * young generation, scavenges copying survivors dominate (prepare alone runs 2-3 times slower). The
 * benchmark reruns itself with a 64 MB one; NODE_OPTIONS=--max-semi-space-size=64 does the same for
 * `ctis linkage run`.
 */
const SEMI_SPACE = '--max-semi-space-size=64';
if (
  !process.execArgv.some((a) => a.startsWith('--max-semi-space-size')) &&
  !process.env.NODE_OPTIONS?.includes('semi-space')
) {
  const child = spawnSync(process.execPath, [SEMI_SPACE, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}

const { values: args, positionals } = parseArgs({
  options: { generated: { type: 'string' }, seed: { type: 'string', default: '1' } },
  allowPositionals: true,
});
const DIR = positionals[0] ?? '/work/shared/data/linkage';
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

function readFebrl(file: string, source: string): { records: PersonRecord[]; truth: Map<string, string> } {
  const lines = readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const header = lines[0]!.split(',').map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const records: PersonRecord[] = [];
  const truth = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const v = line.split(',').map((x) => x.trim());
    const recId = v[col('rec_id')]!;
    const dob = v[col('date_of_birth')]!;
    const id = `${source}:${recId}`;
    records.push({
      id,
      givenName: v[col('given_name')],
      familyName: v[col('surname')],
      birthDate:
        /^\d{8}$/.test(dob) && validDate(dob) ? `${dob.slice(0, 4)}-${dob.slice(4, 6)}-${dob.slice(6, 8)}` : '',
      place: [v[col('suburb')], v[col('postcode')]].filter((x) => x).join(' '),
      documentNumber: v[col('soc_sec_id')],
      source,
    });
    truth.set(id, /^rec-(\d+)-/.exec(recId)![1]!);
  }
  return { records, truth };
}

/** FEBRL corrupts some dates into impossible ones (month 13); they count as missing. */
function validDate(d: string): boolean {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(4, 6));
  const day = Number(d.slice(6, 8));
  return y >= 1850 && m >= 1 && m <= 12 && day >= 1 && day <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const fmt = (q: PairwiseQuality) =>
  `precision ${q.precision.toFixed(4)}  recall ${q.recall.toFixed(4)}  F1 ${q.f1.toFixed(4)}  (${q.truePositives}/${q.predictedPairs} predicted, ${q.truePairs} true)`;

function run(name: string, records: PersonRecord[], truth: Map<string, string>, crossSourceOnly: boolean) {
  const t0 = performance.now();
  const prepared = records.map(prepare);
  const tPrepared = performance.now();
  const stageStart = { at: tPrepared };
  const result = linkRecords(prepared, {
    crossSourceOnly,
    onProgress: (stage, detail) => {
      const now = performance.now();
      console.log(`  [${((now - t0) / 1000).toFixed(2)} s] ${stage}: ${detail}`);
      stageStart.at = now;
    },
  });
  const ms = performance.now() - t0;
  const loadAfterLinking = load();
  const links: PersonLink[] = [];
  for (let e = 0; e < result.pairs.i.length; e++)
    links.push({ a: prepared[result.pairs.i[e]!]!.id, b: prepared[result.pairs.j[e]!]!.id });
  const clusterLinks: PersonLink[] = [];
  result.clusterOf.forEach((c, x) => {
    if (c !== x) clusterLinks.push({ a: prepared[x]!.id, b: prepared[c]!.id });
  });
  const allowed = crossSourceOnly
    ? (a: (typeof prepared)[0], b: (typeof prepared)[0]) => a.source !== b.source
    : undefined;
  const recall = blockingRecall(
    prepared,
    PERSON_BLOCKING_RULES,
    prepared.map((p) => truth.get(p.id)!),
    allowed ? { allowed } : {},
  );
  console.log(`\n== ${name}: ${records.length} records`);
  for (const r of [...recall.rules, recall.union])
    console.log(`  blocking ${r.rule.padEnd(30)} pairs ${String(r.pairs).padStart(8)}  recall ${r.recall.toFixed(4)}`);
  console.log(
    `  candidates ${result.candidates}, EM ${result.model.emIterations} iterations, lambda ${result.model.lambda.toFixed(4)}, threshold ${result.model.threshold.toFixed(2)}`,
  );
  for (const [f, field] of result.model.fields.entries())
    console.log(
      `  ${field.padEnd(16)} ${result.model.levels[f]!.map((l, k) => `${l}:${result.model.m[f]![k]!.toFixed(3)}/${result.model.u[f]![k]!.toExponential(1)}`).join('  ')}`,
    );
  console.log(`  pairwise (pairs above threshold): ${fmt(pairwiseQuality(links, truth))}`);
  console.log(`  cluster:                          ${fmt(clusterQuality(clusterLinks, truth))}`);
  console.log(
    `  wall time ${(ms / 1000).toFixed(2)} s (linking, of which prepare ${((tPrepared - t0) / 1000).toFixed(2)} s), load average ${loadAfterLinking}, peak RSS so far ${peakMb()} MB`,
  );
}

const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

const start = performance.now();
console.log(`load average at the start: ${load()}`);
if (args.generated !== undefined) {
  const n = Number(args.generated);
  const seed = Number(args.seed);
  const g0 = performance.now();
  const data = generateLinkageData({ records: n, seed });
  const truth = truthMap(data);
  console.log(
    `generated ${n} records of ${data.persons} persons (seed ${seed}) in ${((performance.now() - g0) / 1000).toFixed(2)} s`,
  );
  run(`generated (seed ${seed}, de-duplication)`, data.records, truth, false);
} else {
  const d3 = readFebrl('dataset3.csv', 'd3');
  run('FEBRL dataset3 (de-duplication)', d3.records, d3.truth, false);
  const a = readFebrl('dataset4a.csv', 'a');
  const b = readFebrl('dataset4b.csv', 'b');
  run('FEBRL dataset4a + 4b (two sources)', [...a.records, ...b.records], new Map([...a.truth, ...b.truth]), true);
}
console.log(`load average at the end: ${load()}`);
console.log(`\ntotal wall time ${((performance.now() - start) / 1000).toFixed(2)} s, peak RSS ${peakMb()} MB`);

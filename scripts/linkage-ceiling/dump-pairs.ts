/**
 * How good could any linker be on the generated data? This writes every pair the Fellegi–Sunter linker
 * compares (blocked candidates, with weights down to a match probability of 1e-7) with what the linker
 * saw (each field's level and weight, the total weight), a few raw facts a learner might use (Jaro–Winkler
 * of each name, year difference, how many records share the name, sources) and the truth (1: one
 * person). ceiling.py then trains a classifier on half the persons' pairs, with the labels, and scores
 * the other half: the figure a supervised learner reaches with this information, against which the
 * unsupervised weights are measured.
 *
 *   npx tsx scripts/linkage-ceiling/dump-pairs.ts 100000 /tmp/pairs.csv [--seed 1]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateLinkageData, jaroWinkler, linkRecords, prepare, type Prepared } from '@ctis/core';

const { positionals, values } = parseArgs({
  options: { seed: { type: 'string', default: '1' } },
  allowPositionals: true,
});
const n = Number(positionals[0] ?? 100_000);
const out = positionals[1] ?? '/tmp/pairs.csv';
const data = generateLinkageData({ records: n, seed: Number(values.seed) });
const prepared = data.records.map(prepare);
const result = linkRecords(prepared, { minProbability: 1e-7 });

const nameOf = (p: Prepared) => [p.given?.key ?? '', p.family?.key ?? ''].sort().join('|');
const nameCount = new Map<string, number>();
for (const p of prepared) nameCount.set(nameOf(p), (nameCount.get(nameOf(p)) ?? 0) + 1);
const sources = [...new Set(prepared.map((p) => p.source ?? ''))];
const jw = (a: string | undefined, b: string | undefined) => (a && b ? jaroWinkler(a, b) : -1);

const { fields, levels } = result.model;
const header = ['label', 'person', 'weight', ...fields.flatMap((f) => [`${f}_lvl`, `${f}_w`])];
header.push(
  'jw_given',
  'jw_family',
  'year_diff',
  'complete_dates',
  'name_count_a',
  'name_count_b',
  'source_a_lvl',
  'source_b_lvl',
);
const lines = [header.join(',')];
for (let e = 0; e < result.pairs.i.length; e++) {
  const i = result.pairs.i[e]!;
  const j = result.pairs.j[e]!;
  const a = prepared[i]!;
  const b = prepared[j]!;
  const row: (string | number)[] = [data.personOf[i] === data.personOf[j] ? 1 : 0, data.personOf[i]!];
  row.push(result.pairs.weight[e]!.toFixed(3));
  result.explain(i, j).forEach((x, f) => {
    row.push(x.level === 'missing' ? -1 : levels[f]!.indexOf(x.level), x.weight.toFixed(3));
  });
  row.push(
    jw(a.given?.spelled, b.given?.spelled).toFixed(3),
    jw(a.family?.spelled, b.family?.spelled).toFixed(3),
    a.birth && b.birth ? Math.abs(a.birth.year - b.birth.year) : -1,
    (a.birth?.digits ? 1 : 0) + (b.birth?.digits ? 1 : 0),
    nameCount.get(nameOf(a))!,
    nameCount.get(nameOf(b))!,
    sources.indexOf(a.source ?? ''),
    sources.indexOf(b.source ?? ''),
  );
  lines.push(row.join(','));
}
writeFileSync(out, `${lines.join('\n')}\n`);

let truePairs = 0;
const sizes = new Map<string, number>();
for (const p of data.personOf) sizes.set(p, (sizes.get(p) ?? 0) + 1);
for (const c of sizes.values()) truePairs += (c * (c - 1)) / 2;
console.log(`${result.pairs.i.length} compared pairs written to ${out}; ${truePairs} true pairs in the data`);
console.log(`TRUE_PAIRS=${truePairs}`);

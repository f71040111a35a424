/**
 * How often the generator's persons share their full name (usual spelling) and sex with another person
 * of their nationality: the namesakes no linker can tell apart without a birth date or a document.
 *
 *   npx tsx scripts/linkage-ceiling/namesakes.ts [persons, default 68000] [--seed 1]
 */
import { parseArgs } from 'node:util';
import { makePerson } from '../../packages/core/src/linkage/synthetic/person.ts';
import { Rng } from '../../packages/core/src/linkage/synthetic/rng.ts';

const { positionals, values } = parseArgs({
  options: { seed: { type: 'string', default: '1' } },
  allowPositionals: true,
});
const persons = Number(positionals[0] ?? 68_000);
const rng = new Rng(Number(values.seed));
const byNationality = new Map<string, Map<string, number>>();
for (let k = 0; k < persons; k++) {
  const p = makePerson(rng, `P${k}`);
  const name = [p.family?.latin[0] ?? '', ...p.given.map((g) => g.latin[0])].join(' ');
  const names = byNationality.get(p.nationality.code) ?? new Map<string, number>();
  names.set(`${name}|${p.sex}`, (names.get(`${name}|${p.sex}`) ?? 0) + 1);
  byNationality.set(p.nationality.code, names);
}
for (const [nationality, names] of byNationality) {
  let total = 0;
  let shared = 0;
  for (const c of names.values()) {
    total += c;
    if (c > 1) shared += c;
  }
  const pct = ((100 * shared) / total).toFixed(1);
  console.log(`${nationality}: ${total} persons, ${names.size} distinct names (with sex), ${pct} % share theirs`);
}

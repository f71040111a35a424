/**
 * Protected identities at scale, on a real PostgreSQL (embedded in a temporary directory, or
 * DATABASE_URL):
 *   1. encrypt/decrypt throughput of identity documents (AES-256-GCM under per-person data keys);
 *   2. loading N persons (default 100,000) with encrypted identities and blind name indexes;
 *   3. name search latency (p50/p99) over 1,000 queries with spelling variants and word-order
 *      changes, through the real repository (policy check, decryption and audit row per match).
 *
 *   npx tsx scripts/bench-identity.ts [N]
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { rulesForRoles, type Identity } from '@ctis/core';
import { createDb, keysFrom, migrateToLatest, newKeyFile, ScopedDb, SecretBox, startEmbedded } from '@ctis/db';
import { identityVault, loadCountryConfigFile } from '@ctis/api';

const N = Number(process.argv[2] ?? 100_000);
const QUERIES = 1_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

// A seeded generator, so every run measures the same data.
let seed = 20171;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const FAMILY = [
  'Sok',
  'Chan',
  'Kim',
  'Heng',
  'Ly',
  'Mao',
  'Chea',
  'Keo',
  'Meas',
  'Nguon',
  'Ouk',
  'Pich',
  'Ros',
  'Sam',
  'Seng',
  'Tan',
  'Touch',
  'Vann',
  'Yim',
  'Prak',
  'Hun',
  'Long',
  'Nhem',
  'Phan',
  'Srey',
  'Thach',
  'Khieu',
  'Lim',
  'Mey',
  'Noun',
];
const GIVEN = [
  'Dara',
  'Sophea',
  'Sreypov',
  'Vanna',
  'Thida',
  'Pisey',
  'Samnang',
  'Bopha',
  'Chantha',
  'Rathana',
  'Socheata',
  'Kanha',
  'Sokha',
  'Vuthy',
  'Piseth',
  'Sovann',
  'Chenda',
  'Malis',
  'Sophal',
  'Kosal',
  'Rith',
  'Narin',
  'Leakhena',
  'Sothea',
  'Davy',
  'Channary',
  'Bunthoeun',
  'Visal',
  'Rachana',
  'Makara',
  'Sreyleak',
  'Veasna',
  'Chamroeun',
  'Phalla',
  'Raksmey',
  'Kunthea',
  'Sopheak',
  'Dalin',
  'Nimol',
  'Seyha',
];
const variant = (name: string) => (rand() < 0.3 ? `${name}h` : rand() < 0.5 ? name.toUpperCase() : name);

function identity(): Identity {
  return {
    names: [{ script: 'latn', family: pick(FAMILY), given: `${pick(GIVEN)}${rand() < 0.3 ? ` ${pick(GIVEN)}` : ''}` }],
    aliases: [],
    dateOfBirth: `${1970 + Math.floor(rand() * 40)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
    documents: [{ type: 'national_id', number: String(100000000 + Math.floor(rand() * 899999999)) }],
    phones: [
      `+855 ${10 + Math.floor(rand() * 89)} ${100 + Math.floor(rand() * 899)} ${100 + Math.floor(rand() * 899)}`,
    ],
    addresses: [{ text: `Village ${Math.floor(rand() * 500)}, commune ${Math.floor(rand() * 90)}` }],
  };
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main(): Promise<void> {
  const config = loadCountryConfigFile(join(ROOT, 'config/countries/KHM.json'));
  const keys = keysFrom(newKeyFile());
  console.log(`bench-identity: ${N.toLocaleString('en')} persons, node ${process.version}`);

  // 1. Throughput of the cipher alone, on identity-sized documents.
  const doc = JSON.stringify(identity());
  const box = new SecretBox(Buffer.alloc(32, 7));
  const ops = 50_000;
  let t0 = performance.now();
  const sealed: string[] = [];
  for (let i = 0; i < ops; i++) sealed.push(box.seal(doc, `person_identity.document:${i}`));
  const encMs = performance.now() - t0;
  t0 = performance.now();
  for (let i = 0; i < ops; i++) box.open(sealed[i]!, `person_identity.document:${i}`);
  const decMs = performance.now() - t0;
  console.log(
    `encrypt: ${Math.round(ops / (encMs / 1000)).toLocaleString('en')} documents/s (${doc.length} bytes each)`,
  );
  console.log(`decrypt: ${Math.round(ops / (decMs / 1000)).toLocaleString('en')} documents/s`);

  let url = process.env.DATABASE_URL;
  let dir: string | null = null;
  let stop = async () => {};
  if (!url) {
    dir = mkdtempSync(join(tmpdir(), 'ctis-bench-'));
    chmodSync(dir, 0o755);
    const server = await startEmbedded(dir);
    url = server.url;
    stop = () => server.stop();
  }
  const owner = createDb(url, { asApp: false, max: 1 });
  await migrateToLatest(owner);
  await owner.destroy();
  const db = createDb(url, { asApp: true, max: 4 });
  const vault = identityVault(keys, config);
  try {
    // 2. Load: persons with encrypted identities and name indexes, in batches of 1,000.
    const ownerId = randomUUID();
    const names: string[] = [];
    t0 = performance.now();
    for (let done = 0; done < N; done += 1_000) {
      await db.transaction().execute(async (trx) => {
        const batch = Array.from({ length: Math.min(1_000, N - done) }, () => ({
          id: randomUUID(),
          identity: identity(),
        }));
        const now = new Date();
        await trx
          .insertInto('persons')
          .values(
            batch.map((p) => ({
              id: p.id,
              owner_user_id: ownerId,
              organisation_id: 'mosavy',
              province: null,
              label: 'R' as const,
              sex: 'female',
              birth_year: Number(p.identity.dateOfBirth!.slice(0, 4)),
              nationality: 'KHM',
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
        await vault.writeNew(
          trx,
          batch.map((p) => ({ personId: p.id, identity: p.identity })),
          now,
        );
        for (const p of batch)
          if (names.length < QUERIES) names.push(`${p.identity.names[0]!.family} ${p.identity.names[0]!.given}`);
      });
    }
    const loadS = (performance.now() - t0) / 1000;
    console.log(
      `load: ${N.toLocaleString('en')} persons in ${loadS.toFixed(1)} s (${Math.round(N / loadS).toLocaleString('en')} persons/s, encryption + blind indexes + inserts)`,
    );

    // 3. Search as an identification officer (national scope, may see identities of R records on
    // break-glass only, so use a system-like actor on the team: the owner).
    const actor = {
      kind: 'user' as const,
      userId: ownerId,
      organisationId: 'mosavy',
      province: null,
      roles: ['social_worker'],
      rules: rulesForRoles(config.roles, ['social_worker']),
      breakGlass: [],
    };
    const scoped = new ScopedDb(db, actor, {
      ip: null,
      requestId: null,
      now: () => new Date(),
      provinceOf: () => null,
      vault,
      config,
    });
    const times: number[] = [];
    let found = 0;
    let matches = 0;
    for (let i = 0; i < QUERIES; i++) {
      const [family, ...given] = names[i]!.split(' ');
      const q = rand() < 0.5 ? `${variant(given.join(' '))} ${family}` : `${family} ${variant(given.join(' '))}`;
      const s = performance.now();
      const views = await scoped.transaction((tx) => tx.persons.searchByName(q, 20));
      times.push(performance.now() - s);
      matches += views.length;
      if (views.some((v) => `${v.identity?.names[0]?.family} ${v.identity?.names[0]?.given}` === names[i])) found++;
    }
    console.log(
      `name search over ${N.toLocaleString('en')} persons, ${QUERIES} queries (variant spellings, either word order), up to 20 matches each:`,
    );
    console.log(
      `  p50 ${pct(times, 50).toFixed(1)} ms   p95 ${pct(times, 95).toFixed(1)} ms   p99 ${pct(times, 99).toFixed(1)} ms   max ${Math.max(...times).toFixed(1)} ms`,
    );
    console.log(
      `  the person sought was among the matches in ${found}/${QUERIES} queries; ${(matches / QUERIES).toFixed(1)} matches on average (each decrypted and audited)`,
    );
  } finally {
    await db.destroy();
    await stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();

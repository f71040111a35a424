/**
 * Spreadsheet import of N register rows (default 100,000 trainings), as POST
 * /api/registers/:register/import does it, stage by stage:
 *   1. a CSV and an XLSX of N realistic rows are generated (seeded; not timed as import);
 *   2. each file is read (csv-parse / read-excel-file), checked row by row (validateRows:
 *      cells by field kind, then checkRegisterRecord with the KHM configuration), and stored in one
 *      transaction through the real repository (ScopedDb -> tx.registers.importRecords) on an
 *      embedded PostgreSQL in a temporary directory (or DATABASE_URL), as a national-committee
 *      secretariat officer;
 *   3. the same CSV and XLSX with one bad cell in the last row: the time to reject them.
 * Prints the time per stage, rows/s and the peak RSS of this process (PostgreSQL runs apart).
 *
 *   npx tsx scripts/bench-register-import.ts [N]
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { REGISTERS, rulesForRoles, TRAINING_AUDIENCES, type Actor } from '@ctis/core';
import { createDb, keysFrom, migrateToLatest, newKeyFile, ScopedDb, startEmbedded } from '@ctis/db';
import { identityVault, loadCountryConfigFile } from '@ctis/api';
import { readSpreadsheet, type Spreadsheet, type SpreadsheetFormat } from '../packages/api/src/imports/parse.ts';
import { validateRows } from '../packages/api/src/imports/validate-rows.ts';

const N = Number(process.argv[2] ?? 100_000);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEF = REGISTERS.trainings;
const HEADER = DEF.fields.filter((f) => !f.readOnly).map((f) => f.name);

// A seeded generator, so every run measures the same data.
let seed = 20175;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
const TOPICS = [
  'Victim identification and referral',
  'ការកំណត់អត្តសញ្ញាណជនរងគ្រោះ និងការបញ្ជូនបន្ត',
  'Law on Suppression of Human Trafficking and Sexual Exploitation (2008)',
  'ច្បាប់ស្តីពីការបង្ក្រាបអំពើជួញដូរមនុស្ស',
  'Safe migration, recruitment fees and debt bondage',
  'Child-friendly interviewing',
  'Investigating online sexual exploitation of children',
  'Labour trafficking on fishing vessels',
];

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSec = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en')} rows/s`;

async function main() {
  const config = loadCountryConfigFile(join(ROOT, 'config/countries/KHM.json'));
  const organisers = config.organisations
    .filter((o) => ['national-committee', 'provincial-committee', 'ministry', 'police', 'ngo'].includes(o.type))
    .map((o) => o.id);
  const provinces = config.provinces.map((p) => p.code);
  console.log(`${N.toLocaleString('en')} rows of ${DEF.id} (${HEADER.length} columns), node ${process.version}`);

  // 1. The files.
  let t0 = performance.now();
  const rows = Array.from({ length: N }, () => {
    const date = new Date(Date.UTC(2014, 0, 1 + int(0, 5 * 365 - 1)));
    return [
      pick(organisers),
      date,
      rand() < 0.1 ? null : pick(provinces),
      pick(TOPICS),
      pick(TRAINING_AUDIENCES),
      int(0, 40),
      int(0, 60),
    ] as const;
  });
  const csvLine = (r: (typeof rows)[number]) =>
    [r[0], r[1].toISOString().slice(0, 10), r[2] ?? '', `"${r[3].replaceAll('"', '""')}"`, r[4], r[5], r[6]].join(',');
  const csv = Buffer.from(`\ufeff${HEADER.join(',')}\r\n${rows.map((r) => `${csvLine(r)}\r\n`).join('')}`, 'utf8');
  const badCsv = Buffer.from(csv.toString('utf8').replace(/,(\d+)\r\n$/, ',abc\r\n'), 'utf8');
  const csvMs = performance.now() - t0;
  t0 = performance.now();
  const sheet = (bad: boolean): SheetData => [
    HEADER,
    ...rows.map((r, i) => [
      r[0],
      { value: r[1], type: Date, format: 'yyyy-mm-dd' },
      r[2],
      r[3],
      r[4],
      r[5],
      bad && i === N - 1 ? 'abc' : r[6],
    ]),
  ];
  const xlsx = await writeXlsxFile(sheet(false)).toBuffer();
  const xlsxMs = performance.now() - t0;
  const badXlsx = await writeXlsxFile(sheet(true)).toBuffer();
  const baseRss = process.memoryUsage().rss;
  console.log(
    `generated: CSV ${mib(csv.length)} in ${secs(csvMs)}; XLSX ${mib(xlsx.length)} in ${secs(xlsxMs)} (write-excel-file); ` +
      `RSS with the generated data: ${mib(baseRss)}`,
  );

  // 2. The database.
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
  const db = createDb(url, { asApp: true, max: 4 });
  const actor: Actor = {
    kind: 'user',
    userId: randomUUID(),
    organisationId: 'ncct',
    province: null,
    roles: ['secretariat_officer'],
    rules: rulesForRoles(config.roles, ['secretariat_officer']),
    breakGlass: [],
  };
  const scoped = new ScopedDb(db, actor, {
    ip: null,
    requestId: null,
    now: () => new Date(),
    provinceOf: () => null,
    vault: identityVault(keysFrom(newKeyFile()), config),
    config,
  });
  const timer = setInterval(sampleRss, 20);

  try {
    const totals: string[] = [];
    for (const [format, bytes] of [
      ['csv', csv],
      ['xlsx', xlsx],
    ] as [SpreadsheetFormat, Buffer][]) {
      const s0 = performance.now();
      let read: Spreadsheet | null = await readSpreadsheet(bytes, format);
      const s1 = performance.now();
      const checked = validateRows(DEF, read, config);
      read = null; // as in the route: the cells are not held while storing
      const s2 = performance.now();
      if (!checked.ok) throw new Error(`rejected: ${JSON.stringify(checked.errors.slice(0, 3))}`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const cpu = process.cpuUsage();
      const done = await scoped.transaction((tx) =>
        tx.registers.importRecords('trainings', checked.records, { format, sha256 }),
      );
      const s3 = performance.now();
      const storeCpu = process.cpuUsage(cpu);
      sampleRss();
      const stored = await owner
        .selectFrom('register_records')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('import_id', '=', done.importId)
        .executeTakeFirstOrThrow();
      if (Number(stored.n) !== N) throw new Error(`stored ${String(stored.n)} rows, not ${N}`);
      console.log(
        `${format.toUpperCase()} import of ${done.rows.toLocaleString('en')} rows: read ${secs(s1 - s0)}, ` +
          `check ${secs(s2 - s1)}, store ${secs(s3 - s2)} (of which ${secs((storeCpu.user + storeCpu.system) / 1000)} CPU in ` +
          `Node; one transaction: records, history events, import row, audit)`,
      );
      totals.push(`${format.toUpperCase()} ${secs(s3 - s0)} = ${perSec(N, s3 - s0)}`);
    }
    console.log(`total: ${totals.join('; ')}`);

    // 3. One bad row (the last): rejected, nothing stored.
    for (const [format, bytes] of [
      ['csv', badCsv],
      ['xlsx', badXlsx],
    ] as [SpreadsheetFormat, Buffer][]) {
      const s0 = performance.now();
      const checked = validateRows(DEF, await readSpreadsheet(bytes, format), config);
      const ms = performance.now() - s0;
      if (checked.ok) throw new Error('the bad file was accepted');
      const e = checked.errors[0]!;
      console.log(
        `${format.toUpperCase()} with one bad row rejected in ${secs(ms)}: row ${e.row.toLocaleString('en')}, ${e.column}: ${e.message} (${checked.total} error)`,
      );
    }
    sampleRss();
    console.log(
      `peak RSS of this process during the imports: ${mib(peakRss)} (${mib(peakRss - baseRss)} above the generated data; ` +
        `max resident over the whole run ${mib(process.resourceUsage().maxRSS * 1024)})`,
    );
  } finally {
    clearInterval(timer);
    await db.destroy();
    await owner.destroy();
    await stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();

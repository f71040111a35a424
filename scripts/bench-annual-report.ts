/**
 * The annual report over 1,000,000 cases (default: 600,000 victim cases and 400,000 criminal cases,
 * with their events), on a real PostgreSQL (embedded in a temporary directory, or DATABASE_URL).
 * The data is generated inside PostgreSQL (generate_series), so loading is quick; the report is
 * computed exactly as `ctis report annual` does: every history streamed through every configured
 * indicator in one pass.
 *
 *   npx tsx scripts/bench-annual-report.ts [total cases]
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createDb, migrateToLatest, startEmbedded } from '@ctis/db';
import { computeAnnualReport, loadCountryConfigFile } from '@ctis/api';

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const VICTIM = Math.round(TOTAL * 0.6);
const CRIMINAL = TOTAL - VICTIM;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function main() {
  const config = loadCountryConfigFile(join(ROOT, 'config/countries/KHM.json'));
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
  // Loading a million rows per statement takes longer than the pool's 30 s statement limit.
  await sql`SET statement_timeout = 0`.execute(owner);
  try {
    let t0 = performance.now();
    // Victim cases of four agencies: an opening, an exploitation, a referral, a service, and a
    // completed repatriation for most; dates over 2016–2017. Seeded by the row number.
    await sql`
      INSERT INTO persons (id, owner_user_id, organisation_id, province, label, sex, birth_year, nationality, created_at, updated_at)
      SELECT md5('p' || i)::uuid, '00000000-0000-4000-8000-000000000001', 'mosavy', 'KH-12', 'R', CASE WHEN i % 3 = 0 THEN 'male' ELSE 'female' END,
             1980 + i % 25, 'KHM', now(), now()
      FROM generate_series(1, ${VICTIM}) i`.execute(owner);
    await sql`
      INSERT INTO victim_cases (id, case_number, person_id, owner_user_id, organisation_id, province, label, status, opened_on, version, state, updated_at)
      SELECT md5('v' || i)::uuid, 'B-V-' || i, md5('p' || i)::uuid, 'bench',
             (ARRAY['mfaic-consular', 'mosavy', 'chab-dai', 'ahtjp-phnom-penh'])[1 + i % 4], 'KH-12', 'N', 'open',
             DATE '2016-01-01' + (i % 700), 5, '{}'::jsonb, now()
      FROM generate_series(1, ${VICTIM}) i`.execute(owner);
    await sql`
      INSERT INTO victim_case_events (case_id, seq, type, occurred_on, event, recorded_by, recorded_at)
      SELECT md5('v' || i)::uuid, s.seq, s.type, DATE '2016-01-01' + (i % 700) + s.seq, s.event, 'bench', now()
      FROM generate_series(1, ${VICTIM}) i
      CROSS JOIN LATERAL (VALUES
        (1, 'case_opened', jsonb_build_object('type', 'case_opened', 'occurredOn', (DATE '2016-01-01' + (i % 700) + 1)::text,
            'source', 'referral', 'organisationId', 'mosavy', 'personId', md5('p' || i)::uuid)),
        (2, 'exploitation_recorded', jsonb_build_object('type', 'exploitation_recorded', 'occurredOn', (DATE '2016-01-01' + (i % 700) + 2)::text,
            'types', jsonb_build_array('forced_labour'), 'sectors', '[]'::jsonb, 'methodsOfControl', '[]'::jsonb,
            'recruitmentMethods', '[]'::jsonb, 'exploitationCountry', (ARRAY['THA', 'MYS', 'VNM', 'CHN'])[1 + i % 4])),
        (3, 'referral_made', jsonb_build_object('type', 'referral_made', 'occurredOn', (DATE '2016-01-01' + (i % 700) + 3)::text,
            'referralId', md5('r' || i)::uuid, 'fromOrganisationId', 'ahtjp-phnom-penh', 'toOrganisationId', 'chab-dai', 'reason', 'services')),
        (4, 'service_started', jsonb_build_object('type', 'service_started', 'occurredOn', (DATE '2016-01-01' + (i % 700) + 4)::text,
            'serviceId', md5('s' || i)::uuid, 'serviceType', 'shelter', 'providerOrganisationId', 'chab-dai', 'governmentFunded', false)),
        (5, 'repatriation_recorded', jsonb_build_object('type', 'repatriation_recorded', 'occurredOn', (DATE '2016-01-01' + (i % 700) + 5)::text,
            'repatriationId', md5('x' || i)::uuid, 'direction', 'home_from_abroad', 'country', (ARRAY['THA', 'MYS', 'VNM', 'CHN'])[1 + i % 4],
            'assistingOrganisationIds', '[]'::jsonb, 'status', 'completed'))
      ) AS s(seq, type, event)`.execute(owner);
    const victimMs = performance.now() - t0;
    t0 = performance.now();
    await sql`
      INSERT INTO criminal_cases (id, case_number, owner_user_id, organisation_id, province, label, status, opened_on, trafficking_offence, version, state, updated_at)
      SELECT md5('c' || i)::uuid, 'B-C-' || i, 'bench', 'ahtjp-phnom-penh', 'KH-12', 'N', 'open', DATE '2016-01-01' + (i % 700),
             i % 10 <> 0, 5, '{}'::jsonb, now()
      FROM generate_series(1, ${CRIMINAL}) i`.execute(owner);
    await sql`
      INSERT INTO criminal_case_events (case_id, seq, type, occurred_on, event, recorded_by, recorded_at)
      SELECT md5('c' || i)::uuid, s.seq, s.type, DATE '2016-01-01' + (i % 700) + s.seq * 20, s.event, 'bench', now()
      FROM generate_series(1, ${CRIMINAL}) i
      CROSS JOIN LATERAL (VALUES
        (1, 'investigation_opened', jsonb_build_object('type', 'investigation_opened', 'occurredOn', (DATE '2016-01-01' + (i % 700) + 20)::text,
            'leadUnitOrganisationId', 'ahtjp-phnom-penh', 'legalBasis', jsonb_build_object('lawId', 'law-2008-suppression-human-trafficking', 'article', '15'),
            'exploitation', 'labour', 'traffickingOffence', i % 10 <> 0, 'childSexTourism', i % 50 = 0)),
        (2, 'suspect_added', jsonb_build_object('type', 'suspect_added', 'occurredOn', (DATE '2016-01-01' + (i % 700) + 40)::text,
            'suspectId', md5('s' || i)::uuid, 'personId', md5('q' || i)::uuid, 'nationality', CASE WHEN i % 7 = 0 THEN 'USA' ELSE 'KHM' END,
            'arrested', true)),
        (3, 'evidence_supplied', jsonb_build_object('type', 'evidence_supplied', 'occurredOn', (DATE '2016-01-01' + (i % 700) + 60)::text,
            'prosecutorOrganisationId', 'prosecutor-phnom-penh')),
        (4, 'charged', jsonb_build_object('type', 'charged', 'occurredOn', (DATE '2016-01-01' + (i % 700) + 80)::text,
            'suspectId', md5('s' || i)::uuid, 'prosecutorOrganisationId', 'prosecutor-phnom-penh', 'courtOrganisationId', 'court-phnom-penh',
            'articles', jsonb_build_array('law-2008-suppression-human-trafficking:15'))),
        (5, 'verdict', jsonb_build_object('type', 'verdict', 'occurredOn', (DATE '2016-01-01' + (i % 700) + 100)::text,
            'suspectId', md5('s' || i)::uuid, 'outcome', CASE WHEN i % 5 = 0 THEN 'acquitted' ELSE 'convicted' END))
      ) AS s(seq, type, event)`.execute(owner);
    await sql`ANALYZE`.execute(owner);
    const criminalMs = performance.now() - t0;
    const events = await sql<{ v: number; c: number }>`
      SELECT (SELECT count(*) FROM victim_case_events)::int AS v, (SELECT count(*) FROM criminal_case_events)::int AS c`.execute(
      owner,
    );
    console.log(
      `loaded ${VICTIM.toLocaleString('en')} victim cases (${events.rows[0]!.v.toLocaleString('en')} events) in ${(victimMs / 1000).toFixed(1)} s and ${CRIMINAL.toLocaleString('en')} criminal cases (${events.rows[0]!.c.toLocaleString('en')} events) in ${(criminalMs / 1000).toFixed(1)} s`,
    );
    const db = createDb(url, { asApp: true, max: 4 });
    try {
      for (let run = 1; run <= 2; run++) {
        const rss0 = process.memoryUsage().rss;
        let peak = rss0;
        const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
        const s = performance.now();
        const cpu0 = process.cpuUsage();
        const report = await computeAnnualReport(db, config, { year: 2017 });
        const ms = performance.now() - s;
        const cpu = process.cpuUsage(cpu0);
        clearInterval(timer);
        const prosecuted = report.figures.find((f) => f.id === 'prosecution.individuals_prosecuted')!.values;
        const mfaic = report.figures.find((f) => f.id === 'protection.repatriated_by_mfaic')!.values;
        console.log(
          `annual report 2017 (run ${run}): ${(ms / 1000).toFixed(1)} s (Node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; load ${loadavg()[0]!.toFixed(1)}), peak RSS ${Math.round(peak / 2 ** 20)} MiB; individuals prosecuted ${JSON.stringify(prosecuted)}, repatriated by MFAIC ${JSON.stringify(mfaic)}`,
        );
      }
    } finally {
      await db.destroy();
    }
  } finally {
    await owner.destroy();
    await stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkEventAgainstConfig,
  containsKhmer,
  identitySchema,
  nameStrings,
  projectCase,
  victimCaseEventSchema,
  type VictimCaseEvent,
} from '@ctis/core';
import { verifyAudit } from '@ctis/db';
import { loadCountryConfigFile } from '../../config-file.ts';
import { COUNTRY_FILES, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { protectionFigures, type ProtectionFiguresComputed } from './counting-rules.ts';
import { loadProtectionDemo, protectionDemoWanted, type ProtectionDemoResult } from './load.ts';
import { PROTECTION_DEMO_SEED, generateProtectionPlan, protectionGroundTruth } from './plan.ts';

const SHARED_FIGURES = fileURLToPath(
  new URL('../../../../../../shared/data/tip-figures-cambodia.json', import.meta.url),
);

/** Every protection figure, as stated in the report (tip-figures-cambodia.json); null = not reported. */
const EXPECTED = {
  'protection.deportees_screened_poipet': { 2017: 70_500, 2016: 55_000 },
  'protection.victims_identified_poipet': { 2017: 0 },
  'protection.repatriated_by_mfaic': {
    values: { 2017: 986, 2016: 815 },
    countries: { 2017: 9, 2016: 11 },
    by_country_2017: { MYS: 382, THA: 288, VNM: 171, CHN: 53, LAO: 49, IDN: 23, JPN: 12, SGP: 5, MMR: 3 },
  },
  'protection.repatriated_with_mosavy': {
    values: { 2017: 243, 2016: 195 },
    by_country_2017: { MYS: 114, THA: 45, IDN: 21, CHN: 21, SOM: 18, VNM: 16, JPN: 6, SAU: 1, SGP: 1 },
  },
  'protection.referred_by_police': { 2017: 179, 2016: 326 },
  'protection.referred_by_mosavy': { 2017: null, 2016: 62 },
  'protection.assisted_by_ngo': { values: { 2017: 395 }, countries: { 2017: 9 } },
  'protection.foreign_victims_repatriated': { values: { 2017: 3, 2016: 13 }, by_country_2017: { VNM: 3 } },
} as const;

describe('protection demo: the plan (no database)', () => {
  it('is deterministic: the same seed gives the same ground truth and records; another seed differs', () => {
    const a = generateProtectionPlan(7);
    const b = generateProtectionPlan(7);
    expect(protectionGroundTruth(7)).toEqual(protectionGroundTruth(7));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const other = protectionGroundTruth(8);
    expect(other.length).toBe(a.records.length); // the figures fix the counts...
    expect(JSON.stringify(generateProtectionPlan(8).records)).not.toBe(JSON.stringify(a.records)); // ...not who
  });

  it('every planned event passes the API contract, the configuration and the state machine', () => {
    const config = loadCountryConfigFile(COUNTRY_FILES.KHM);
    const plan = generateProtectionPlan(PROTECTION_DEMO_SEED);
    for (const r of plan.records) {
      identitySchema.parse(r.person.identity);
      const events: VictimCaseEvent[] = [
        victimCaseEventSchema.parse({
          ...r.open,
          organisationId: r.organisationId,
          personId: '0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6e7f',
        }),
        ...r.steps.map((s) => victimCaseEventSchema.parse(s.event)),
      ];
      for (const e of events) checkEventAgainstConfig(e, config);
      expect(() => projectCase(events)).not.toThrow();
    }
  });

  it('keeps realistic overlaps: the same people in several agencies, spelled differently', () => {
    const plan = generateProtectionPlan(PROTECTION_DEMO_SEED);
    const agencies = new Map<string, Set<string>>();
    for (const r of plan.records)
      agencies.set(r.truePersonId, (agencies.get(r.truePersonId) ?? new Set()).add(r.agency));
    const combos = new Map<string, number>();
    for (const s of agencies.values()) {
      const k = [...s].sort().join('+');
      combos.set(k, (combos.get(k) ?? 0) + 1);
    }
    expect(combos.get('mfaic+mosavy+ngo')).toBeGreaterThan(30);
    expect(combos.get('mfaic+mosavy')).toBeGreaterThan(100);
    expect(combos.get('mfaic+ngo')).toBeGreaterThan(30);
    expect(combos.get('mosavy+ngo')).toBeGreaterThan(20);
    expect(combos.get('ngo+police')).toBeGreaterThan(5);
    expect(agencies.size).toBeLessThan(plan.records.length);
    // Records of one person differ in how the name is written in some groups (not all: agencies do agree sometimes).
    const byPerson = new Map<string, string[]>();
    for (const r of plan.records) {
      const latin = r.person.identity.names
        .filter((n) => n.script === 'latn')
        .map((n) => n.full ?? `${n.family} ${n.given}`);
      byPerson.set(r.truePersonId, [...(byPerson.get(r.truePersonId) ?? []), ...latin]);
    }
    const spelledDifferently = [...byPerson.values()].filter((names) => new Set(names).size > 1).length;
    expect(spelledDifferently).toBeGreaterThan(200);
  });

  it('loads on first start except under the test runner, unless told', () => {
    expect(protectionDemoWanted({})).toBe(true);
    expect(protectionDemoWanted({ VITEST: 'true' })).toBe(false);
    expect(protectionDemoWanted({ VITEST: 'true', CTIS_DEMO_PROTECTION: 'on' })).toBe(true);
    expect(protectionDemoWanted({ CTIS_DEMO_PROTECTION: 'off' })).toBe(false);
  });
});

describe('protection demo: loaded through the repositories', () => {
  let t: TestApp;
  let loaded: ProtectionDemoResult;
  let figures: ProtectionFiguresComputed;

  beforeAll(async () => {
    // createTestApp ran loadDemoIfEmpty, which leaves the protection demo out under vitest: load it once here.
    t = await createTestApp();
    expect(await t.t.db.selectFrom('victim_cases').select('id').limit(1).execute()).toEqual([]);
    loaded = await loadProtectionDemo(t.t.db, t.config, t.keys, { seed: PROTECTION_DEMO_SEED });
    figures = await protectionFigures(t.t.db, t.config);
  }, 400_000);

  afterAll(async () => {
    await t?.close();
  });

  it('loads a few thousand cases and 731 daily tallies, in well under a minute', () => {
    expect(loaded.skipped).toBe(false);
    expect(loaded.cases).toBeGreaterThan(3000);
    expect(loaded.persons).toBe(loaded.cases);
    expect(loaded.tallies).toBe(731);
    expect(loaded.screened).toBe(125_500);
    console.log(
      `protection demo: ${loaded.cases} cases, ${loaded.events} events, ${loaded.tallies} tallies, ` +
        `${loaded.truePersons} true persons, ${loaded.usersCreated} users created, ${loaded.ms} ms`,
    );
    // Load time is a benchmark figure (printed above), not a test condition.
  });

  it('reproduces protection.repatriated_by_mfaic (986 from 9 countries; 815 from 11)', () => {
    const f = EXPECTED['protection.repatriated_by_mfaic'];
    expect(figures.repatriatedByMfaic[2017]?.total).toBe(f.values[2017]);
    expect(figures.repatriatedByMfaic[2016]?.total).toBe(f.values[2016]);
    expect(figures.repatriatedByMfaic[2017]?.countries).toBe(f.countries[2017]);
    expect(figures.repatriatedByMfaic[2016]?.countries).toBe(f.countries[2016]);
    expect(figures.repatriatedByMfaic[2017]?.byCountry).toEqual(f.by_country_2017);
  });

  it('reproduces protection.repatriated_with_mosavy (243 with its split; 195)', () => {
    const f = EXPECTED['protection.repatriated_with_mosavy'];
    expect(figures.repatriatedWithMosavy[2017]?.total).toBe(f.values[2017]);
    expect(figures.repatriatedWithMosavy[2016]?.total).toBe(f.values[2016]);
    expect(figures.repatriatedWithMosavy[2017]?.byCountry).toEqual(f.by_country_2017);
  });

  it('reproduces protection.referred_by_police (179; 326) and protection.referred_by_mosavy (62 in 2016; none in 2017)', () => {
    expect(figures.referredByPolice[2017]).toBe(EXPECTED['protection.referred_by_police'][2017]);
    expect(figures.referredByPolice[2016]).toBe(EXPECTED['protection.referred_by_police'][2016]);
    expect(figures.referredByMosavy[2016]).toBe(EXPECTED['protection.referred_by_mosavy'][2016]);
    // Not reported in 2017 (null): the demo records no MOSAVY referral that year.
    expect(EXPECTED['protection.referred_by_mosavy'][2017]).toBeNull();
    expect(figures.referredByMosavy[2017] ?? 0).toBe(0);
  });

  it('reproduces protection.assisted_by_ngo (395 from nine countries in 2017)', () => {
    const f = EXPECTED['protection.assisted_by_ngo'];
    expect(figures.assistedByNgo[2017]?.total).toBe(f.values[2017]);
    expect(figures.assistedByNgo[2017]?.countries).toBe(f.countries[2017]);
    expect(figures.assistedByNgo[2016]).toBeUndefined();
  });

  it('reproduces protection.foreign_victims_repatriated (3 to Vietnam; 13)', () => {
    const f = EXPECTED['protection.foreign_victims_repatriated'];
    expect(figures.foreignVictimsRepatriated[2017]?.total).toBe(f.values[2017]);
    expect(figures.foreignVictimsRepatriated[2016]?.total).toBe(f.values[2016]);
    expect(figures.foreignVictimsRepatriated[2017]?.byCountry).toEqual(f.by_country_2017);
  });

  it('reproduces protection.deportees_screened_poipet (70,500; 55,000) as daily tallies, and protection.victims_identified_poipet (0)', () => {
    expect(figures.deporteesScreenedPoipet[2017]).toBe(EXPECTED['protection.deportees_screened_poipet'][2017]);
    expect(figures.deporteesScreenedPoipet[2016]).toBe(EXPECTED['protection.deportees_screened_poipet'][2016]);
    expect(figures.poipetTallyDays).toEqual({ 2016: 366, 2017: 365 });
    expect(figures.victimsIdentifiedPoipet[2017]).toBe(EXPECTED['protection.victims_identified_poipet'][2017]);
    expect(figures.victimsIdentifiedPoipet[2016]).toBe(0);
  });

  it.skipIf(!existsSync(SHARED_FIGURES))('the expected values are those of the shared figures file', () => {
    const file = JSON.parse(readFileSync(SHARED_FIGURES, 'utf8')) as {
      figures: { id: string; section: string; values: Record<string, unknown>; [k: string]: unknown }[];
    };
    const protection = file.figures.filter((f) => f.section === 'protection');
    expect(protection.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of protection) {
      const e = EXPECTED[f.id as keyof typeof EXPECTED] as Record<string, unknown>;
      const values = 'values' in e ? e.values : e;
      expect(f.values, f.id).toEqual(values);
      if ('countries' in e) expect(f.countries, f.id).toEqual(e.countries);
      if ('by_country_2017' in e) expect(f.by_country_2017, f.id).toEqual(e.by_country_2017);
    }
  });

  it('the projected case state agrees with the event-based counts', async () => {
    const rows = await sql<{ organisation_id: string; direction: string; year: number; n: number }>`
      SELECT vc.organisation_id, r->>'direction' AS direction, extract(year FROM (r->>'completedOn')::date)::int AS year,
             count(*)::int AS n
      FROM victim_cases vc, jsonb_array_elements(vc.state->'repatriations') r
      WHERE r->>'status' = 'completed'
      GROUP BY 1, 2, 3
    `.execute(t.t.db);
    const n = (org: string, dir: string, year: number) =>
      rows.rows.find((r) => r.organisation_id === org && r.direction === dir && r.year === year)?.n;
    expect(n('mfaic-consular', 'home_from_abroad', 2017)).toBe(986);
    expect(n('mfaic-consular', 'home_from_abroad', 2016)).toBe(815);
    expect(n('mosavy', 'home_from_abroad', 2017)).toBe(243);
    expect(n('mosavy', 'foreign_returned_home', 2016)).toBe(13);
  });

  it('every record has its events and audit rows, written by real acting users; the audit chain verifies', async () => {
    const events = await sql<{ n: number }>`SELECT count(*)::int AS n FROM victim_case_events`.execute(t.t.db);
    expect(events.rows[0]!.n).toBe(loaded.events);
    const audit = await sql<{ action: string; n: number }>`
      SELECT action, count(*)::int AS n FROM audit_log WHERE action IN ('person.create', 'case.open', 'screening.tally')
      GROUP BY 1
    `.execute(t.t.db);
    const of = (a: string) => audit.rows.find((r) => r.action === a)?.n;
    expect(of('person.create')).toBe(loaded.persons);
    expect(of('case.open')).toBe(loaded.cases);
    expect(of('screening.tally')).toBe(731);
    const caseAudits = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'case.%'`.execute(t.t.db);
    expect(caseAudits.rows[0]!.n).toBe(loaded.events);
    const writers = await sql<{ username: string; status: string; organisation_id: string }>`
      SELECT DISTINCT u.username, u.status, u.organisation_id
      FROM victim_case_events e JOIN users u ON u.id::text = e.recorded_by
    `.execute(t.t.db);
    const names = writers.rows.map((w) => w.username);
    expect(names).toEqual(
      expect.arrayContaining(['consular.officer', 'ngo.case.worker', 'demo.mosavy', 'demo.ahtjp-banteay-meanchey']),
    );
    for (const w of writers.rows) if (w.username.startsWith('demo.')) expect(w.status).toBe('disabled');
    const report = await verifyAudit(t.t.db, t.keys.auditPublicKey);
    expect(report.chain.ok).toBe(true);
  });

  it("the demo accounts see their organisation's cases through the API (owned, or referred to it)", async () => {
    for (const [role, org] of [
      ['consular_officer', 'mfaic-consular'],
      ['ngo_case_worker', 'chab-dai'],
    ] as const) {
      const session = await t.login(role);
      const res = await t.app.inject({ method: 'GET', url: '/api/cases?limit=100', headers: session.headers });
      expect(res.statusCode).toBe(200);
      type Listed = { state: { organisationId: string; referrals: { toOrganisationId: string }[] } };
      const cases = (res.json() as { cases: Listed[] }).cases;
      expect(cases.length).toBe(100);
      for (const c of cases)
        expect(c.state.organisationId === org || c.state.referrals.some((r) => r.toOrganisationId === org)).toBe(true);
    }
  });

  it('loads nothing a second time (idempotent)', async () => {
    const again = await loadProtectionDemo(t.t.db, t.config, t.keys, { seed: PROTECTION_DEMO_SEED });
    expect(again.skipped).toBe(true);
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM victim_cases`.execute(t.t.db);
    expect(n.rows[0]!.n).toBe(loaded.cases);
  });

  it('maps every ground-truth record to the rows it became', () => {
    const truth = protectionGroundTruth(PROTECTION_DEMO_SEED);
    expect(loaded.records.map((r) => r.key)).toEqual(expect.arrayContaining(truth.map((g) => g.recordKey)));
    expect(new Set(loaded.records.map((r) => r.personId)).size).toBe(truth.length);
  });

  it('stores identities encrypted: no generated name or phone appears in person_identity, nor anywhere else in clear', async () => {
    const plan = generateProtectionPlan(PROTECTION_DEMO_SEED);
    const whole = new Set<string>();
    const exact = new Set<string>();
    const phones = new Set<string>();
    for (const r of plan.records) {
      const identity = identitySchema.parse(r.person.identity);
      for (const name of nameStrings(identity)) {
        whole.add(name);
        for (const token of name.split(/\s+/)) if (token.length >= 7) exact.add(token);
      }
      for (const p of identity.phones) phones.add(p);
      for (const d of identity.documents) exact.add(d.number);
      if (identity.dateOfBirth) exact.add(identity.dateOfBirth);
    }
    expect(whole.size).toBeGreaterThan(1000);

    const documents = (await sql<{ document: string }>`SELECT document FROM person_identity`.execute(t.t.db)).rows.map(
      (r) => r.document,
    );
    expect(documents.length).toBe(loaded.persons);
    // Each document is ciphertext (v1.<iv>.<tag>.<data>, base64url): no space, no Khmer, no accents, so
    // no whole name or spaced phone can be in it; the rest (long tokens, document numbers, dates of
    // birth, plain phones) is searched for exactly — by chance it would occur with p < 1e-4.
    for (const d of documents) expect(d).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const dump = documents.join('\n');
    expect(
      occurrences(
        dump,
        [...exact, ...phones].filter((x) => /^[A-Za-z0-9_-]+$/.test(x)),
      ),
    ).toEqual([]);

    // Nor in clear anywhere else the demo wrote: events, case states, persons, audit rows.
    const rest = (
      await sql<{ line: string }>`
        SELECT event::text AS line FROM victim_case_events
        UNION ALL SELECT state::text FROM victim_cases
        UNION ALL SELECT row_to_json(p)::text FROM persons p
        UNION ALL SELECT coalesce(details::text, '') || ' ' || coalesce(reason, '') FROM audit_log
      `.execute(t.t.db)
    ).rows
      .map((r) => r.line)
      .join('\n');
    expect(containsKhmer(rest)).toBe(false);
    const words = new Set(rest.split(/[^\p{L}\p{M}]+/u));
    const candidates = [...whole].filter((n) => n.split(/[^\p{L}\p{M}]+/u).every((w) => w === '' || words.has(w)));
    expect(candidates.filter((n) => rest.includes(n))).toEqual([]);
    const digits = rest.replace(/(\d)[ ()-]+(?=\d)/g, '$1');
    expect(
      occurrences(
        digits,
        [...phones].map((p) => p.replace(/\D/g, '')),
      ),
    ).toEqual([]);
  });
});

/** The needles found in the haystack (exact, case-sensitive), by sliding a window per needle length. */
function occurrences(haystack: string, needles: readonly string[]): string[] {
  const byLength = new Map<number, Set<string>>();
  for (const n of needles) byLength.set(n.length, (byLength.get(n.length) ?? new Set()).add(n));
  const found = new Set<string>();
  for (const [length, set] of byLength)
    for (let i = 0; i + length <= haystack.length; i++) {
      const s = haystack.slice(i, i + length);
      if (set.has(s)) found.add(s);
    }
  return [...found];
}

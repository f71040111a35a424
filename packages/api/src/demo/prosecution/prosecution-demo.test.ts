import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyCriminalEvent,
  checkCriminalEventAgainstConfig,
  containsKhmer,
  criminalCaseAlerts,
  criminalCaseEventSchema,
  identitySchema,
  nameStrings,
  projectCriminalCase,
  supervisingUnit,
  type CriminalCaseAlertKind,
  type CriminalCaseEvent,
  type CriminalCaseState,
} from '@ctis/core';
import { verifyAudit } from '@ctis/db';
import { loadCountryConfigFile } from '../../config-file.ts';
import { COUNTRY_FILES, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { prosecutionFigures, type ProsecutionFiguresComputed } from './counting-rules.ts';
import { PROSECUTION_FIGURES } from './figures.ts';
import { loadProsecutionDemo, prosecutionDemoWanted, type ProsecutionDemoResult } from './load.ts';
import {
  DEMO_COUNTRY,
  DEMO_END,
  generateProsecutionPlan,
  PROSECUTION_DEMO_SEED,
  type PlannedCriminalCase,
  type ProsecutionPlan,
} from './plan.ts';

const SHARED_FIGURES = fileURLToPath(
  new URL('../../../../../../shared/data/tip-figures-cambodia.json', import.meta.url),
);

/** Every figure this demo reproduces, as stated in the report (tip-figures-cambodia.json). */
const EXPECTED = {
  'prosecution.individuals_prosecuted': { 2017: 207, 2016: 53 },
  'prosecution.traffickers_convicted': { 2017: 129, 2016: 100 },
  'prosecution.complicit_officials_investigated': { 2017: 0 },
  'prevention.cst_foreign_suspects_arrested': { 2017: 5, 2016: 12 },
} as const;

const AS_OF = '2017-12-31';
const ALERT_KINDS: readonly CriminalCaseAlertKind[] = [
  'missed_check_in',
  'absconded_without_warrant',
  'stalled_after_evidence',
  'settled_out_of_court',
  'public_official_suspect',
];
const THRESHOLDS = { absconderWithoutWarrantDays: 7, evidenceWithoutChargeDays: 60 };

function eventsOf(c: PlannedCriminalCase): CriminalCaseEvent[] {
  return [c.open, ...c.steps.map((s) => s.event)];
}

/** The counting rules of figures.ts, over the plan's events (the same rules as counting-rules.ts). */
function planFigures(plan: ProsecutionPlan, opts: { allCases?: boolean } = {}): ProsecutionFiguresComputed {
  const out = {
    individualsProsecuted: {} as Record<number, number>,
    traffickersConvicted: {} as Record<number, number>,
    complicitOfficialsInvestigated: {} as Record<number, number>,
    cstForeignSuspectsArrested: {} as Record<number, number>,
  };
  const inc = (m: Record<number, number>, on: string) =>
    (m[Number(on.slice(0, 4))] = (m[Number(on.slice(0, 4))] ?? 0) + 1);
  for (const c of plan.cases) {
    const trafficking = opts.allCases || c.open.traffickingOffence;
    const charged = new Set<string>();
    for (const e of eventsOf(c)) {
      if (trafficking && e.type === 'charged' && !charged.has(e.suspectId)) {
        charged.add(e.suspectId);
        inc(out.individualsProsecuted, e.occurredOn);
      }
      if (trafficking && e.type === 'verdict' && (e.outcome === 'convicted' || e.outcome === 'in_absentia'))
        inc(out.traffickersConvicted, e.occurredOn);
      if (trafficking && e.type === 'suspect_added' && e.publicOfficial)
        inc(out.complicitOfficialsInvestigated, e.occurredOn);
      if (c.open.childSexTourism && e.type === 'suspect_added' && e.arrested && e.nationality !== DEMO_COUNTRY)
        inc(out.cstForeignSuspectsArrested, e.occurredOn);
    }
  }
  return out;
}

function expectFigures(f: ProsecutionFiguresComputed): void {
  const E = EXPECTED;
  expect(f.individualsProsecuted[2017]).toBe(E['prosecution.individuals_prosecuted'][2017]);
  expect(f.individualsProsecuted[2016]).toBe(E['prosecution.individuals_prosecuted'][2016]);
  expect(f.traffickersConvicted[2017]).toBe(E['prosecution.traffickers_convicted'][2017]);
  expect(f.traffickersConvicted[2016]).toBe(E['prosecution.traffickers_convicted'][2016]);
  expect(f.complicitOfficialsInvestigated[2017] ?? 0).toBe(E['prosecution.complicit_officials_investigated'][2017]);
  expect(f.complicitOfficialsInvestigated[2016] ?? 0).toBe(0);
  expect(f.cstForeignSuspectsArrested[2017]).toBe(E['prevention.cst_foreign_suspects_arrested'][2017]);
  expect(f.cstForeignSuspectsArrested[2016]).toBe(E['prevention.cst_foreign_suspects_arrested'][2016]);
}

function kindsOf(cases: readonly { id: string; state: CriminalCaseState }[], asOf: string): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const a of criminalCaseAlerts(cases, asOf, THRESHOLDS)) kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
  return kinds;
}

describe('prosecution demo: the plan (no database)', () => {
  const plan = generateProsecutionPlan(PROSECUTION_DEMO_SEED);
  const states = plan.cases.map((c) => ({ id: c.key, state: projectCriminalCase(eventsOf(c)) }));

  it('is deterministic: the same seed gives the same plan; another seed differs, with the same figures', () => {
    expect(JSON.stringify(generateProsecutionPlan(PROSECUTION_DEMO_SEED))).toBe(JSON.stringify(plan));
    const other = generateProsecutionPlan(7);
    expect(JSON.stringify(other.cases)).not.toBe(JSON.stringify(plan.cases));
    expect(planFigures(other)).toEqual(planFigures(plan));
  });

  it('the figures file states what the counting rules give', () => {
    expect(PROSECUTION_FIGURES.individualsProsecuted).toEqual(EXPECTED['prosecution.individuals_prosecuted']);
    expect(PROSECUTION_FIGURES.traffickersConvicted).toEqual(EXPECTED['prosecution.traffickers_convicted']);
    expect(PROSECUTION_FIGURES.complicitOfficialsInvestigated[2017]).toBe(0);
    expect(PROSECUTION_FIGURES.cstForeignSuspectsArrested).toEqual(
      EXPECTED['prevention.cst_foreign_suspects_arrested'],
    );
  });

  it.each([PROSECUTION_DEMO_SEED, 1, 2])('reproduces every prosecution figure from its events (seed %i)', (seed) => {
    expectFigures(planFigures(generateProsecutionPlan(seed)));
  });

  it('has non-trafficking cases with charges and convictions in 2016 and 2017 that the rules leave out', () => {
    const all = planFigures(plan, { allCases: true });
    const counted = planFigures(plan);
    expect(all.individualsProsecuted[2016]!).toBeGreaterThan(counted.individualsProsecuted[2016]!);
    expect(all.individualsProsecuted[2017]!).toBeGreaterThan(counted.individualsProsecuted[2017]!);
    expect(all.traffickersConvicted[2016]!).toBeGreaterThan(counted.traffickersConvicted[2016]!);
    expect(all.traffickersConvicted[2017]!).toBeGreaterThan(counted.traffickersConvicted[2017]!);
    // A public official suspected of rape in 2017: flagged for oversight, not complicity in trafficking.
    expect(all.complicitOfficialsInvestigated[2017]).toBe(1);
    // Officials suspected in trafficking cases come in 2018.
    expect(counted.complicitOfficialsInvestigated[2018]).toBeGreaterThanOrEqual(1);
  });

  it('every event passes the API contract and the configuration, in date order, through the state machine', () => {
    const config = loadCountryConfigFile(COUNTRY_FILES.KHM);
    for (const c of plan.cases) {
      const events = eventsOf(c).map((e) => criminalCaseEventSchema.parse(e));
      for (const e of events) checkCriminalEventAgainstConfig(e, config);
      expect(() => projectCriminalCase(events), c.key).not.toThrow();
      const dates = events.map((e) => e.occurredOn);
      expect(dates, c.key).toEqual([...dates].sort());
      expect(dates.at(-1)! <= DEMO_END).toBe(true);
      for (const s of c.steps)
        if (s.event.type === 'suspect_added') identitySchema.parse(s.person?.identity);
        else expect(s.person).toBeUndefined();
    }
  });

  it('each event is recorded by the organisation the repository lets record it', () => {
    const config = loadCountryConfigFile(COUNTRY_FILES.KHM);
    const typeOf = new Map(config.organisations.map((o) => [o.id, o.type]));
    for (const c of plan.cases) {
      expect(typeOf.get(c.open.leadUnitOrganisationId)).toBe('police');
      let state = projectCriminalCase([c.open]);
      for (const s of c.steps) {
        const e = s.event;
        if (e.type === 'charged') expect(s.by).toBe(e.prosecutorOrganisationId);
        if (e.type === 'check_in_recorded' || e.type === 'check_in_missed') {
          const suspect = state.suspects.find((p) => p.suspectId === e.suspectId)!;
          expect(s.by).toBe(supervisingUnit(state, suspect));
        }
        if (e.type === 'suspect_added' || e.type === 'victim_linked' || e.type === 'case_closed')
          expect(s.by).toBe(c.open.leadUnitOrganisationId);
        // Whoever records an event already has the file: the lead unit or an organisation it is shared with.
        const reach = new Set([
          state.leadUnitOrganisationId,
          ...state.evidence.map((x) => x.prosecutorOrganisationId),
          ...state.suspects.flatMap((p) => [
            ...(p.charge ? [p.charge.prosecutorOrganisationId, p.charge.courtOrganisationId] : []),
            ...p.appeals.map((a) => a.courtOrganisationId),
            ...p.measures.flatMap((m) => (m.supervisingOrganisationId ? [m.supervisingOrganisationId] : [])),
          ]),
        ]);
        if (e.type !== 'charged') expect(reach.has(s.by), `${c.key} ${e.type} by ${s.by}`).toBe(true);
        state = applyCriminalEvent(state, e);
      }
    }
  });

  it('raises every kind of alert as of 2017-12-31 (officials in trafficking cases only from 2018)', () => {
    const kinds = kindsOf(states, AS_OF);
    for (const k of ALERT_KINDS) expect(kinds[k], k).toBeGreaterThan(0);
    const officials = criminalCaseAlerts(states, DEMO_END, THRESHOLDS).filter(
      (a) => a.kind === 'public_official_suspect',
    );
    expect(officials.length).toBe(3);
    // Some defendants have been at large with no warrant for months.
    const longest = Math.max(
      ...criminalCaseAlerts(states, AS_OF, THRESHOLDS)
        .filter((a) => a.kind === 'absconded_without_warrant')
        .map((a) => a.days),
    );
    expect(longest).toBeGreaterThan(180);
  });

  it('is realistic: the paths, outcomes, sentences, nationalities and places a register would hold', () => {
    const suspects = states.flatMap((s) => s.state.suspects);
    const outcomes = new Set(suspects.map((p) => p.verdict?.outcome));
    for (const o of ['convicted', 'acquitted', 'dismissed', 'settled_out_of_court', 'in_absentia'])
      expect(outcomes.has(o as never), o).toBe(true);
    expect(suspects.filter((p) => p.abscondings.some((a) => a.rearrestedOn)).length).toBeGreaterThan(5);
    expect(suspects.filter((p) => p.checkIns.length > 10).length).toBeGreaterThan(10);
    expect(suspects.filter((p) => p.missedCheckIns.length > 0).length).toBeGreaterThan(20);
    expect(suspects.filter((p) => (p.sentence?.suspendedMonths ?? 0) > 0).length).toBeGreaterThan(5);
    expect(suspects.filter((p) => p.sentence?.fine).length).toBeGreaterThan(50);
    expect(suspects.filter((p) => p.sentence?.restitution.length).length).toBeGreaterThan(20);
    expect(suspects.filter((p) => p.appeals.some((a) => a.outcome)).length).toBeGreaterThan(20);
    expect(suspects.filter((p) => p.appeals.some((a) => !a.outcome)).length).toBeGreaterThan(0);
    const nationalities = new Set(suspects.map((p) => p.nationality));
    for (const n of ['KHM', 'VNM', 'CHN', 'THA', 'USA']) expect(nationalities.has(n), n).toBe(true);
    expect(new Set(states.map((s) => s.state.exploitation))).toEqual(new Set(['sex', 'labour', 'both']));
    expect(new Set(states.map((s) => s.state.province)).size).toBe(6);
    expect(states.filter((s) => s.state.status === 'closed').length).toBeGreaterThan(50);
    expect(states.filter((s) => !s.state.traffickingOffence).length).toBeGreaterThan(10);
    expect(states.filter((s) => s.state.victims.length > 0).length).toBeGreaterThan(50);
  });

  it('loads on first start except under the test runner, unless told', () => {
    expect(prosecutionDemoWanted({})).toBe(true);
    expect(prosecutionDemoWanted({ VITEST: 'true' })).toBe(false);
    expect(prosecutionDemoWanted({ VITEST: 'true', CTIS_DEMO_PROSECUTION: 'on' })).toBe(true);
    expect(prosecutionDemoWanted({ CTIS_DEMO_PROSECUTION: 'off' })).toBe(false);
  });

  it.skipIf(!existsSync(SHARED_FIGURES))('the expected values are those of the shared figures file', () => {
    const file = JSON.parse(readFileSync(SHARED_FIGURES, 'utf8')) as {
      figures: { id: string; values: Record<string, unknown> }[];
    };
    for (const [id, values] of Object.entries(EXPECTED))
      expect(file.figures.find((f) => f.id === id)?.values, id).toEqual(values);
  });
});

describe('prosecution demo: loaded through the repository', () => {
  let t: TestApp;
  let loaded: ProsecutionDemoResult;
  let figures: ProsecutionFiguresComputed;
  const victimCaseIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    expect(await t.t.db.selectFrom('criminal_cases').select('id').limit(1).execute()).toEqual([]);
    // A few police victim cases of the Phnom Penh unit, for the demo to link to (the protection demo
    // would leave hundreds; it is not loaded here, to keep the test short).
    const investigator = await t.login('investigator');
    for (const occurredOn of ['2016-02-10', '2016-06-01', '2016-09-15', '2017-01-20', '2017-03-05', '2017-05-18']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: investigator.headers,
        payload: {
          occurredOn,
          source: 'police_operation',
          province: 'KH-12',
          person: {
            sex: 'female',
            birthYear: 2001,
            nationality: 'KHM',
            identity: { names: [{ family: 'Kim', given: 'Sreyneang' }] },
          },
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      victimCaseIds.push((res.json() as { case: { id: string } }).case.id);
    }
    loaded = await loadProsecutionDemo(t.t.db, t.config, t.keys, { seed: PROSECUTION_DEMO_SEED });
    figures = await prosecutionFigures(t.t.db, t.config);
  }, 400_000);

  afterAll(async () => {
    await t?.close();
  });

  it('loads a few hundred criminal cases and their events', () => {
    expect(loaded.skipped).toBe(false);
    const plan = generateProsecutionPlan(PROSECUTION_DEMO_SEED);
    expect(loaded.cases).toBe(plan.cases.length);
    console.log(
      `prosecution demo: ${loaded.cases} cases, ${loaded.suspects} suspects, ${loaded.events} events, ` +
        `${loaded.victimLinks} victim links, ${loaded.usersCreated} users created, ${loaded.ms} ms`,
    );
  });

  it('reproduces prosecution.individuals_prosecuted, traffickers_convicted, complicit_officials_investigated and prevention.cst_foreign_suspects_arrested', () => {
    expectFigures(figures);
    expect(figures).toEqual(planFigures(generateProsecutionPlan(PROSECUTION_DEMO_SEED)));
  });

  it('raises every kind of alert as of 2017-12-31 from the stored case states', async () => {
    const rows = await t.t.db.selectFrom('criminal_cases').select(['id', 'state']).execute();
    const cases = rows.map((r) => ({ id: r.id, state: r.state as CriminalCaseState }));
    const kinds = kindsOf(cases, AS_OF);
    for (const k of ALERT_KINDS) expect(kinds[k], k).toBeGreaterThan(0);
    const planned = generateProsecutionPlan(PROSECUTION_DEMO_SEED).cases.map((c) => ({
      id: c.key,
      state: projectCriminalCase(eventsOf(c)),
    }));
    expect(kinds).toEqual(kindsOf(planned, AS_OF));
  });

  it('links victim cases that exist (the unit’s own, the same year) and orders restitution only to them', async () => {
    expect(loaded.victimLinks).toBe(victimCaseIds.length);
    const linked = await sql<{ id: string }>`
      SELECT e.event->>'victimCaseId' AS id FROM criminal_case_events e WHERE e.type = 'victim_linked'
    `.execute(t.t.db);
    expect(linked.rows.map((r) => r.id).sort()).toEqual([...victimCaseIds].sort());
    const restitution = await sql<{ id: string }>`
      SELECT r->>'victimCaseId' AS id
      FROM criminal_case_events e, jsonb_array_elements(e.event->'restitution') r
      WHERE e.type = 'sentence'
    `.execute(t.t.db);
    for (const r of restitution.rows) expect(victimCaseIds).toContain(r.id);
  });

  it('every event is written by a real acting user of the right organisation; the audit chain verifies', async () => {
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM criminal_case_events`.execute(t.t.db);
    expect(n.rows[0]!.n).toBe(loaded.events);
    const audits = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'criminal_case.%' AND action NOT IN ('criminal_case.read', 'criminal_case.list')
    `.execute(t.t.db);
    expect(audits.rows[0]!.n).toBe(loaded.events);
    const writers = await sql<{ username: string; status: string; type: string }>`
      SELECT DISTINCT u.username, u.status, e.type
      FROM criminal_case_events e JOIN users u ON u.id::text = e.recorded_by
    `.execute(t.t.db);
    const names = new Set(writers.rows.map((w) => w.username));
    for (const u of ['investigator', 'prosecutor', 'court.clerk', 'demo.appeal-court', 'demo.prosecutor-siem-reap'])
      expect(names.has(u), u).toBe(true);
    for (const w of writers.rows) if (w.username.startsWith('demo.')) expect(w.status).toBe('disabled');
    expect(writers.rows.filter((w) => w.type === 'charged').every((w) => w.username.includes('prosecutor'))).toBe(true);
    const report = await verifyAudit(t.t.db, t.keys.auditPublicKey);
    expect(report.chain.ok).toBe(true);
  });

  it("the demo accounts see the files of their organisation's cases through the API", async () => {
    for (const [role, org] of [
      ['prosecutor', 'prosecutor-phnom-penh'],
      ['court_clerk', 'court-phnom-penh'],
      ['investigator', 'ahtjp-phnom-penh'],
    ] as const) {
      const session = await t.login(role);
      const res = await t.app.inject({ method: 'GET', url: '/api/criminal-cases?limit=50', headers: session.headers });
      expect(res.statusCode, res.body).toBe(200);
      const cases = (res.json() as { cases: { state: CriminalCaseState }[] }).cases;
      expect(cases.length, role).toBeGreaterThan(10);
      for (const c of cases) {
        const s = c.state;
        const involved = [
          s.leadUnitOrganisationId,
          ...s.evidence.map((e) => e.prosecutorOrganisationId),
          ...s.suspects.flatMap((p) => [
            p.charge?.prosecutorOrganisationId,
            p.charge?.courtOrganisationId,
            ...p.measures.map((m) => m.supervisingOrganisationId),
          ]),
          ...s.trials.map((x) => x.courtOrganisationId),
        ];
        expect(involved, role).toContain(org);
      }
    }
  });

  it('loads nothing a second time (idempotent)', async () => {
    const again = await loadProsecutionDemo(t.t.db, t.config, t.keys, { seed: PROSECUTION_DEMO_SEED });
    expect(again.skipped).toBe(true);
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM criminal_cases`.execute(t.t.db);
    expect(n.rows[0]!.n).toBe(loaded.cases);
  });

  it('stores suspects’ identities encrypted: no name in clear in cases, events, persons or audit rows', async () => {
    const plan = generateProsecutionPlan(PROSECUTION_DEMO_SEED);
    const names = new Set<string>();
    for (const c of plan.cases)
      for (const s of c.steps)
        if (s.person) for (const n of nameStrings(identitySchema.parse(s.person.identity))) names.add(n);
    expect(names.size).toBeGreaterThan(200);
    const rest = (
      await sql<{ line: string }>`
        SELECT event::text AS line FROM criminal_case_events
        UNION ALL SELECT state::text FROM criminal_cases
        UNION ALL SELECT row_to_json(p)::text FROM persons p
        UNION ALL SELECT coalesce(details::text, '') || ' ' || coalesce(reason, '') FROM audit_log
      `.execute(t.t.db)
    ).rows
      .map((r) => r.line)
      .join('\n');
    expect(containsKhmer(rest)).toBe(false);
    expect([...names].filter((n) => n.includes(' ') && rest.includes(n))).toEqual([]);
    const persons = await sql<{ n: number }>`SELECT count(*)::int AS n FROM person_identity`.execute(t.t.db);
    expect(persons.rows[0]!.n).toBe(loaded.suspects + victimCaseIds.length);
  });
});

/**
 * Work-queue alerts over N criminal cases (default 100,000), as of a date:
 *   1. pure: project each case's events (core state machine) and compute every alert
 *      (criminalCaseAlerts) over all N projections;
 *   2. with the database: N cases stored (embedded PostgreSQL in a temporary directory, or
 *      DATABASE_URL), then read through the real repository (policy decided per row) and the alerts
 *      computed, as GET /api/criminal-cases/alerts does — for a national reader (all N) and for one
 *      police unit (its share).
 *
 *   npx tsx scripts/bench-criminal-alerts.ts [N]
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  criminalCaseAlerts,
  criminalCaseOrganisations,
  projectCriminalCase,
  rulesForRoles,
  type CriminalCaseEvent,
  type CriminalCaseState,
} from '@ctis/core';
import { createDb, keysFrom, migrateToLatest, newKeyFile, ScopedDb, startEmbedded, systemActor } from '@ctis/db';
import { identityVault, loadCountryConfigFile } from '@ctis/api';

const N = Number(process.argv[2] ?? 100_000);
const AS_OF = '2017-12-31';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LAW = 'law-2008-suppression-human-trafficking';
const UNITS = [
  'ahtjp-phnom-penh',
  'ahtjp-banteay-meanchey',
  'ahtjp-battambang',
  'ahtjp-siem-reap',
  'ahtjp-preah-sihanouk',
];
const PLACES = ['phnom-penh', 'banteay-meanchey', 'battambang', 'siem-reap', 'preah-sihanouk'];
const PROVINCES = ['KH-12', 'KH-1', 'KH-2', 'KH-17', 'KH-18'];

// A seeded generator, so every run measures the same data.
let seed = 20172;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const day = (base: string, plus: number) => {
  const [y, m, d] = base.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + plus)).toISOString().slice(0, 10);
};

/** One case's events: 1–3 suspects carried to a random stage of the procedure. */
function caseEvents(): CriminalCaseEvent[] {
  const u = int(0, UNITS.length - 1);
  const place = PLACES[u]!;
  const opened = day('2016-01-01', int(0, 700));
  let on = opened;
  const next = (lo: number, hi: number) => (on = day(on, int(lo, hi)));
  const ev: CriminalCaseEvent[] = [
    {
      type: 'investigation_opened',
      occurredOn: opened,
      leadUnitOrganisationId: UNITS[u]!,
      province: PROVINCES[u]!,
      legalBasis: { lawId: LAW, article: String([9, 10, 12, 15][int(0, 3)]) },
      exploitation: (['sex', 'labour', 'both'] as const)[int(0, 2)]!,
      traffickingOffence: rand() < 0.9,
    },
  ];
  const suspects = Array.from({ length: int(1, 3) }, () => randomUUID());
  for (const suspectId of suspects) {
    ev.push({
      type: 'suspect_added',
      occurredOn: next(0, 3),
      suspectId,
      personId: randomUUID(),
      nationality: rand() < 0.85 ? 'KHM' : 'VNM',
      ...(rand() < 0.01 && { publicOfficial: { position: 'Police officer', agency: 'Provincial police' } }),
    });
  }
  const stage = rand();
  if (stage < 0.15) return ev; // still investigating
  const prosecutor = `prosecutor-${place}`;
  ev.push({ type: 'evidence_supplied', occurredOn: next(5, 60), prosecutorOrganisationId: prosecutor });
  if (stage < 0.3) return ev; // stalled or awaiting a charge
  for (const suspectId of suspects) {
    ev.push({
      type: 'charged',
      occurredOn: next(5, 60),
      suspectId,
      prosecutorOrganisationId: prosecutor,
      courtOrganisationId: `court-${place}`,
      articles: [`${LAW}:15`],
    });
    const supervised = rand() < 0.4;
    ev.push(
      supervised
        ? {
            type: 'pretrial_measure',
            occurredOn: next(0, 2),
            suspectId,
            measure: 'judicial_supervision',
            checkInEveryDays: 14,
          }
        : { type: 'pretrial_measure', occurredOn: next(0, 2), suspectId, measure: 'detention' },
    );
    if (supervised) {
      for (let k = int(0, 6); k > 0; k--) ev.push({ type: 'check_in_recorded', occurredOn: next(13, 15), suspectId });
      const r = rand();
      if (r < 0.15) ev.push({ type: 'check_in_missed', occurredOn: next(14, 14), suspectId });
      if (r < 0.1) {
        ev.push({ type: 'absconded', occurredOn: next(1, 10), suspectId });
        if (rand() < 0.5) ev.push({ type: 'arrest_warrant_issued', occurredOn: next(1, 40), suspectId });
        continue;
      }
    }
    if (stage < 0.6) continue; // awaiting trial
    const outcome = rand() < 0.8 ? 'convicted' : rand() < 0.5 ? 'acquitted' : 'settled_out_of_court';
    ev.push({ type: 'verdict', occurredOn: next(30, 200), suspectId, outcome });
    if (outcome === 'convicted')
      ev.push({ type: 'sentence', occurredOn: on, suspectId, prisonMonths: int(24, 180), suspendedMonths: 0 });
  }
  return ev;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1]!;
const median = (xs: number[]) => pct(xs, 50);
const byKind = (alerts: { kind: string }[]) => {
  const m = new Map<string, number>();
  for (const a of alerts) m.set(a.kind, (m.get(a.kind) ?? 0) + 1);
  return [...m].map(([k, n]) => `${k} ${n.toLocaleString('en')}`).join(', ');
};

async function main() {
  const config = loadCountryConfigFile(join(ROOT, 'config/countries/KHM.json'));
  const thresholds = config.alerts;
  console.log(`${N.toLocaleString('en')} criminal cases, alerts as of ${AS_OF} (node ${process.version})`);

  // 1. Pure.
  let t0 = performance.now();
  const streams = Array.from({ length: N }, caseEvents);
  const genMs = performance.now() - t0;
  t0 = performance.now();
  const cases = streams.map((events) => ({ id: randomUUID(), state: projectCriminalCase(events) }));
  const projectMs = performance.now() - t0;
  const events = streams.reduce((n, s) => n + s.length, 0);
  console.log(
    `generated ${events.toLocaleString('en')} events in ${genMs.toFixed(0)} ms; projected in ${projectMs.toFixed(0)} ms`,
  );
  const runs: number[] = [];
  let alerts = criminalCaseAlerts(cases, AS_OF, thresholds);
  for (let i = 0; i < 7; i++) {
    const s = performance.now();
    alerts = criminalCaseAlerts(cases, AS_OF, thresholds);
    runs.push(performance.now() - s);
  }
  console.log(
    `pure: all alerts over ${N.toLocaleString('en')} projections: median ${median(runs).toFixed(1)} ms, max ${Math.max(...runs).toFixed(1)} ms (7 runs); ${alerts.length.toLocaleString('en')} alerts: ${byKind(alerts)}`,
  );

  // 2. With the database.
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
  const oversight = config.organisations.filter((o) => o.type === 'oversight').map((o) => o.id);
  try {
    t0 = performance.now();
    for (let i = 0; i < N; i += 1_000) {
      const batch = cases.slice(i, i + 1_000);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('criminal_cases')
          .values(
            batch.map((c, k) => ({
              id: c.id,
              case_number: `BENCH-${i + k}`,
              owner_user_id: 'bench',
              organisation_id: c.state.leadUnitOrganisationId,
              province: c.state.province ?? null,
              label: 'N' as const,
              status: c.state.status,
              opened_on: c.state.openedOn,
              trafficking_offence: c.state.traffickingOffence,
              version: c.state.version,
              state: JSON.stringify(c.state),
              updated_at: new Date(),
            })),
          )
          .execute();
        const shares = batch.flatMap((c) =>
          criminalCaseOrganisations(c.state as CriminalCaseState, { oversightOrganisationIds: oversight })
            .filter((o) => o !== c.state.leadUnitOrganisationId)
            .map((subject) => ({ record_id: c.id, kind: 'shared' as const, subject })),
        );
        if (shares.length) await trx.insertInto('record_access').values(shares).execute();
      });
    }
    console.log(
      `stored ${N.toLocaleString('en')} cases (projection + compartments) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const keys = keysFrom(newKeyFile());
    const ctx = {
      ip: null,
      requestId: null,
      now: () => new Date(),
      provinceOf: () => null,
      vault: identityVault(keys, config),
      config,
    };
    const unit = {
      kind: 'user' as const,
      userId: randomUUID(),
      organisationId: UNITS[0]!,
      province: 'KH-12',
      roles: ['investigator'],
      rules: rulesForRoles(config.roles, ['investigator']),
      breakGlass: [],
    };
    for (const [who, actor] of [
      ['national (all cases)', systemActor('bench')],
      [`one police unit (${UNITS[0]})`, unit],
    ] as const) {
      const times: number[] = [];
      let n = 0;
      let count = 0;
      for (let i = 0; i < 3; i++) {
        const s = performance.now();
        const views = await new ScopedDb(db, actor, ctx).transaction((tx) =>
          tx.criminalCases.list({ alertable: true, limit: N }),
        );
        const found = criminalCaseAlerts(views, AS_OF, thresholds).filter(
          (a) => actor.kind === 'system' || a.organisationIds.includes(actor.organisationId!),
        );
        times.push(performance.now() - s);
        n = views.length;
        count = found.length;
      }
      console.log(
        `database, ${who}: read ${n.toLocaleString('en')} visible alertable cases + alerts: median ${median(times).toFixed(0)} ms (3 runs); ${count.toLocaleString('en')} alerts`,
      );
    }
  } finally {
    await db.destroy();
    await stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();

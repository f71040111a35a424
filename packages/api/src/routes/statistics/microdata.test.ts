import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { MICRODATA_COLUMNS } from '@ctis/core';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import { generateProtectionPlan, loadProtectionDemo, type ProtectionDemoResult } from '../../demo/protection/index.ts';
import { get, lastAudit } from '../criminal-cases/criminal-case-test-kit.ts';

let t: TestApp;
let analyst: Session;
let protection: ProtectionDemoResult;

beforeAll(async () => {
  t = await createTestApp();
  protection = await loadProtectionDemo(t.t.db, t.config, t.keys);
  analyst = await t.login('national_analyst');
}, 600_000);
afterAll(async () => t.close());

/** RFC 4180, as the export writes it: quoted fields may hold commas, quotes and line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Persons with a victim case opened in the year (no confirmed link yet: one record, one person). */
async function personsOpenedIn(year: number): Promise<number> {
  const r = await sql<{ n: string }>`
    SELECT count(DISTINCT vc.person_id) AS n FROM victim_cases vc
    JOIN victim_case_events e ON e.case_id = vc.id AND e.event->>'type' = 'case_opened'
    WHERE e.event->>'occurredOn' LIKE ${`${year}-%`}`.execute(t.t.owner);
  return Number(r.rows[0]!.n);
}

describe('GET /api/statistics/microdata.csv', () => {
  it('401 without a session; 403 without stats.read; 403 for a provincial reader (national export only)', async () => {
    expect((await get(t, null, '/api/statistics/microdata.csv?year=2017')).statusCode).toBe(401);
    const socialWorker = await t.login('social_worker');
    expect((await get(t, socialWorker, '/api/statistics/microdata.csv?year=2017')).statusCode).toBe(403);
    const coordinator = await t.login('provincial_coordinator');
    expect((await get(t, coordinator, '/api/statistics/microdata.csv?year=2017')).statusCode).toBe(403);
    expect((await get(t, analyst, '/api/statistics/microdata.csv?year=17')).statusCode).toBe(400);
  });

  let csv = '';
  let rows: string[][] = [];

  it('the CTDC/HTCDS columns, one row per person of the year, every combination shared by 11 or more; audited', async () => {
    const res = await get(t, analyst, '/api/statistics/microdata.csv?year=2017');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('ctis-microdata-KHM-2017.csv');
    csv = res.body;
    const [header, ...body] = parseCsv(csv);
    rows = body;
    expect(header).toEqual([...MICRODATA_COLUMNS]);
    const persons = await personsOpenedIn(2017);
    expect(persons).toBeGreaterThan(100);
    // Every person of the year is exported (none withheld once there are 11 or more).
    expect(rows.length).toBe(persons);
    for (const r of rows) expect(r.length).toBe(header!.length);
    // k-anonymity, counted here without the library: every combination of all exported columns.
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(JSON.stringify(r), (counts.get(JSON.stringify(r)) ?? 0) + 1);
    expect(counts.size).toBeGreaterThan(1);
    for (const [combination, n] of counts) expect(n, combination).toBeGreaterThanOrEqual(11);
    // Year-only dates: every row is of 2017 or has the year generalised away.
    const yearAt = header!.indexOf('yearOfRegistration');
    expect(new Set(rows.map((r) => r[yearAt]))).toEqual(new Set(['2017']));
    // The export says something: some rows keep a sex, a citizenship and a type of exploitation.
    for (const column of ['gender', 'citizenship', 'isForcedLabour']) {
      const at = header!.indexOf(column);
      expect(
        rows.some((r) => r[at] !== ''),
        column,
      ).toBe(true);
    }
    expect(await lastAudit(t, 'stats.microdata')).toMatchObject({
      outcome: 'allowed',
      details: expect.objectContaining({ year: 2017, k: 11, records: persons, exported: persons, withheld: 0 }),
    });
  });

  it('no identity: no name, date of birth, person or case id of the persons appears', async () => {
    expect(rows.length).toBeGreaterThan(0);
    const plan = generateProtectionPlan();
    const names = new Set<string>();
    const births = new Set<string>();
    for (const r of plan.records) {
      for (const n of r.person.identity.names) {
        const full = n.full ?? [n.family, n.given].filter(Boolean).join(' ');
        if (full.length >= 3) names.add(full);
        if (n.family && n.given) names.add(`${n.given} ${n.family}`);
      }
      if (r.person.identity.dateOfBirth) births.add(r.person.identity.dateOfBirth);
    }
    expect(names.size).toBeGreaterThan(100);
    for (const name of names) expect(csv.includes(name), name).toBe(false);
    for (const d of births) expect(csv.includes(d)).toBe(false);
    for (const r of protection.records.slice(0, 500)) {
      expect(csv).not.toContain(r.personId);
      expect(csv).not.toContain(r.caseId);
    }
    expect(csv).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('a person recorded twice, once the link is confirmed, is one row', async () => {
    const before = rows.length;
    // Two person records with a case opened in 2017, linked by a (confirmed) link.
    const pair = await sql<{ person_id: string }>`
      SELECT DISTINCT vc.person_id FROM victim_cases vc
      JOIN victim_case_events e ON e.case_id = vc.id AND e.event->>'type' = 'case_opened'
      WHERE e.event->>'occurredOn' LIKE '2017-%' ORDER BY vc.person_id LIMIT 2`.execute(t.t.owner);
    const [a, b] = pair.rows.map((r) => r.person_id);
    await t.t.owner
      .insertInto('person_links')
      .values({
        id: randomUUID(),
        person_a: a! < b! ? a! : b!,
        person_b: a! < b! ? b! : a!,
        proposal_id: null,
        linked_by: 'test',
        linked_at: new Date(Date.now() - 1000),
      })
      .execute();
    const res = await get(t, analyst, '/api/statistics/microdata.csv?year=2017');
    expect(res.statusCode, res.body).toBe(200);
    expect(parseCsv(res.body).length - 1).toBe(before - 1);
  });

  it('a year with fewer than 11 persons exports the header only', async () => {
    const res = await get(t, analyst, '/api/statistics/microdata.csv?year=1995');
    expect(res.statusCode).toBe(200);
    expect(parseCsv(res.body)).toEqual([[...MICRODATA_COLUMNS]]);
  });
});

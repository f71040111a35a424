import type {
  ComplaintFacts,
  CriminalCaseEvent,
  CriminalCaseFacts,
  RegisterFacts,
  ScreeningFacts,
  TallyFacts,
  VictimCaseEvent,
  VictimCaseFacts,
} from '@ctis/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Where the sources go, one record at a time (`startFigures` in core has this shape). */
export interface FactsSink {
  victimCase(c: VictimCaseFacts): void;
  criminalCase(c: CriminalCaseFacts): void;
  register(r: RegisterFacts): void;
  tally(t: TallyFacts): void;
  screening(s: ScreeningFacts): void;
  complaint(c: ComplaintFacts): void;
}

const PAGE = 2_000;

interface CaseRow {
  id: string;
  organisation_id: string;
  province: string | null;
  person_id?: string;
  sex?: string | null;
  birth_year?: number | null;
  nationality?: string | null;
}

/**
 * Streams every statistical source as it stood at `asOf` (what had been recorded by then): victim and
 * criminal cases with their events, each register record's version at that time, daily tallies,
 * screenings and complaints. Events are never changed or removed, so the same `asOf` gives the same
 * facts later: a past report can be recomputed exactly. Reads no identity.
 */
export async function streamFacts(db: Kysely<Database>, asOf: Date, sink: FactsSink): Promise<void> {
  await streamCases(db, 'victim_cases', 'victim_case_events', asOf, (row, events) =>
    sink.victimCase({
      id: row.id,
      organisationId: row.organisation_id,
      province: row.province,
      personId: row.person_id!,
      person: { sex: row.sex ?? null, birthYear: row.birth_year ?? null, nationality: row.nationality ?? null },
      events: events as VictimCaseEvent[],
    }),
  );
  await streamCases(db, 'criminal_cases', 'criminal_case_events', asOf, (row, events) =>
    sink.criminalCase({
      id: row.id,
      organisationId: row.organisation_id,
      province: row.province,
      events: events as CriminalCaseEvent[],
    }),
  );
  await streamRegisters(db, asOf, sink);
  const tallies = await db
    .selectFrom('screening_tallies')
    .select(['organisation_id', 'site', 'day', 'screened', 'indicated'])
    .where('recorded_at', '<=', asOf)
    .execute();
  for (const t of tallies)
    sink.tally({
      organisationId: t.organisation_id,
      site: t.site,
      day: t.day,
      screened: t.screened,
      indicated: t.indicated,
    });
  const screenings = await db
    .selectFrom('screenings')
    .select(['organisation_id', 'occurred_on', 'result'])
    .where('recorded_at', '<=', asOf)
    .execute();
  for (const s of screenings)
    sink.screening({ organisationId: s.organisation_id, occurredOn: s.occurred_on, result: s.result });
  const complaints = await sql<{ received_on: string; province: string | null }>`
    SELECT received_on::text AS received_on, province FROM corruption_complaints WHERE received_on <= ${asOf.toISOString().slice(0, 10)}::date
  `.execute(db);
  for (const c of complaints.rows) sink.complaint({ receivedOn: c.received_on, province: c.province });
}

async function streamCases(
  db: Kysely<Database>,
  table: 'victim_cases' | 'criminal_cases',
  eventsTable: 'victim_case_events' | 'criminal_case_events',
  asOf: Date,
  each: (row: CaseRow, events: unknown[]) => void,
): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // Victim cases carry their person's statistical attributes (sex, birth year, nationality).
    const rows = (
      table === 'victim_cases'
        ? await sql<CaseRow>`
            SELECT vc.id, vc.organisation_id, vc.province, vc.person_id, p.sex, p.birth_year, p.nationality
            FROM victim_cases vc JOIN persons p ON p.id = vc.person_id
            WHERE vc.id > ${after} ORDER BY vc.id LIMIT ${PAGE}`.execute(db)
        : await sql<CaseRow>`
            SELECT id, organisation_id, province FROM criminal_cases
            WHERE id > ${after} ORDER BY id LIMIT ${PAGE}`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    const events = await db
      .selectFrom(eventsTable)
      .select(['case_id', 'event'])
      .where(
        'case_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('recorded_at', '<=', asOf)
      .orderBy('case_id')
      .orderBy('seq')
      .execute();
    const byCase = new Map<string, unknown[]>();
    for (const e of events) {
      const list = byCase.get(e.case_id);
      if (list) list.push(e.event);
      else byCase.set(e.case_id, [e.event]);
    }
    for (const row of rows) {
      const list = byCase.get(row.id);
      if (list) each(row, list);
    }
    after = rows.at(-1)!.id;
  }
}

async function streamRegisters(db: Kysely<Database>, asOf: Date, sink: FactsSink): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await sql<{
      id: string;
      register: string;
      organisation_id: string;
      province: string | null;
      data: Record<string, unknown>;
    }>`
      SELECT r.id, r.register, r.organisation_id, r.province, v.data
      FROM register_records r
      JOIN LATERAL (
        SELECT e.data FROM register_record_events e
        WHERE e.record_id = r.id AND e.recorded_at <= ${asOf}
        ORDER BY e.seq DESC LIMIT 1
      ) v ON true
      WHERE r.id > ${after}
      ORDER BY r.id
      LIMIT ${PAGE}
    `.execute(db);
    for (const r of rows.rows)
      sink.register({
        id: r.id,
        register: r.register,
        organisationId: r.organisation_id,
        province: r.province,
        data: r.data,
      });
    if (rows.rows.length < PAGE) return;
    after = rows.rows.at(-1)!.id;
  }
}

/** The audit chain's head at `asOf`: the checkpoint a report names. */
export async function chainHeadAt(db: Kysely<Database>, asOf: Date): Promise<{ seq: number; hash: string }> {
  const row = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('at', '<=', asOf)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: '0'.repeat(64) };
}

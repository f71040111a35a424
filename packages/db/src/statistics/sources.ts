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

/** Cases per page (keyset by id); registers use the same. */
const PAGE = 10_000;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';
/**
 * Free-text fields of case events, never read: no figure counts them, they may hold personal
 * details, and leaving them in the database makes every event smaller to send and parse.
 */
const FREE_TEXT = ['reason', 'note', 'consentOverride', 'reference', 'courtCaseReference', 'legalReference'];

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
  // Victim and criminal cases are read at the same time, on two connections of the pool: the
  // indicators of one source never look at the other's records, so the interleaving changes nothing.
  await Promise.all([
    streamVictimCases(db, asOf, (c) => sink.victimCase(c)),
    streamCases(db, 'criminal_cases', asOf, (row, events) =>
      sink.criminalCase({
        id: row.id,
        organisationId: row.organisation_id,
        province: row.province,
        events: events as CriminalCaseEvent[],
      }),
    ),
  ]);
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

/**
 * Victim cases only, each with its person's statistical attributes and its events as of `asOf`
 * (the microdata export reads these). Reads no identity.
 */
export async function streamVictimCases(
  db: Kysely<Database>,
  asOf: Date,
  each: (c: VictimCaseFacts) => void,
): Promise<void> {
  await streamCases(db, 'victim_cases', asOf, (row, events) =>
    each({
      id: row.id,
      organisationId: row.organisation_id,
      province: row.province,
      personId: row.person_id!,
      person: { sex: row.sex ?? null, birthYear: row.birth_year ?? null, nationality: row.nationality ?? null },
      events: events as VictimCaseEvent[],
    }),
  );
}

async function streamCases(
  db: Kysely<Database>,
  table: 'victim_cases' | 'criminal_cases',
  asOf: Date,
  each: (row: CaseRow, events: unknown[]) => void,
): Promise<void> {
  const eventsTable = table === 'victim_cases' ? 'victim_case_events' : 'criminal_case_events';
  // A page is two range reads: the next PAGE cases by id (victim cases with their person's
  // statistical attributes), then the events recorded by `asOf` of the cases in that id range, one
  // JSON array per case in order (one index range scan rather than one lookup per case), parsed
  // once per case. The bounds are the page's own first and last ids, so a case added meanwhile
  // cannot shift them.
  const cases = (after: string) =>
    (table === 'victim_cases'
      ? sql<CaseRow>`
          SELECT vc.id, vc.organisation_id, vc.province, vc.person_id, p.sex, p.birth_year, p.nationality
          FROM victim_cases vc JOIN persons p ON p.id = vc.person_id
          WHERE vc.id > ${after} ORDER BY vc.id LIMIT ${PAGE}`.execute(db)
      : sql<CaseRow>`
          SELECT id, organisation_id, province FROM criminal_cases
          WHERE id > ${after} ORDER BY id LIMIT ${PAGE}`.execute(db)
    ).then((r) => r.rows);
  const events = (after: string, last: string) =>
    sql<{ case_id: string; events: string }>`
      SELECT case_id, json_agg(event - ${FREE_TEXT}::text[] ORDER BY seq)::text AS events
      FROM ${sql.table(eventsTable)}
      WHERE case_id > ${after} AND case_id <= ${last} AND recorded_at <= ${asOf}
      GROUP BY case_id`
      .execute(db)
      .then((r) => r.rows);
  type Page = [CaseRow[], { case_id: string; events: string }[]];
  const read = (after: string): Promise<Page> => {
    const page = cases(after).then(async (rows): Promise<Page> => [
      rows,
      rows.length === 0 ? [] : await events(after, rows.at(-1)!.id),
    ]);
    page.catch(() => {}); // awaited in its turn; not an unhandled rejection meanwhile
    return page;
  };
  let next: Promise<Page> | null = read(FIRST_ID);
  while (next) {
    const [rows, found]: Page = await next;
    // The next page is read while this one goes through the indicators.
    next = rows.length === PAGE ? read(rows.at(-1)!.id) : null;
    const byCase = new Map<string, string>();
    for (const e of found) byCase.set(e.case_id, e.events);
    for (const row of rows) {
      const list = byCase.get(row.id);
      if (list !== undefined) each(row, JSON.parse(list) as unknown[]);
    }
  }
}

async function streamRegisters(db: Kysely<Database>, asOf: Date, sink: FactsSink): Promise<void> {
  let after = FIRST_ID;
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

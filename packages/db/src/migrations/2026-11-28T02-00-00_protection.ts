import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // Screenings: the questionnaire's answers and result. A screening that indicates nothing keeps
  // no person unless the person consented.
  await db.schema
    .createTable('screenings')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('questionnaire_id', 'text', (c) => c.notNull())
    .addColumn('questionnaire_version', 'text', (c) => c.notNull())
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('province', 'text')
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result IN ('possible_victim', 'not_indicated')`))
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.references('persons.id'))
    .addColumn('case_id', 'uuid')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // High-volume sites (a border transit centre) count those screened without keeping identities.
  await db.schema
    .createTable('screening_tallies')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('screened', 'integer', (c) => c.notNull().check(sql`screened >= 0`))
    .addColumn('indicated', 'integer', (c) => c.notNull().check(sql`indicated >= 0 AND indicated <= screened`))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('screening_tallies_day', ['organisation_id', 'site', 'day'])
    .execute();

  // A victim case: every change is an event row, and the projected state is kept beside it.
  await db.schema
    .createTable('victim_cases')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('case_number', 'text', (c) => c.notNull().unique())
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('owner_user_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('province', 'text')
    .addColumn('label', 'text', (c) => c.notNull().check(sql`label IN ('N', 'R', 'V')`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'date', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('victim_cases_org_idx')
    .on('victim_cases')
    .columns(['organisation_id', 'status'])
    .execute();

  await db.schema
    .createTable('victim_case_events')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('victim_cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('event', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('victim_case_events_pk', ['case_id', 'seq'])
    .execute();
  // Events are history: never changed, never removed.
  await sql`CREATE TRIGGER victim_case_events_no_change BEFORE UPDATE OR DELETE ON victim_case_events
    FOR EACH ROW EXECUTE FUNCTION ctis_append_only()`.execute(db);
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON victim_case_events FROM ctis_app`.execute(db);

  await db.schema
    .createTable('case_counters')
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['case_counters', 'victim_case_events', 'victim_cases', 'screening_tallies', 'screenings'])
    await db.schema.dropTable(t).ifExists().execute();
}

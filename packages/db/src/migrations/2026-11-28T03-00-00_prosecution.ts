import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // A criminal case: every change is an event row, the projected state is kept beside it. The lead
  // unit owns it; prosecutors, courts, supervising units and oversight reach it through record_access.
  await db.schema
    .createTable('criminal_cases')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('case_number', 'text', (c) => c.notNull().unique())
    .addColumn('owner_user_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('province', 'text')
    .addColumn('label', 'text', (c) => c.notNull().check(sql`label IN ('N', 'R', 'V')`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'date', (c) => c.notNull())
    .addColumn('trafficking_offence', 'boolean', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('criminal_cases_org_idx')
    .on('criminal_cases')
    .columns(['organisation_id', 'status'])
    .execute();

  await db.schema
    .createTable('criminal_case_events')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('criminal_cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('event', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('criminal_case_events_pk', ['case_id', 'seq'])
    .execute();
  await db.schema.createIndex('criminal_case_events_type_idx').on('criminal_case_events').columns(['type']).execute();
  await sql`CREATE TRIGGER criminal_case_events_no_change BEFORE UPDATE OR DELETE ON criminal_case_events
    FOR EACH ROW EXECUTE FUNCTION ctis_append_only()`.execute(db);
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON criminal_case_events FROM ctis_app`.execute(db);

  // Operations (raids): label V until carried out, seen only by the officers named in record_access;
  // who opened one is read from the audit log. Executed or cancelled, the label drops to N.
  await db.schema
    .createTable('operations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('criminal_case_id', 'uuid', (c) => c.references('criminal_cases.id'))
    .addColumn('owner_user_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('province', 'text')
    .addColumn('label', 'text', (c) => c.notNull().check(sql`label IN ('N', 'R', 'V')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('planned', 'executed', 'cancelled')`))
    .addColumn('code_name', 'text', (c) => c.notNull())
    .addColumn('planned_for', 'date', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('briefing', 'text')
    .addColumn('executed_on', 'date')
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('executed_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // Lists read cases newest first, page after page (keyset on updated_at, id).
  await db.schema
    .createIndex('criminal_cases_updated_idx')
    .on('criminal_cases')
    .columns(['updated_at', 'id'])
    .execute();
  await db.schema.createIndex('victim_cases_updated_idx').on('victim_cases').columns(['updated_at', 'id']).execute();
  // An operation's owner lists who opened it: audit rows by resource.
  await db.schema
    .createIndex('audit_log_resource_idx')
    .on('audit_log')
    .columns(['resource_type', 'resource_id', 'action'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const i of ['audit_log_resource_idx', 'victim_cases_updated_idx'])
    await db.schema.dropIndex(i).ifExists().execute();
  for (const t of ['operations', 'criminal_case_events', 'criminal_cases'])
    await db.schema.dropTable(t).ifExists().execute();
}

import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // Corruption complaints from the public. Nothing here may identify the reporter: no address, no
  // user agent, no account, and only the day of receipt (a time of day could single them out).
  // The id is random (not UUIDv7, which would carry the moment of intake).
  await db.schema
    .createTable('corruption_complaints')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    // SHA-256 (hex) of the receipt code given to the reporter; the code itself is never stored.
    .addColumn('receipt_hash', 'text', (c) => c.notNull().unique())
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`category IN ('bribery', 'extortion', 'protection_of_traffickers', 'leaking_operations', 'obstruction_of_justice', 'other')`,
        ),
    )
    .addColumn('province', 'text')
    // The agency complained about (free text, as the reporter names it).
    .addColumn('agency', 'text')
    // Sealed with the key ring (AES-256-GCM), bound to the complaint id: they may name people.
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('received', 'under_review', 'referred', 'closed')`),
    )
    .addColumn('outcome', 'text')
    .addColumn('criminal_case_id', 'uuid', (c) => c.references('criminal_cases.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // Null until oversight first changes the complaint: the moment of intake is not kept.
    .addColumn('updated_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('corruption_complaints_list_idx')
    .on('corruption_complaints')
    .columns(['received_on', 'id'])
    .execute();

  // Each change of status, as recorded: the intake ('received') and every oversight decision.
  // Dated by day only, like the complaint; the audit log has the exact time of oversight actions.
  await db.schema
    .createTable('corruption_complaint_events')
    .addColumn('complaint_id', 'uuid', (c) => c.notNull().references('corruption_complaints.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('received', 'under_review', 'referred', 'closed')`),
    )
    .addColumn('outcome', 'text')
    .addColumn('criminal_case_id', 'uuid')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_on', 'date', (c) => c.notNull())
    .addPrimaryKeyConstraint('corruption_complaint_events_pk', ['complaint_id', 'seq'])
    .execute();
  await sql`CREATE TRIGGER corruption_complaint_events_no_change BEFORE UPDATE OR DELETE ON corruption_complaint_events
    FOR EACH ROW EXECUTE FUNCTION ctis_append_only()`.execute(db);
  await sql`CREATE TRIGGER corruption_complaint_events_no_truncate BEFORE TRUNCATE ON corruption_complaint_events
    FOR EACH STATEMENT EXECUTE FUNCTION ctis_append_only()`.execute(db);
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON corruption_complaint_events FROM ctis_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['corruption_complaint_events', 'corruption_complaints'])
    await db.schema.dropTable(t).ifExists().execute();
}

import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // The prevention registers, stored generically: the register's definition (core) validates `data`.
  await db.schema
    .createTable('register_records')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('register', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('province', 'text')
    .addColumn('label', 'text', (c) => c.notNull().check(sql`label IN ('N', 'R', 'V')`))
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('import_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('register_records_list_idx')
    .on('register_records')
    .columns(['register', 'updated_at', 'id'])
    .execute();

  // Each version of each record, as written: the record's history (e.g. a licence suspended, then revoked).
  await db.schema
    .createTable('register_record_events')
    .addColumn('record_id', 'uuid', (c) => c.notNull().references('register_records.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('created', 'updated', 'imported')`))
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('register_record_events_pk', ['record_id', 'seq'])
    .execute();
  await sql`CREATE TRIGGER register_record_events_no_change BEFORE UPDATE OR DELETE ON register_record_events
    FOR EACH ROW EXECUTE FUNCTION ctis_append_only()`.execute(db);
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON register_record_events FROM ctis_app`.execute(db);

  // One row per spreadsheet import: what was imported, by whom, the file's hash (never the file).
  await db.schema
    .createTable('register_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('register', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format IN ('csv', 'xlsx')`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['register_imports', 'register_record_events', 'register_records'])
    await db.schema.dropTable(t).ifExists().execute();
}

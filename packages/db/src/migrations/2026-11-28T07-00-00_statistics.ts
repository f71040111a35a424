import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // Approved figures are frozen: a provincial committee approves its province's figures for a year,
  // the national committee accepts them. Later changes to the records show as differences.
  await db.schema
    .createTable('statistics_snapshots')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('approved', 'accepted')`))
    .addColumn('as_of', 'timestamptz', (c) => c.notNull())
    .addColumn('checkpoint_seq', 'bigint', (c) => c.notNull())
    .addColumn('checkpoint_hash', 'text', (c) => c.notNull())
    .addColumn('figures', 'jsonb', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_by', 'text')
    .addColumn('accepted_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('statistics_snapshots_period_idx')
    .on('statistics_snapshots')
    .columns(['year', 'province'])
    .execute();
  // A snapshot's figures never change: only its acceptance is recorded, once.
  await sql`CREATE FUNCTION ctis_snapshot_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' OR NEW.figures IS DISTINCT FROM OLD.figures OR NEW.as_of IS DISTINCT FROM OLD.as_of
         OR NEW.checkpoint_seq IS DISTINCT FROM OLD.checkpoint_seq OR OLD.status = 'accepted' THEN
        RAISE EXCEPTION 'statistics snapshots are frozen';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER statistics_snapshots_frozen BEFORE UPDATE OR DELETE ON statistics_snapshots
    FOR EACH ROW EXECUTE FUNCTION ctis_snapshot_frozen()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('statistics_snapshots').ifExists().execute();
  await sql`DROP FUNCTION IF EXISTS ctis_snapshot_frozen()`.execute(db);
}

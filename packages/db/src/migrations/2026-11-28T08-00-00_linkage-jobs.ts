import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // A run is now a background job: its state, the stage it is in and how far (for the progress shown to
  // the reviewer), a heartbeat that tells a live run from one a restart interrupted, and why it failed
  // (an error class and message: never an identity). Earlier runs were all finished.
  await db.schema
    .alterTable('linkage_runs')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('finished')
        .check(sql`status IN ('running', 'finished', 'failed')`),
    )
    .addColumn('stage', 'text')
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('heartbeat_at', 'timestamptz')
    .addColumn('error', 'text')
    .addColumn('auto_linked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('linkage_runs_started_idx')
    .on('linkage_runs')
    .columns(['started_at desc', 'id'])
    .execute();

  // A link made without a reviewer, because the pair's probability reached the configured auto-link level.
  await db.schema
    .alterTable('person_links')
    .addColumn('automatic', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('person_links').dropColumn('automatic').execute();
  await db.schema.dropIndex('linkage_runs_started_idx').ifExists().execute();
  await db.schema
    .alterTable('linkage_runs')
    .dropColumn('status')
    .dropColumn('stage')
    .dropColumn('done')
    .dropColumn('total')
    .dropColumn('heartbeat_at')
    .dropColumn('error')
    .dropColumn('auto_linked')
    .execute();
}

import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // One run of a match proposer over all persons: who ran which proposer (id, version, settings) and what
  // it found. No identity: counts only.
  await db.schema
    .createTable('linkage_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('proposer_id', 'text', (c) => c.notNull())
    .addColumn('proposer_version', 'integer', (c) => c.notNull())
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('persons', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pairs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('new_proposals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped_decided', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped_linked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('withdrawn', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // A proposed pair (person_a < person_b) and the decision on it. One row per pair ever proposed: a later
  // run refreshes an undecided pair and leaves a decided one alone. Reasons are per-field agreements and
  // weights (field names, agreement words, numbers): never a name or a blind index.
  await db.schema
    .createTable('linkage_proposals')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('linkage_runs.id'))
    .addColumn('person_a', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('person_b', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('score', 'double precision', (c) => c.notNull().check(sql`score >= 0 AND score <= 1`))
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('proposed')
        .check(sql`status IN ('proposed', 'confirmed', 'rejected')`),
    )
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('linkage_proposals_pair_key', ['person_a', 'person_b'])
    .addCheckConstraint('linkage_proposals_order', sql`person_a < person_b`)
    .execute();
  await db.schema
    .createIndex('linkage_proposals_queue_idx')
    .on('linkage_proposals')
    .columns(['status', 'score desc', 'id'])
    .execute();
  await db.schema.createIndex('linkage_proposals_b_idx').on('linkage_proposals').column('person_b').execute();

  // A confirmed link: these two person records are one person. Undoing keeps the row (undone_by/at), so
  // figures computed as of an earlier date can be reproduced; at most one active link per pair.
  await db.schema
    .createTable('person_links')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('person_a', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('person_b', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('proposal_id', 'uuid', (c) => c.references('linkage_proposals.id'))
    .addColumn('linked_by', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('undone_by', 'text')
    .addColumn('undone_at', 'timestamptz')
    .addCheckConstraint('person_links_order', sql`person_a < person_b`)
    .addCheckConstraint('person_links_undone', sql`(undone_by IS NULL) = (undone_at IS NULL)`)
    .execute();
  await sql`CREATE UNIQUE INDEX person_links_active_key ON person_links (person_a, person_b) WHERE undone_at IS NULL`.execute(
    db,
  );
  await db.schema.createIndex('person_links_b_idx').on('person_links').column('person_b').execute();
  await db.schema.createIndex('person_links_proposal_idx').on('person_links').column('proposal_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['person_links', 'linkage_proposals', 'linkage_runs'])
    await db.schema.dropTable(t).ifExists().execute();
}

import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // One data key per person, wrapped by a key-encryption key; erasing it shreds the identity.
  await db.schema
    .createTable('person_keys')
    .addColumn('person_id', 'uuid', (c) => c.primaryKey().references('persons.id'))
    .addColumn('wrapped_key', 'text') // null once shredded
    .addColumn('kek_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('shredded_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('person_keys_kek_idx').on('person_keys').column('kek_id').execute();

  // The identity document (names, birth date, documents, phones, addresses), AES-256-GCM under
  // the person's data key, bound to this table, column and row by associated data.
  await db.schema
    .createTable('person_identity')
    .addColumn('person_id', 'uuid', (c) => c.primaryKey().references('persons.id'))
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('person_photos')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull()) // sealed, base64 inside
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // Blind indexes of normalised name tokens: truncated keyed HMACs, shared by a few rows each.
  await db.schema
    .createTable('person_name_index')
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('token', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_name_index_pk', ['person_id', 'token'])
    .execute();
  await db.schema
    .createIndex('person_name_index_token_idx')
    .on('person_name_index')
    .columns(['token', 'person_id'])
    .execute();

  await sql`ALTER TABLE persons ADD COLUMN erased_at timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE persons DROP COLUMN IF EXISTS erased_at`.execute(db);
  for (const t of ['person_name_index', 'person_photos', 'person_identity', 'person_keys'])
    await db.schema.dropTable(t).ifExists().execute();
}

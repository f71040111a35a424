import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKekId } from '@ctis/db';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import { identityVault } from '../../name-indexer.ts';

let logs = '';
const logStream = new Writable({
  write(chunk, _e, done) {
    logs += String(chunk);
    done();
  },
});
let t: TestApp;
let sw: Session;

// Distinctive values, so a search of the whole database for them cannot hit anything else.
const PEOPLE = [
  { family: 'Sokhomvath', given: 'Darany', phone: '+855 97 111 2233', passport: 'N0918273' },
  { family: 'Chanmonyrath', given: 'Sreypov', phone: '+855 12 998 877', passport: 'N5647382' },
];

beforeAll(async () => {
  t = await createTestApp({ logStream });
  sw = await t.login('social_worker');
});
afterAll(async () => t.close());

async function create(s: Session, identity: unknown, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/persons',
    headers: s.headers,
    payload: { label: 'R', sex: 'female', birthYear: 2003, nationality: 'KHM', identity, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/**
 * The database as text: pg_dump's output when the machine's pg_dump matches the server's major
 * version (e.g. Debian's 15 against the system server in CI), and always every row of every table.
 */
async function dumpAsText(): Promise<string> {
  const server = await sql<{ v: string }>`SHOW server_version_num`.execute(t.t.owner);
  const serverMajor = Math.floor(Number(server.rows[0]!.v) / 10_000);
  let pgDump = '';
  try {
    const version = execFileSync('pg_dump', ['--version'], { encoding: 'utf8' });
    if (Number(/(\d+)\./.exec(version)?.[1]) === serverMajor)
      pgDump = execFileSync('pg_dump', ['--data-only', t.t.url], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } catch {
    pgDump = ''; // no pg_dump on this machine: the row dump below still covers every table
  }
  return `${pgDump}\n${await rowDump()}`;
}

async function rowDump(): Promise<string> {
  const tables = await sql<{
    table_name: string;
  }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`.execute(t.t.owner);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ r: string }>`SELECT t::text AS r FROM ${sql.table(table_name)} t`.execute(t.t.owner);
    parts.push(...rows.rows.map((x) => x.r));
  }
  return parts.join('\n');
}

describe('identities are encrypted at rest', () => {
  it('no name, phone or document number exists in plaintext anywhere in the database or the logs', async () => {
    for (const p of PEOPLE) {
      const id = await create(sw, {
        names: [
          { family: p.family, given: p.given },
          { script: 'khmr', full: 'សុខ ដារ៉ា' },
        ],
        phones: [p.phone],
        documents: [{ type: 'passport', number: p.passport, country: 'KHM' }],
      });
      const read = await t.app.inject({ url: `/api/persons/${id}?identity=true`, headers: sw.headers });
      expect(read.json().person.identity.names[0].family).toBe(p.family); // it round-trips
    }
    const dump = await dumpAsText();
    expect(dump.length).toBeGreaterThan(1000);
    expect(dump).toContain('person.create'); // the dump really holds the data (audit actions)
    for (const p of PEOPLE) {
      for (const value of [p.family, p.given, p.phone, p.phone.replaceAll(' ', ''), p.passport, 'សុខ']) {
        expect(dump, value).not.toContain(value);
        expect(logs, value).not.toContain(value);
      }
    }
  });

  it("a ciphertext moved to another person's row does not open (associated data binds it)", async () => {
    const a = await create(sw, { names: [{ family: 'Keo', given: 'Malis' }] });
    const b = await create(sw, { names: [{ family: 'Ouk', given: 'Sophal' }] });
    const docA = await t.t.owner
      .selectFrom('person_identity')
      .select('document')
      .where('person_id', '=', a)
      .executeTakeFirstOrThrow();
    await t.t.owner
      .updateTable('person_identity')
      .set({ document: docA.document })
      .where('person_id', '=', b)
      .execute();
    const res = await t.app.inject({ url: `/api/persons/${b}?identity=true`, headers: sw.headers });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toMatch(/Keo|Malis/);
  });
});

describe('name search through blind indexes', () => {
  it('finds spelling variants, word order and Khmer script; only for those who may see the person', async () => {
    const id = await create(sw, { names: [{ family: 'Sok', given: 'Dara' }] });
    for (const q of ['Sok Dara', 'Dara Sok', 'Sok Darah', 'SOK  dara', 'សុខ ដារ៉ា']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/persons/search',
        headers: sw.headers,
        payload: { name: q },
      });
      expect(res.statusCode).toBe(200);
      expect(
        res.json().persons.map((p: { id: string }) => p.id),
        q,
      ).toContain(id);
    }
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/persons/search',
      headers: sw.headers,
      payload: { name: 'Sok Dina' },
    });
    expect(other.json().persons.map((p: { id: string }) => p.id)).not.toContain(id);
    // Another organisation's NGO worker: the person is not theirs to find.
    const ngo = await t.login('ngo_case_worker');
    const theirs = await t.app.inject({
      method: 'POST',
      url: '/api/persons/search',
      headers: ngo.headers,
      payload: { name: 'Sok Dara' },
    });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().persons).toEqual([]);
    // A national analyst never sees identities.
    const analyst = await t.login('national_analyst');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/persons/search',
          headers: analyst.headers,
          payload: { name: 'Sok Dara' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('crypto-shredding', () => {
  it('erasing destroys the data key: identity is gone, statistics stay, and it is audited', async () => {
    const id = await create(sw, { names: [{ family: 'Pich', given: 'Sokunthea' }], phones: ['+855 16 555 444'] });
    const admin = await t.login('national_admin');
    const short = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${id}/erase`,
      headers: admin.headers,
      payload: { reason: 'asked' },
    });
    expect(short.statusCode).toBe(400);
    const erase = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${id}/erase`,
      headers: admin.headers,
      payload: { reason: 'Erasure requested by the person through NGO' },
    });
    expect(erase.statusCode).toBe(204);
    const key = await t.t.owner
      .selectFrom('person_keys')
      .selectAll()
      .where('person_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(key.wrapped_key).toBeNull();
    expect(key.shredded_at).not.toBeNull();
    const read = await t.app.inject({ url: `/api/persons/${id}?identity=true`, headers: sw.headers });
    expect(read.statusCode).toBe(200);
    expect(read.json().person).toMatchObject({ erased: true, identity: null, sex: 'female', birthYear: 2003 });
    const search = await t.app.inject({
      method: 'POST',
      url: '/api/persons/search',
      headers: sw.headers,
      payload: { name: 'Pich Sokunthea' },
    });
    expect(search.json().persons).toEqual([]);
    const audit = await t.t.owner
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.erase')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ resource_id: id, outcome: 'allowed' });
    // A social worker may not erase.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/persons/${id}/erase`,
          headers: sw.headers,
          payload: { reason: 'x'.repeat(25) },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('key rotation', () => {
  it('re-wraps every data key under a new KEK; identities still open, and without the old KEK too', async () => {
    const id = await create(sw, { names: [{ family: 'Ros', given: 'Chenda' }] });
    const oldId = t.keys.ring.activeId;
    const newId = newKekId();
    const keks = t.keys.ring.exportKeks();
    t.keys.ring.replace(new Map([...keks, [newId, randomBytes(32)]]), newId);
    const vault = identityVault(t.keys, t.config);
    let moved = 0;
    for (;;) {
      const n = await t.t.db.transaction().execute((trx) => vault.rewrapBatch(trx, 2));
      moved += n;
      if (n === 0) break;
    }
    expect(moved).toBeGreaterThan(0);
    const stale = await t.t.owner.selectFrom('person_keys').select('person_id').where('kek_id', '=', oldId).execute();
    expect(stale).toEqual([]);
    t.keys.ring.replace(new Map([[newId, t.keys.ring.exportKeks().get(newId)!]]), newId); // old KEK retired
    const read = await t.app.inject({ url: `/api/persons/${id}?identity=true`, headers: sw.headers });
    expect(read.json().person.identity.names[0].family).toBe('Ros');
  });
});

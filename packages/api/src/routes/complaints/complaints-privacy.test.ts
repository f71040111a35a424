import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import {
  auditHead,
  auditSince,
  complaintBody,
  complaintIds,
  get,
  lookUp,
  submitComplaint,
} from './complaint-test-kit.ts';

// The promise: the public intake stores no address or identity. One complaint is filed and
// followed from a distinctive address with a distinctive browser; then every stored row and every
// log line is searched for the address, the user agent, the receipt and the texts in clear.

const IP = '203.0.113.197';
const USER_AGENT = 'WhistleBrowser/7.7 (distinctive-agent-marker)';
const DESCRIPTION = 'Captain Vannak at the Poipet post takes 200 dollars per truck of recruits.';
const CONTACT = 'Call Srey Mom on 011 222 333 after 6 pm';

let logs = '';
const logStream = new Writable({
  write(chunk, _enc, done) {
    logs += String(chunk);
    done();
  },
});
let t: TestApp;
let oversight: Session;

beforeAll(async () => {
  t = await createTestApp({ logStream });
  oversight = await t.login('oversight_auditor');
});
afterAll(async () => t.close());

/** Every row of every table of the database, as JSON text (audit log, history, sessions, attempts…). */
async function everyStoredRow(): Promise<Record<string, string[]>> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(t.t.owner);
  const out: Record<string, string[]> = {};
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ j: string }>`SELECT row_to_json(x)::text AS j FROM ${sql.table(table_name)} x`.execute(
      t.t.owner,
    );
    out[table_name] = rows.rows.map((r) => r.j);
  }
  return out;
}

describe('public complaint intake: no address, no identity', () => {
  it('stores and logs neither the address nor the user agent nor the texts in clear', async () => {
    const head = await auditHead(t);
    const before = await complaintIds(t);
    const headers = { 'user-agent': USER_AGENT, 'x-forwarded-for': IP };

    // A rejected attempt first (the texts are in its body too), then the complaint, then look-ups.
    const bad = await submitComplaint(
      t,
      complaintBody({ category: 'nonsense', description: DESCRIPTION, contact: CONTACT }),
      { remoteAddress: IP, headers },
    );
    expect(bad.statusCode).toBe(400);
    const res = await submitComplaint(t, complaintBody({ description: DESCRIPTION, contact: CONTACT }), {
      remoteAddress: IP,
      headers,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { receipt } = res.json<{ receipt: string }>();
    const lookup = await t.app.inject({ url: `/api/public/complaints/${receipt}`, remoteAddress: IP, headers });
    expect(lookup.statusCode).toBe(200);
    expect((await lookUp(t, 'WRONG-CODE', { remoteAddress: IP })).statusCode).toBe(404);
    const requestIds = [bad, res, lookup].map((r) => String(r.headers['x-request-id']));

    // The complaint row, every column, and its history.
    const [id] = [...(await complaintIds(t))].filter((x) => !before.has(x));
    const row = await t.t.owner
      .selectFrom('corruption_complaints')
      .selectAll()
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    const history = await t.t.owner
      .selectFrom('corruption_complaint_events')
      .selectAll()
      .where('complaint_id', '=', id!)
      .execute();
    const audit = await auditSince(t, head);
    expect(audit.map((a) => a.action)).toEqual([
      'complaint.submit',
      'complaint.receipt_lookup',
      'complaint.receipt_lookup',
    ]);
    for (const a of audit) {
      expect(a).toMatchObject({ actor_id: 'system:public-intake', ip: null, request_id: null, resource_id: null });
    }
    const stored = JSON.stringify({ row, history, audit });
    for (const secret of [IP, USER_AGENT, 'WhistleBrowser', DESCRIPTION, 'Vannak', CONTACT, 'Srey Mom', receipt])
      expect(stored, secret).not.toContain(secret);
    for (const rid of requestIds) expect(stored).not.toContain(rid);

    // Nowhere else either: every row of every table (login_attempts and sessions included).
    const all = await everyStoredRow();
    expect(Object.keys(all)).toEqual(
      expect.arrayContaining(['corruption_complaints', 'corruption_complaint_events', 'audit_log', 'login_attempts']),
    );
    for (const [table, rows] of Object.entries(all)) {
      for (const text of rows)
        for (const secret of [IP, 'WhistleBrowser', 'Vannak', 'Srey Mom', receipt.replaceAll('-', '')])
          expect(text, `${table} holds ${secret}`).not.toContain(secret);
    }

    // The log lines of these requests exist, with the route only: no address, port, agent, receipt.
    const lines = logs
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const mine = lines.filter((l) => requestIds.includes(String(l.reqId)));
    expect(mine.length).toBeGreaterThanOrEqual(6); // incoming + completed for each
    expect(mine.filter((l) => l.msg === 'incoming request').map((l) => l.req)).toEqual([
      { method: 'POST', url: '/api/public/complaints' },
      { method: 'POST', url: '/api/public/complaints' },
      { method: 'GET', url: '/api/public/complaints/:receipt' },
    ]);
    for (const secret of [IP, USER_AGENT, 'WhistleBrowser', DESCRIPTION, 'Vannak', CONTACT, 'Srey Mom', receipt]) {
      expect(logs, secret).not.toContain(secret);
    }
    for (const l of mine) {
      const text = JSON.stringify(l);
      // ("hostname" is the server's own, from pino; "host" would be the request's Host header.)
      for (const key of ['remoteAddress', 'remotePort', 'user-agent', 'userAgent', 'host', 'headers'])
        expect(text, `${key} in ${text}`).not.toContain(`"${key}"`);
    }
  });

  it('a rate-limited attempt is not logged with the address either', async () => {
    const addr = '203.0.113.198';
    let last = await submitComplaint(t, complaintBody(), { remoteAddress: addr });
    for (let i = 0; i < 10 && last.statusCode !== 429; i++)
      last = await submitComplaint(t, complaintBody(), { remoteAddress: addr });
    expect(last.statusCode).toBe(429);
    expect(logs).not.toContain(addr);
    const all = JSON.stringify(await everyStoredRow());
    expect(all).not.toContain(addr);
  });

  it('oversight reads the texts (so they were kept), and that reading is audited as usual', async () => {
    const list = await get(t, oversight, '/api/complaints');
    const [first] = list.json().complaints as { id: string }[];
    const res = await get(t, oversight, `/api/complaints/${first!.id}`);
    expect(res.statusCode).toBe(200);
    expect(typeof res.json().complaint.description).toBe('string');
  });
});

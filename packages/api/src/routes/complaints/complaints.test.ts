import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyRing } from '@ctis/db';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import { INTAKE_LIMIT, LOOKUP_LIMIT } from './public.ts';
import {
  RANDOM_ID,
  RECEIPT_FORMAT,
  auditHead,
  auditSince,
  complaintBody,
  complaintIds,
  fileAndFind,
  get,
  lookUp,
  post,
  submitComplaint,
} from './complaint-test-kit.ts';

let t: TestApp;
let oversight: Session;
let analyst: Session;
let investigator: Session;
let oversightOrg: string;

// A fixed day in Phnom Penh: 23:30 UTC on 27 November is already the 28th there (UTC+7).
const NOW = new Date('2026-11-27T23:30:00Z');
const TODAY = '2026-11-28';

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  oversight = await t.login('oversight_auditor');
  analyst = await t.login('national_analyst');
  investigator = await t.login('investigator');
  oversightOrg = t.account('oversight_auditor').organisationId;
});
afterAll(async () => t.close());

describe('POST /api/public/complaints (no account)', () => {
  it('files a complaint without a session and answers a receipt code, shown once', async () => {
    const head = await auditHead(t);
    const { receipt, id } = await fileAndFind(t, { contact: 'Phone 012 345 678, evenings' });
    expect(receipt).toMatch(RECEIPT_FORMAT);
    const row = await t.t.owner
      .selectFrom('corruption_complaints')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      received_on: TODAY,
      category: 'bribery',
      province: 'KH-12',
      agency: 'Border police, checkpoint 3',
      status: 'received',
      outcome: null,
      criminal_case_id: null,
      version: 1,
      updated_at: null,
    });
    // Only the receipt's hash is kept; the id is random (v4), not a time-ordered UUIDv7.
    expect(JSON.stringify(row)).not.toContain(receipt);
    expect(row.receipt_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.id[14]).toBe('4');
    const history = await t.t.owner
      .selectFrom('corruption_complaint_events')
      .selectAll()
      .where('complaint_id', '=', id)
      .execute();
    expect(history).toEqual([
      {
        complaint_id: id,
        seq: 1,
        status: 'received',
        outcome: null,
        criminal_case_id: null,
        recorded_by: 'system:public-intake',
        recorded_on: TODAY,
      },
    ]);
    const audit = await auditSince(t, head);
    expect(audit.map((a) => [a.action, a.actor_id, a.resource_id, a.ip, a.request_id, a.details])).toEqual([
      ['complaint.submit', 'system:public-intake', null, null, null, {}],
    ]);
  });

  it('a bad field is a 400 naming it, and nothing is stored', async () => {
    const before = await complaintIds(t);
    const head = await auditHead(t);
    const cases: [Record<string, unknown>, string][] = [
      [{ category: 'theft' }, 'category'],
      [{ category: undefined }, 'category'],
      [{ description: 'too short' }, 'description'],
      [{ description: undefined }, 'description'],
      [{ province: 'KH-99' }, 'province'],
      [{ agency: 'x'.repeat(201) }, 'agency'],
      [{ contact: 'x'.repeat(501) }, 'contact'],
    ];
    for (const [patch, path] of cases) {
      const res = await submitComplaint(t, complaintBody(patch));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([path]);
    }
    expect(await complaintIds(t)).toEqual(before);
    expect(await t.t.owner.selectFrom('corruption_complaint_events').select('seq').execute()).toHaveLength(before.size);
    expect(await auditSince(t, head)).toEqual([]);
  });

  it(`rate limits filing per address (${INTAKE_LIMIT.max} per window) with a problem+json 429`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= INTAKE_LIMIT.max; i++)
      statuses.push((await submitComplaint(t, complaintBody(), { remoteAddress: '198.51.100.9' })).statusCode);
    expect(statuses).toEqual([...Array<number>(INTAKE_LIMIT.max).fill(201), 429]);
    const limited = await submitComplaint(t, complaintBody(), { remoteAddress: '198.51.100.9' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json().code).toBe('rate_limited');
    // Another address is not affected.
    expect((await submitComplaint(t, complaintBody(), { remoteAddress: '198.51.100.10' })).statusCode).toBe(201);
  });
});

describe('GET /api/public/complaints/:receipt', () => {
  it('tells the holder of the receipt the status, however the code is typed', async () => {
    const { receipt } = await fileAndFind(t);
    for (const typed of [receipt, receipt.toLowerCase(), receipt.replaceAll('-', ' '), receipt.replaceAll('-', '')]) {
      const res = await lookUp(t, typed, { remoteAddress: '192.0.2.60' });
      expect(res.statusCode, typed).toBe(200);
      expect(res.json()).toEqual({ status: 'received', updatedOn: TODAY, outcome: null });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('404 for an unknown receipt, with the same answer and the same work for a malformed one', async () => {
    const head = await auditHead(t);
    const wrong = await lookUp(t, 'ABCD-EFGH-JKMN-PQRS-TWXY', { remoteAddress: '192.0.2.61' });
    const malformed = await lookUp(t, 'not a receipt', { remoteAddress: '192.0.2.61' });
    for (const res of [wrong, malformed]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
    expect(strip(malformed.json())).toEqual(strip(wrong.json()));
    expect(Object.keys(wrong.json()).sort()).toEqual(['code', 'detail', 'instance', 'status', 'title', 'type']);
    // Both looked the code up (one audited lookup each, naming no complaint).
    const audit = await auditSince(t, head);
    expect(audit.map((a) => [a.action, a.resource_id, a.details])).toEqual([
      ['complaint.receipt_lookup', null, { found: false }],
      ['complaint.receipt_lookup', null, { found: false }],
    ]);
  });

  it(`rate limits look-ups per address (${LOOKUP_LIMIT.max} per window)`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LOOKUP_LIMIT.max; i++)
      statuses.push((await lookUp(t, 'ABCD-EFGH-JKMN-PQRS-TWXY', { remoteAddress: '198.51.100.20' })).statusCode);
    expect(statuses).toEqual([...Array<number>(LOOKUP_LIMIT.max).fill(404), 429]);
    expect((await lookUp(t, 'ABCD-EFGH-JKMN-PQRS-TWXY', { remoteAddress: '198.51.100.21' })).statusCode).toBe(404);
  });
});

describe('oversight routes', () => {
  const routes = [
    ['GET', '/api/complaints'],
    ['GET', `/api/complaints/${RANDOM_ID}`],
    ['POST', `/api/complaints/${RANDOM_ID}/status`],
  ] as const;
  const call = (s: Session | null, [method, url]: (typeof routes)[number]) =>
    method === 'GET' ? get(t, s, url) : post(t, s, url, { status: 'under_review' });

  it('401 without a session', async () => {
    for (const route of routes) expect((await call(null, route)).statusCode, route.join(' ')).toBe(401);
  });

  it('403 for roles without complaint.read / complaint.manage (national analyst, investigator)', async () => {
    const { id } = await fileAndFind(t);
    for (const s of [analyst, investigator]) {
      for (const route of routes) expect((await call(s, route)).statusCode, route.join(' ')).toBe(403);
      expect((await get(t, s, `/api/complaints/${id}`)).statusCode).toBe(403);
    }
  });

  it('404 for an unknown complaint', async () => {
    expect((await get(t, oversight, `/api/complaints/${RANDOM_ID}`)).statusCode).toBe(404);
    expect(
      (await post(t, oversight, `/api/complaints/${RANDOM_ID}/status`, { status: 'under_review' })).statusCode,
    ).toBe(404);
  });

  it('oversight lists complaints (no description or contact), audited', async () => {
    const { id } = await fileAndFind(t, { contact: 'reporter@example.org' });
    const head = await auditHead(t);
    const res = await get(t, oversight, '/api/complaints');
    expect(res.statusCode, res.body).toBe(200);
    const listed = (res.json().complaints as Record<string, unknown>[]).find((c) => c.id === id);
    expect(listed).toEqual({
      id,
      receivedOn: TODAY,
      category: 'bribery',
      province: 'KH-12',
      agency: 'Border police, checkpoint 3',
      status: 'received',
      outcome: null,
      criminalCaseId: null,
      hasContact: true,
      version: 1,
      updatedAt: null,
    });
    const [audit] = await auditSince(t, head);
    expect(audit).toMatchObject({ action: 'complaint.list', outcome: 'allowed', actor_organisation_id: oversightOrg });
    expect(audit!.rule).toMatch(/^oversight_auditor#/);
    const received = await get(t, oversight, '/api/complaints?status=under_review');
    expect((received.json().complaints as { id: string }[]).map((c) => c.id)).not.toContain(id);
  });

  it('oversight opens a complaint (description and contact decrypted), audited without the texts', async () => {
    const contact = 'Mr Sok, phone 097 000 111';
    const { id } = await fileAndFind(t, { contact });
    const head = await auditHead(t);
    const res = await get(t, oversight, `/api/complaints/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().complaint).toMatchObject({
      id,
      description: complaintBody().description,
      contact,
      history: [{ seq: 1, status: 'received', recordedBy: 'public', recordedOn: TODAY }],
    });
    const audit = await auditSince(t, head);
    expect(audit.map((a) => [a.action, a.resource_id, a.details])).toEqual([['complaint.read', id, { contact: true }]]);
    expect(JSON.stringify(audit)).not.toContain('Sok');
  });

  it('oversight updates the status and outcome (audited, history kept); the reporter sees them', async () => {
    const { id, receipt } = await fileAndFind(t);
    const head = await auditHead(t);
    const outcome = 'Referred to the Anti-Corruption Unit for investigation.';
    const res = await post(t, oversight, `/api/complaints/${id}/status`, {
      status: 'referred',
      outcome,
      expectedVersion: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().complaint).toMatchObject({ status: 'referred', outcome, version: 2 });
    expect(res.json().complaint.history.map((h: { status: string; recordedBy: string }) => h)).toEqual([
      expect.objectContaining({ seq: 1, status: 'received', recordedBy: 'public' }),
      expect.objectContaining({ seq: 2, status: 'referred', outcome, recordedBy: 'oversight', recordedOn: TODAY }),
    ]);
    const audit = await auditSince(t, head);
    expect(audit.map((a) => [a.action, a.resource_id, a.outcome, a.details])).toEqual([
      ['complaint.status', id, 'allowed', { from: 'received', to: 'referred', version: 2, criminalCaseId: null }],
    ]);
    expect(audit[0]!.rule).toMatch(/^oversight_auditor#/);
    expect(JSON.stringify(audit)).not.toContain('Anti-Corruption');
    const seen = await lookUp(t, receipt, { remoteAddress: '192.0.2.70' });
    expect(seen.json()).toEqual({ status: 'referred', updatedOn: TODAY, outcome });

    // A stale version is a conflict; closing needs an outcome (kept from before here).
    const stale = await post(t, oversight, `/api/complaints/${id}/status`, { status: 'closed', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    const closed = await post(t, oversight, `/api/complaints/${id}/status`, { status: 'closed' });
    expect(closed.json().complaint).toMatchObject({ status: 'closed', outcome, version: 3 });
  });

  it('closing without an outcome is a 400 on outcome; a bad status is a 400 on status', async () => {
    const { id } = await fileAndFind(t);
    const noOutcome = await post(t, oversight, `/api/complaints/${id}/status`, { status: 'closed', outcome: '' });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().errors[0].path).toBe('outcome');
    const received = await post(t, oversight, `/api/complaints/${id}/status`, { status: 'received' });
    expect(received.statusCode).toBe(400);
    expect(received.json().errors[0].path).toBe('status');
    const row = await t.t.owner
      .selectFrom('corruption_complaints')
      .select(['status', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'received', version: 1 });
  });

  it('links a complicit-official criminal case oversight can read; an unknown or unreadable one is a 400', async () => {
    const { id } = await fileAndFind(t, { category: 'protection_of_traffickers' });
    const shared = await insertCriminalCase(t, 'ahtjp-phnom-penh', [oversightOrg]);
    const hidden = await insertCriminalCase(t, 'ahtjp-phnom-penh', []);
    for (const caseId of [uuidv7(), hidden]) {
      const res = await post(t, oversight, `/api/complaints/${id}/status`, {
        status: 'under_review',
        criminalCaseId: caseId,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].path).toBe('criminalCaseId');
    }
    const unchanged = await t.t.owner
      .selectFrom('corruption_complaints')
      .select(['criminal_case_id', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ criminal_case_id: null, version: 1 });
    const linked = await post(t, oversight, `/api/complaints/${id}/status`, {
      status: 'under_review',
      criminalCaseId: shared,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().complaint).toMatchObject({ status: 'under_review', criminalCaseId: shared });
    // Unlinking.
    const unlinked = await post(t, oversight, `/api/complaints/${id}/status`, {
      status: 'under_review',
      criminalCaseId: null,
    });
    expect(unlinked.json().complaint.criminalCaseId).toBeNull();
  });
});

describe('at rest', () => {
  it('description and contact details are encrypted, bound to their complaint', async () => {
    const contact = 'Telegram @whistle_kh';
    const { id } = await fileAndFind(t, { contact });
    const { id: other } = await fileAndFind(t);
    const row = await t.t.owner
      .selectFrom('corruption_complaints')
      .select(['description', 'contact'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const ring: KeyRing = t.keys.ring;
    expect(row.contact).not.toContain('whistle');
    expect(row.description).not.toContain('officer');
    expect(row.contact!.startsWith(`${ring.activeId}~v1.`)).toBe(true);
    expect(ring.open(row.contact!, `corruption_complaints.contact:${id}`)).toBe(contact);
    expect(ring.open(row.description, `corruption_complaints.description:${id}`)).toBe(complaintBody().description);
    // Moved to another complaint, or to the other column, the ciphertext does not open.
    expect(() => ring.open(row.contact!, `corruption_complaints.contact:${other}`)).toThrow();
    expect(() => ring.open(row.contact!, `corruption_complaints.description:${id}`)).toThrow();
    // No contact given: none stored.
    const none = await t.t.owner
      .selectFrom('corruption_complaints')
      .select('contact')
      .where('id', '=', other)
      .executeTakeFirstOrThrow();
    expect(none.contact).toBeNull();
  });

  it('the history is append-only for the application', async () => {
    const { id } = await fileAndFind(t);
    await expect(
      t.t.db.deleteFrom('corruption_complaint_events').where('complaint_id', '=', id).execute(),
    ).rejects.toThrow();
    await expect(
      t.t.owner
        .updateTable('corruption_complaint_events')
        .set({ outcome: 'x' })
        .where('complaint_id', '=', id)
        .execute(),
    ).rejects.toThrow(/append-only/);
  });
});

/** A bare criminal case row led by `organisationId`, shared with `sharedWith` (compartments). */
async function insertCriminalCase(t: TestApp, organisationId: string, sharedWith: string[]): Promise<string> {
  const id = uuidv7();
  const owner = await t.t.owner
    .selectFrom('users')
    .select('id')
    .where('username', '=', t.account('investigator').username)
    .executeTakeFirstOrThrow();
  await t.t.owner
    .insertInto('criminal_cases')
    .values({
      id,
      case_number: `TEST-${id}`,
      owner_user_id: owner.id,
      organisation_id: organisationId,
      province: null,
      label: 'N',
      status: 'open',
      opened_on: '2026-01-05',
      trafficking_offence: true,
      version: 1,
      state: JSON.stringify({}),
      updated_at: new Date(),
    })
    .execute();
  if (sharedWith.length)
    await t.t.owner
      .insertInto('record_access')
      .values(sharedWith.map((subject) => ({ record_id: id, kind: 'shared' as const, subject })))
      .execute();
  return id;
}

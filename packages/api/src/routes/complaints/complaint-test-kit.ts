import { expect } from 'vitest';
import type { Session, TestApp } from '../../testing/test-app.ts';

/** Helpers for the complaint API tests: the public intake and look-up, oversight calls. */

export const RANDOM_ID = '01900000-0000-7000-8000-000000000000';
export const RECEIPT_FORMAT = /^[2-9A-HJKMNP-TW-Z]{4}(-[2-9A-HJKMNP-TW-Z]{4}){4}$/;

/** A fresh address for each filing, so the per-address rate limit only bites where a test wants it. */
let filings = 0;
export const nextAddress = () => {
  filings += 1;
  return `10.77.${Math.floor(filings / 250)}.${(filings % 250) + 1}`;
};

export const complaintBody = (extra: Record<string, unknown> = {}) => ({
  category: 'bribery',
  province: 'KH-12',
  agency: 'Border police, checkpoint 3',
  description: 'An officer asked for 50 dollars to let a van of workers through without papers.',
  ...extra,
});

export function submitComplaint(
  t: TestApp,
  payload: Record<string, unknown>,
  opts: { remoteAddress?: string; headers?: Record<string, string> } = {},
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/public/complaints',
    remoteAddress: opts.remoteAddress ?? nextAddress(),
    headers: opts.headers ?? {},
    payload,
  });
}

/** Files a complaint from `remoteAddress`; returns its receipt code. */
export async function fileComplaint(
  t: TestApp,
  extra: Record<string, unknown> = {},
  remoteAddress = nextAddress(),
): Promise<string> {
  const res = await submitComplaint(t, complaintBody(extra), { remoteAddress });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ receipt: string }>().receipt;
}

export function lookUp(t: TestApp, receipt: string, opts: { remoteAddress?: string } = {}) {
  return t.app.inject({
    url: `/api/public/complaints/${encodeURIComponent(receipt)}`,
    remoteAddress: opts.remoteAddress ?? '192.0.2.1',
  });
}

export function get(t: TestApp, s: Session | null, url: string) {
  return t.app.inject({ url, headers: s?.headers ?? {} });
}

export function post(t: TestApp, s: Session | null, url: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url, headers: s?.headers ?? {}, payload });
}

/** The complaint rows are unordered in time (random ids, day-only dates): tests track ids by set difference. */
export async function complaintIds(t: TestApp): Promise<Set<string>> {
  return new Set((await t.t.owner.selectFrom('corruption_complaints').select('id').execute()).map((r) => r.id));
}

/** Files a complaint and returns its receipt and id. */
export async function fileAndFind(
  t: TestApp,
  extra: Record<string, unknown> = {},
  remoteAddress = nextAddress(),
): Promise<{ receipt: string; id: string }> {
  const before = await complaintIds(t);
  const receipt = await fileComplaint(t, extra, remoteAddress);
  const after = await complaintIds(t);
  const added = [...after].filter((id) => !before.has(id));
  expect(added).toHaveLength(1);
  return { receipt, id: added[0]! };
}

/** Audit rows appended after `seq`. */
export function auditSince(t: TestApp, seq: number) {
  return t.t.owner
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', String(seq) as never)
    .orderBy('seq')
    .execute();
}

export async function auditHead(t: TestApp): Promise<number> {
  const row = await t.t.owner.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? Number(row.seq) : 0;
}

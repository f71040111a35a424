import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newSigningKey, publicKeyFor } from '@ctis/core';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { appendAuditAlone } from './append.ts';
import { verifyAudit } from './verify.ts';
import { writeCheckpoint } from './checkpoint.ts';

const key = newSigningKey();
const pub = publicKeyFor(key);
let t: TestDatabase;

async function fresh(rows: number): Promise<void> {
  t ??= await createTestDatabase();

  await tamper('TRUNCATE audit_log, audit_checkpoints');
  for (let i = 0; i < rows; i++) {
    await appendAuditAlone(t.db, {
      actorId: 'u1',
      actorOrganisationId: 'org',
      action: `test.write`,
      resourceType: 'thing',
      resourceId: String(i),
      outcome: 'allowed',
      rule: 'r#0',
      reason: null,
      ip: '127.0.0.1',
      requestId: `req-${i}`,
      details: { n: i },
    });
  }
}

/** Tamper as the database owner, with triggers bypassed: what an attacker with SQL access could do. */
async function tamper(statement: string): Promise<void> {
  await t.owner.connection().execute(async (c) => {
    await sql`SET session_replication_role = replica`.execute(c);
    await sql.raw(statement).execute(c);
    await sql`SET session_replication_role = origin`.execute(c);
  });
}

describe('audit chain', () => {
  beforeEach(async () => fresh(6));
  afterAll(async () => t?.drop());

  it('verifies an intact chain with its checkpoint', async () => {
    expect(await writeCheckpoint(t.db, key, 'k1')).toBe(6);
    const report = await verifyAudit(t.db, pub);
    expect(report.chain).toMatchObject({ ok: true, rows: 6, headSeq: 6 });
    expect(report.checkpoints).toEqual({ checked: 1, firstBad: null, problem: null });
  });

  it('names the first bad row when a row is edited', async () => {
    await tamper(`UPDATE audit_log SET resource_id = 'x' WHERE seq = 3`);
    expect((await verifyAudit(t.db, pub)).chain).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('detects an edit that also recomputes nothing but details', async () => {
    await tamper(`UPDATE audit_log SET details = '{"n": 99}' WHERE seq = 5`);
    expect((await verifyAudit(t.db, pub)).chain).toMatchObject({ ok: false, firstBadSeq: 5 });
  });

  it('names the first bad row when a row is deleted', async () => {
    await tamper(`DELETE FROM audit_log WHERE seq = 4`);
    expect((await verifyAudit(t.db, pub)).chain).toMatchObject({ ok: false, firstBadSeq: 4 });
  });

  it('detects re-ordered rows (sequence numbers swapped)', async () => {
    await tamper(
      `UPDATE audit_log SET seq = -2 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = -2`,
    );
    expect((await verifyAudit(t.db, pub)).chain).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('detects rows deleted from the end through the signed checkpoint', async () => {
    await writeCheckpoint(t.db, key, 'k1');
    await tamper(`DELETE FROM audit_log WHERE seq >= 5`);
    const report = await verifyAudit(t.db, pub);
    expect(report.chain.ok).toBe(true);
    expect(report.checkpoints.firstBad).toBe(6);
  });

  it('detects a checkpoint signed with another key', async () => {
    await writeCheckpoint(t.db, newSigningKey(), 'rogue');
    expect((await verifyAudit(t.db, pub)).checkpoints.problem).toMatch(/bad signature/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application role', async () => {
    await expect(sql`UPDATE audit_log SET reason = 'x'`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`DELETE FROM audit_log`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`TRUNCATE audit_log`.execute(t.db)).rejects.toThrow(/permission denied/);
  });

  it('refuses changes even from the owner while triggers are on', async () => {
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.owner)).rejects.toThrow(/append-only/);
  });
});

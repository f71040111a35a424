import { describe, expect, it } from 'vitest';
import { auditRowHash, ChainVerifier, GENESIS_HASH, type AuditFields, type AuditRow } from './chain.ts';
import { canonicalJson } from './canonical.ts';
import { newSigningKey, publicKeyFor, signCheckpoint, verifyCheckpoint } from './checkpoint.ts';

function chain(n: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: AuditFields = {
      seq,
      at: `2026-01-01T00:00:0${seq}.000Z`,
      actorId: 'u',
      actorOrganisationId: 'o',
      action: 'x.write',
      resourceType: 't',
      resourceId: String(seq),
      outcome: 'allowed',
      rule: 'r#0',
      reason: null,
      ip: null,
      requestId: null,
      details: { b: 1, a: [seq] },
    };
    const hash = auditRowHash(prev, fields);
    rows.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

const verify = (rows: AuditRow[]) => {
  const v = new ChainVerifier();
  rows.forEach((r) => v.push(r));
  return v.result();
};

describe('audit hash chain', () => {
  it('canonical JSON sorts keys so a re-serialised row hashes the same', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe(
      '{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}',
    );
  });
  it('verifies an intact chain', () => {
    expect(verify(chain(5))).toMatchObject({ ok: true, rows: 5, headSeq: 5 });
  });
  it('names an edited row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, details: { b: 2, a: [3] } };
    expect(verify(rows)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });
  it('names the place of a deleted row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verify(rows)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });
  it('detects swapped rows', () => {
    const rows = chain(5);
    [rows[1], rows[2]] = [rows[2]!, rows[1]!];
    expect(verify(rows)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });
  it('detects a re-numbered row whose link no longer matches', () => {
    const rows = chain(5).map((r) => (r.seq === 4 ? { ...r, prevHash: GENESIS_HASH } : r));
    expect(verify(rows)).toMatchObject({ ok: false, firstBadSeq: 4 });
  });
});

describe('signed checkpoints (Ed25519)', () => {
  it('verifies with the right key and fails with another or when altered', () => {
    const key = newSigningKey();
    const cp = signCheckpoint(key, 'k', 5, 'ab'.repeat(32), '2026-01-01T00:00:00.000Z');
    expect(verifyCheckpoint(publicKeyFor(key), cp)).toBe(true);
    expect(verifyCheckpoint(publicKeyFor(newSigningKey()), cp)).toBe(false);
    expect(verifyCheckpoint(publicKeyFor(key), { ...cp, seq: 6 })).toBe(false);
  });
});

import { ChainVerifier, verifyCheckpoint, type AuditRow, type ChainVerdict } from '@ctis/core';
import type { Kysely } from 'kysely';
import type { Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../schema.ts';

export interface VerifyReport {
  readonly chain: ChainVerdict;
  readonly checkpoints: { readonly checked: number; readonly firstBad: number | null; readonly problem: string | null };
}

const PAGE = 5_000;

/** Re-hash the whole chain in pages, then check every signed checkpoint against it. */
export async function verifyAudit(db: Kysely<Database>, publicKeyHex: string): Promise<VerifyReport> {
  const verifier = new ChainVerifier();
  const checkpoints = await db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
  const wanted = new Map(checkpoints.map((c) => [Number(c.seq), c]));
  const seen = new Map<number, string>();
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', String(after) as never)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      const ok = verifier.push(toAuditRow(r));
      if (ok && wanted.has(Number(r.seq))) seen.set(Number(r.seq), r.hash);
      if (!ok) break;
    }
    if (rows.length < PAGE || !verifier.result().ok) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  const chain = verifier.result();
  let firstBad: number | null = null;
  let problem: string | null = null;
  for (const cp of checkpoints) {
    const seq = Number(cp.seq);
    const sig = verifyCheckpoint(publicKeyHex, {
      seq,
      hash: cp.hash,
      at: cp.at,
      keyId: cp.key_id,
      signature: cp.signature,
    });
    if (!sig) problem = `checkpoint at ${seq} has a bad signature`;
    else if (chain.ok && seq > chain.headSeq)
      problem = `checkpoint at ${seq} is beyond the chain's last row ${chain.headSeq} (rows deleted from the end)`;
    else if (chain.ok && seen.get(seq) !== cp.hash) problem = `row ${seq} does not match its signed checkpoint`;
    if (problem) {
      firstBad = seq;
      break;
    }
  }
  return { chain, checkpoints: { checked: checkpoints.length, firstBad, problem } };
}

function toAuditRow(r: Selectable<AuditLogTable>): AuditRow {
  return {
    seq: Number(r.seq),
    at: (r.at as Date).toISOString(),
    actorId: r.actor_id,
    actorOrganisationId: r.actor_organisation_id,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    outcome: r.outcome,
    rule: r.rule,
    reason: r.reason,
    ip: r.ip,
    requestId: r.request_id,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

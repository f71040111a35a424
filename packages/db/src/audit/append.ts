import { sql, type Kysely, type Transaction } from 'kysely';
import { auditRowHash, GENESIS_HASH, type AuditFields } from '@ctis/core';
import type { Database } from '../schema.ts';

export type AuditEntry = Omit<AuditFields, 'seq' | 'at'> & { at?: Date };

// One chain, one writer at a time: appends are serialised by a transaction-scoped advisory lock,
// so sequence numbers have no gaps and each row links to the one committed before it.
const AUDIT_LOCK = 7_001_001;

/** Append one row to the audit chain inside the caller's transaction. */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = last ? Number(last.seq) + 1 : 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = entry.at ?? new Date();
  const { at: _at, ...rest } = entry;
  const fields: AuditFields = { ...rest, seq, at: at.toISOString() };
  const hash = auditRowHash(prevHash, fields);
  await trx
    .insertInto('audit_log')
    .values({
      seq,
      at,
      actor_id: entry.actorId,
      actor_organisation_id: entry.actorOrganisationId,
      action: entry.action,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId,
      outcome: entry.outcome,
      rule: entry.rule,
      reason: entry.reason,
      ip: entry.ip,
      request_id: entry.requestId,
      details: JSON.stringify(fields.details),
      prev_hash: prevHash,
      hash,
    })
    .execute();
  return seq;
}

/** Append in a transaction of its own: for events whose request rolled back (denials, failed logins). */
export function appendAuditAlone(db: Kysely<Database>, entry: AuditEntry): Promise<number> {
  return db.transaction().execute((trx) => appendAudit(trx, entry));
}

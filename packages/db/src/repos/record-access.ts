import { can, type RecordFacts, type Label } from '@ctis/core';
import type { ScopedTx } from '../scoped-db.ts';

/** Loads the team, named and shared lists of records, and keeps compartments in step. */
export async function accessLists(
  tx: ScopedTx,
  recordId: string,
): Promise<Pick<RecordFacts, 'teamUserIds' | 'namedUserIds' | 'sharedWithOrganisationIds'>> {
  const rows = await tx.trx.selectFrom('record_access').selectAll().where('record_id', '=', recordId).execute();
  const of = (kind: string) => rows.filter((a) => a.kind === kind).map((a) => a.subject);
  return { teamUserIds: of('team'), namedUserIds: of('named'), sharedWithOrganisationIds: of('shared') };
}

export function factsOf(
  row: { id: string; owner_user_id: string; organisation_id: string; province: string | null; label: Label },
  lists: Pick<RecordFacts, 'teamUserIds' | 'namedUserIds' | 'sharedWithOrganisationIds'>,
): RecordFacts {
  return {
    id: row.id,
    ownerUserId: row.owner_user_id,
    organisationId: row.organisation_id,
    province: row.province,
    label: row.label,
    ...lists,
  };
}

/** Make the record's compartments exactly `organisationIds` (besides its owner). */
/**
 * A record that belongs to no organisation, owner or province, labelled N: only a national-scope rule
 * reaches it (complaints for oversight; linkage runs, proposals and links for national reviewers).
 */
export function nationalFacts(id: string): RecordFacts {
  return {
    id,
    ownerUserId: null,
    organisationId: null,
    province: null,
    label: 'N',
    teamUserIds: [],
    sharedWithOrganisationIds: [],
    namedUserIds: [],
  };
}

export async function syncShares(tx: ScopedTx, recordId: string, organisationIds: readonly string[]): Promise<void> {
  await tx.trx.deleteFrom('record_access').where('record_id', '=', recordId).where('kind', '=', 'shared').execute();
  if (organisationIds.length === 0) return;
  await tx.trx
    .insertInto('record_access')
    .values(organisationIds.map((subject) => ({ record_id: recordId, kind: 'shared' as const, subject })))
    .onConflict((c) => c.doNothing())
    .execute();
}

type AccessRow = { id: string; owner_user_id: string; organisation_id: string; province: string | null; label: Label };

/** Where an actor's rules for `action` could reach: national, one province, or their own subjects. */
export function reachOf(tx: ScopedTx, action: string) {
  const actor = tx.actor;
  const rules = actor.rules.filter((r) => r.action === action);
  return {
    national: rules.some((r) => r.scope === 'national'),
    province: rules.some((r) => r.scope === 'province') ? actor.province : null,
    /** record_access subjects that name the actor: their user id and organisation. */
    subjects: [actor.userId, ...(actor.organisationId ? [actor.organisationId] : [])],
  };
}

/**
 * Reads pages of candidate rows (a superset of what the actor may see, newest first) and keeps those
 * `can` allows, until `limit`: no visible record is cut off by others' records, however many. Pages
 * are keyset-paginated: `page(after)` returns the rows strictly after `after` in its order.
 */
export async function collectVisible<R extends AccessRow>(
  tx: ScopedTx,
  action: string,
  limit: number,
  page: (after: R | null, size: number) => Promise<R[]>,
  size = 1_000,
): Promise<{ row: R; facts: RecordFacts; hiddenFields: readonly string[] }[]> {
  const now = tx.ctx.now();
  const out: { row: R; facts: RecordFacts; hiddenFields: readonly string[] }[] = [];
  let after: R | null = null;
  while (out.length < limit) {
    const rows = await page(after, size);
    const ids = rows.map((r) => r.id);
    const shares = ids.length
      ? await tx.trx.selectFrom('record_access').selectAll().where('record_id', 'in', ids).execute()
      : [];
    const byRecord = new Map<string, { kind: string; subject: string }[]>();
    for (const s of shares) byRecord.set(s.record_id, [...(byRecord.get(s.record_id) ?? []), s]);
    for (const row of rows) {
      const mine = byRecord.get(row.id) ?? [];
      const of = (kind: string) => mine.filter((s) => s.kind === kind).map((s) => s.subject);
      const facts = factsOf(row, {
        teamUserIds: of('team'),
        namedUserIds: of('named'),
        sharedWithOrganisationIds: of('shared'),
      });
      const d = can(tx.actor, action, facts, now);
      if (!d.allowed) continue;
      out.push({ row, facts, hiddenFields: d.hiddenFields });
      if (out.length >= limit) break;
    }
    if (rows.length < size) break;
    after = rows.at(-1)!;
  }
  return out;
}

/** The next human-readable number under a prefix (e.g. KHM-KH-12-2017 -> KHM-KH-12-2017-00042). */
export async function nextNumber(tx: ScopedTx, prefix: string): Promise<string> {
  const row = await tx.trx
    .insertInto('case_counters')
    .values({ prefix, last: 1 })
    .onConflict((c) => c.column('prefix').doUpdateSet((eb) => ({ last: eb('case_counters.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${prefix}-${String(row.last).padStart(5, '0')}`;
}

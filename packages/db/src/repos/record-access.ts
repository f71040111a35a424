import type { RecordFacts, Label } from '@ctis/core';
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
export async function syncShares(tx: ScopedTx, recordId: string, organisationIds: readonly string[]): Promise<void> {
  await tx.trx.deleteFrom('record_access').where('record_id', '=', recordId).where('kind', '=', 'shared').execute();
  if (organisationIds.length === 0) return;
  await tx.trx
    .insertInto('record_access')
    .values(organisationIds.map((subject) => ({ record_id: recordId, kind: 'shared' as const, subject })))
    .onConflict((c) => c.doNothing())
    .execute();
}

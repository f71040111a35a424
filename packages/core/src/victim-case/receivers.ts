import type { VictimCaseState } from './state.ts';

/** Why an organisation may see a case: the compartments a case is shared into. */
export type AccessReason = 'owner' | 'referral' | 'custody' | 'repatriation';

export interface AccessGrant {
  readonly organisationId: string;
  readonly via: AccessReason;
}

/**
 * Every organisation the case is shared with, and why, owner first, each organisation once (under
 * the first reason found): the owner; both ends of each pending or accepted referral (a declined
 * referral shares nothing); every organisation ever given custody; the organisations assisting a
 * repatriation (the ministry, the diplomatic mission and the international organisation act on
 * the case). The access layer decides what each may read; this only says who is in the compartment.
 */
export function accessGrants(state: VictimCaseState): AccessGrant[] {
  const grants: AccessGrant[] = [];
  const add = (organisationId: string, via: AccessReason) => {
    if (!grants.some((g) => g.organisationId === organisationId)) grants.push({ organisationId, via });
  };
  add(state.organisationId, 'owner');
  for (const r of state.referrals) {
    if (r.status === 'declined') continue;
    add(r.fromOrganisationId, 'referral');
    add(r.toOrganisationId, 'referral');
  }
  for (const t of state.custody.transfers) add(t.toOrganisationId, 'custody');
  for (const r of state.repatriations) for (const id of r.assistingOrganisationIds) add(id, 'repatriation');
  return grants;
}

/** The organisations that may see the case (see `accessGrants`), owner first. */
export function organisationsWithAccess(state: VictimCaseState): string[] {
  return accessGrants(state).map((g) => g.organisationId);
}

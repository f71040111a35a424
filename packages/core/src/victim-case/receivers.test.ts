import { describe, expect, it } from 'vitest';
import type { VictimCaseEvent } from './events.ts';
import { ev, ID, OWNER } from './fixtures.ts';
import { accessGrants, organisationsWithAccess } from './receivers.ts';
import { projectCase } from './transitions.ts';

const state = (...events: VictimCaseEvent[]) => projectCase([ev.opened(), ev.consent(), ...events]);

describe('organisationsWithAccess (the compartments a case is shared into)', () => {
  it('is only the owner at first', () => {
    expect(organisationsWithAccess(state())).toEqual([OWNER]);
  });

  it('includes the receiver of a pending or accepted referral, not of a declined one', () => {
    expect(organisationsWithAccess(state(ev.referral()))).toEqual([OWNER, 'chab-dai']);
    expect(organisationsWithAccess(state(ev.referral(), ev.answered()))).toEqual([OWNER, 'chab-dai']);
    const declined = state(ev.referral(), ev.answered({ answer: 'declined', reason: 'No place' }));
    expect(organisationsWithAccess(declined)).toEqual([OWNER]);
  });

  it('includes the referring organisation when it is not the owner', () => {
    const s = state(ev.referral({ fromOrganisationId: 'ahtjp-banteay-meanchey', toOrganisationId: 'licadho' }));
    expect(organisationsWithAccess(s)).toEqual([OWNER, 'ahtjp-banteay-meanchey', 'licadho']);
  });

  it('includes every organisation given custody, also after the child went home', () => {
    const s = state(ev.custody(), ev.returned());
    expect(accessGrants(s)).toEqual([
      { organisationId: OWNER, via: 'owner' },
      { organisationId: 'hagar-cambodia', via: 'custody' },
    ]);
  });

  it('includes the organisations assisting a repatriation, each organisation once', () => {
    const s = state(
      ev.referral({ toOrganisationId: 'iom-cambodia' }),
      ev.repatriation(),
      ev.repatriation({ repatriationId: ID.unknown, assistingOrganisationIds: ['embassy-tha'] }),
    );
    expect(accessGrants(s)).toEqual([
      { organisationId: OWNER, via: 'owner' },
      { organisationId: 'iom-cambodia', via: 'referral' },
      { organisationId: 'mfaic-consular', via: 'repatriation' },
      { organisationId: 'embassy-tha', via: 'repatriation' },
    ]);
  });
});

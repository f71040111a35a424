import { describe, expect, it } from 'vitest';
import { ConflictError, InputError } from '../errors.ts';
import type { VictimCaseEvent } from './events.ts';
import { ev, ID, OWNER } from './fixtures.ts';
import { applyEvent, CONSENT_OVERRIDE_MESSAGE, projectCase } from './transitions.ts';

const base = [ev.opened(), ev.consent()];
const after = (...events: VictimCaseEvent[]) => projectCase([...base, ...events]);

function expectError(run: () => unknown, kind: typeof ConflictError | typeof InputError, path?: string) {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(kind);
    if (path !== undefined) expect((err as InputError).path).toBe(path);
    return err as Error;
  }
  throw new Error('expected an error, got none');
}

describe('applyEvent: refusals', () => {
  type Case = [string, VictimCaseEvent[], VictimCaseEvent, typeof ConflictError | typeof InputError, string?];
  const conflicts: Case[] = [
    ['a first event other than case_opened', [], ev.consent(), ConflictError],
    ['opening an open case again', [ev.opened()], ev.opened(), ConflictError],
    ['an event on a closed case', [...base, ev.closed()], ev.followUp({ occurredOn: '2017-12-05' }), ConflictError],
    ['opening a closed case again', [...base, ev.closed()], ev.opened(), ConflictError],
    ['reopening an open case', base, ev.reopened(), ConflictError],
    ['identification after formal identification', [...base, ev.identified()], ev.identified(), ConflictError],
    ['a consent id given twice', base, ev.consent(), ConflictError],
    ['withdrawing an unknown consent', base, ev.withdrawn({ consentId: ID.unknown }), ConflictError],
    ['withdrawing a consent twice', [...base, ev.withdrawn()], ev.withdrawn(), ConflictError],
    ['a referral id used twice', [...base, ev.referral(), ev.answered()], ev.referral(), ConflictError],
    [
      'a second pending referral to the same organisation',
      [...base, ev.referral()],
      ev.referral({ referralId: ID.referral2 }),
      ConflictError,
    ],
    ['answering an unknown referral', [...base, ev.referral()], ev.answered({ referralId: ID.unknown }), ConflictError],
    ['answering a referral twice', [...base, ev.referral(), ev.answered()], ev.answered(), ConflictError],
    ['a service id used twice', [...base, ev.serviceStarted()], ev.serviceStarted(), ConflictError],
    ['ending an unknown service', base, ev.serviceEnded(), ConflictError],
    ['ending a service twice', [...base, ev.serviceStarted(), ev.serviceEnded()], ev.serviceEnded(), ConflictError],
    ['custody to the organisation already holding it', [...base, ev.custody()], ev.custody(), ConflictError],
    ['returning to the family twice', [...base, ev.returned()], ev.returned(), ConflictError],
    ['a repatriation id used twice', [...base, ev.repatriation()], ev.repatriation(), ConflictError],
    ['completing an unknown repatriation', base, ev.repatriated(), ConflictError],
    [
      'completing a repatriation twice',
      [...base, ev.repatriation(), ev.repatriated()],
      ev.repatriated(),
      ConflictError,
    ],
    ['a restitution order id used twice', [...base, ev.ordered()], ev.ordered(), ConflictError],
    ['paying an unknown order', base, ev.paid(), ConflictError],
  ];
  const inputs: Case[] = [
    [
      'a referral to the referring organisation',
      base,
      ev.referral({ toOrganisationId: OWNER }),
      InputError,
      'toOrganisationId',
    ],
    [
      'withdrawing a consent before it was given',
      base,
      ev.withdrawn({ occurredOn: '2017-03-01' }),
      InputError,
      'occurredOn',
    ],
    [
      'answering before the referral was made',
      [...base, ev.referral()],
      ev.answered({ occurredOn: '2017-03-03' }),
      InputError,
      'occurredOn',
    ],
    [
      'ending a service before it started',
      [...base, ev.serviceStarted()],
      ev.serviceEnded({ occurredOn: '2017-03-06' }),
      InputError,
      'occurredOn',
    ],
    [
      'completing a repatriation before it was recorded',
      [...base, ev.repatriation()],
      ev.repatriated({ occurredOn: '2017-03-07' }),
      InputError,
      'occurredOn',
    ],
    ['paying more than ordered', [...base, ev.ordered()], ev.paid({ amount: 8_000_001 }), InputError, 'amount'],
    [
      'paying more than the balance',
      [...base, ev.ordered(), ev.paid()],
      ev.paid({ amount: 5_000_001 }),
      InputError,
      'amount',
    ],
    [
      'paying before the order',
      [...base, ev.ordered()],
      ev.paid({ occurredOn: '2017-09-14' }),
      InputError,
      'occurredOn',
    ],
    ['closing before the case was opened', base, ev.closed({ occurredOn: '2017-02-28' }), InputError, 'occurredOn'],
    [
      'reopening before the closure',
      [...base, ev.closed()],
      ev.reopened({ occurredOn: '2017-11-30' }),
      InputError,
      'occurredOn',
    ],
  ];
  it.each([...conflicts, ...inputs])('refuses %s', (_name, before, event, kind, path) => {
    const state = before.length > 0 ? projectCase(before) : null;
    expectError(() => applyEvent(state, event), kind, path);
  });

  it('refuses a referral without consent to referral unless an override reason is given', () => {
    const noConsent = projectCase([ev.opened()]);
    const err = expectError(() => applyEvent(noConsent, ev.referral()), InputError, 'consentOverride');
    expect(err.message).toBe(`consentOverride: ${CONSENT_OVERRIDE_MESSAGE}`);
    const otherPurpose = projectCase([ev.opened(), ev.consent({ purposes: ['services'] })]);
    expectError(() => applyEvent(otherPurpose, ev.referral()), InputError, 'consentOverride');
    const withdrawn = after(ev.withdrawn({ occurredOn: '2017-03-03' }));
    expectError(() => applyEvent(withdrawn, ev.referral()), InputError, 'consentOverride');
  });

  it('projectCase refuses an empty stream', () => {
    expectError(() => projectCase([]), ConflictError);
  });
});

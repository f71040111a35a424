import { describe, expect, it } from 'vitest';
import { ConflictError, InputError } from '../errors.ts';
import type { CriminalCaseEvent } from './events.ts';
import { ev, ID } from './fixtures.ts';
import { applyCriminalEvent, projectCriminalCase } from './transitions.ts';

const base = [ev.opened(), ev.suspect(), ev.victim()];
const charged = [...base, ev.evidence(), ev.charged()];
const detained = [...charged, ev.detained()];
const supervised = [...charged, ev.supervised()];
const absconded = [...supervised, ev.absconded()];
const wanted = [...absconded, ev.warrant()];
const rearrested = [...wanted, ev.rearrested()];
const convicted = [...charged, ev.verdict()];
const acquitted = [...charged, ev.verdict({ outcome: 'acquitted' })];

type Kind = typeof ConflictError | typeof InputError;
type Case = [string, CriminalCaseEvent[], CriminalCaseEvent, Kind, string?];

function expectError(run: () => unknown, kind: Kind, path?: string): void {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(kind);
    if (path !== undefined) expect((err as InputError).path).toBe(path);
    return;
  }
  throw new Error('expected an error, got none');
}

const on = (date: string) => ({ occurredOn: date });

describe('applyCriminalEvent: refused transitions (ConflictError)', () => {
  const cases: Case[] = [
    ['a first event other than investigation_opened', [], ev.suspect(), ConflictError],
    ['opening an open investigation again', base, ev.opened(), ConflictError],
    ['any event on a closed case', [...base, ev.closed()], ev.evidence(on('2017-12-05')), ConflictError],
    ['a suspect id added twice', base, ev.suspect({ personId: ID.person2 }), ConflictError],
    ['the same person added twice', base, ev.suspect({ suspectId: ID.suspect2 }), ConflictError],
    ['a victim case linked twice', base, ev.victim(), ConflictError],
    ['charging a charged suspect', charged, ev.charged(on('2017-03-25')), ConflictError],
    ['a measure before the charge', base, ev.detained(), ConflictError],
    ['the same measure again', detained, ev.detained(on('2017-03-22')), ConflictError],
    ['a measure for an absconder without re-arrest', absconded, ev.detained(on('2017-04-11')), ConflictError],
    ['a measure for a warrant-listed absconder', wanted, ev.detained(on('2017-05-02')), ConflictError],
    ['a measure after the verdict', convicted, ev.detained(on('2017-09-02')), ConflictError],
    ['a check-in for a charged suspect', charged, ev.checkIn(), ConflictError],
    ['a check-in for a detained suspect', detained, ev.checkIn(), ConflictError],
    ['a check-in for an absconder', absconded, ev.checkIn(on('2017-04-11')), ConflictError],
    ['a check-in recorded twice the same day', [...supervised, ev.checkIn()], ev.checkIn(), ConflictError],
    ['a missed check-in for a detained suspect', detained, ev.missed(), ConflictError],
    [
      'a check-in both missed and made the same day',
      [...supervised, ev.missed()],
      ev.checkIn(on('2017-04-04')),
      ConflictError,
    ],
    ['a missed check-in recorded twice', [...supervised, ev.missed()], ev.missed(), ConflictError],
    ['absconding when only investigated', base, ev.absconded(), ConflictError],
    ['absconding when charged but not under a measure', charged, ev.absconded(), ConflictError],
    ['absconding twice', absconded, ev.absconded(on('2017-04-11')), ConflictError],
    ['a warrant for a suspect who has not absconded', supervised, ev.warrant(), ConflictError],
    ['a second warrant', wanted, ev.warrant(on('2017-05-02')), ConflictError],
    ['a re-arrest without a warrant', absconded, ev.rearrested(), ConflictError],
    ['a re-arrest of a supervised suspect', supervised, ev.rearrested(), ConflictError],
    ['a re-arrest twice', rearrested, ev.rearrested(on('2017-06-02')), ConflictError],
    ['a verdict for an uncharged suspect', base, ev.verdict(), ConflictError],
    ['a second verdict', convicted, ev.verdict(on('2017-09-02')), ConflictError],
    [
      'a verdict in absentia for a defendant in custody',
      detained,
      ev.verdict({ outcome: 'in_absentia' }),
      ConflictError,
    ],
    ['a sentence before a verdict', supervised, ev.sentence(), ConflictError],
    ['a sentence after an acquittal', acquitted, ev.sentence(), ConflictError],
    [
      'a sentence after a settlement',
      [...charged, ev.verdict({ outcome: 'settled_out_of_court' })],
      ev.sentence(),
      ConflictError,
    ],
    ['a sentence after a dismissal', [...charged, ev.verdict({ outcome: 'dismissed' })], ev.sentence(), ConflictError],
    ['a second sentence', [...convicted, ev.sentence()], ev.sentence(), ConflictError],
    ['an appeal before a verdict', charged, ev.appeal(), ConflictError],
    [
      'a second pending appeal to the same court',
      [...convicted, ev.appeal()],
      ev.appeal(on('2017-10-02')),
      ConflictError,
    ],
    [
      'an appeal to a court that already decided',
      [...convicted, ev.appeal({ outcome: 'upheld' })],
      ev.appeal({ occurredOn: '2017-11-01', outcome: 'overturned' }),
      ConflictError,
    ],
  ];
  it.each(cases)('refuses %s', (_name, history, event, kind, path) => {
    const state = history.length === 0 ? null : projectCriminalCase(history);
    expectError(() => applyCriminalEvent(state, event), kind, path);
  });
});

describe('applyCriminalEvent: refused fields (InputError with the path)', () => {
  const cases: Case[] = [
    ['an event dated before the investigation opened', base, ev.evidence(on('2017-02-01')), InputError, 'occurredOn'],
    ['an unknown suspect', base, ev.charged({ suspectId: ID.unknown }), InputError, 'suspectId'],
    ['an unknown suspect on a check-in', supervised, ev.checkIn({ suspectId: ID.unknown }), InputError, 'suspectId'],
    ['a charge dated before the suspect was added', base, ev.charged(on('2017-03-01')), InputError, 'occurredOn'],
    ['a warrant dated before the absconding', absconded, ev.warrant(on('2017-04-09')), InputError, 'occurredOn'],
    ['a check-in dated before supervision began', supervised, ev.checkIn(on('2017-03-20')), InputError, 'occurredOn'],
    ['a verdict dated before the last change', rearrested, ev.verdict(on('2017-05-31')), InputError, 'occurredOn'],
    [
      'restitution to a victim case not linked to this case',
      convicted,
      ev.sentence({
        restitution: [
          { victimCaseId: ID.victimCase, amount: 100, currency: 'USD' },
          { victimCaseId: ID.victimCase2, amount: 100, currency: 'USD' },
        ],
      }),
      InputError,
      'restitution.1.victimCaseId',
    ],
    [
      'an appeal decision dated before it was lodged',
      [...convicted, ev.appeal()],
      ev.appeal({ occurredOn: '2017-09-15', outcome: 'upheld' }),
      InputError,
      'occurredOn',
    ],
  ];
  it.each(cases)('refuses %s', (_name, history, event, kind, path) => {
    expectError(() => applyCriminalEvent(projectCriminalCase(history), event), kind, path);
  });

  it('projectCriminalCase needs at least the opening event', () => {
    expectError(() => projectCriminalCase([]), ConflictError);
  });
});

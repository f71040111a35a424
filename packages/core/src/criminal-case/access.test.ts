import { describe, expect, it } from 'vitest';
import type { CriminalCaseEvent } from './events.ts';
import { criminalCaseOrganisations, needsOversight, supervisingUnit } from './access.ts';
import { COURT, ev, ID, LEAD, PROSECUTOR } from './fixtures.ts';
import { projectCriminalCase } from './transitions.ts';

const OVERSIGHT = { oversightOrganisationIds: ['acu'] };
const project = (...events: CriminalCaseEvent[]) => projectCriminalCase([ev.opened(), ev.suspect(), ...events]);

describe('criminalCaseOrganisations: who the case is shared with', () => {
  it('only the lead unit while the police investigate', () => {
    expect(criminalCaseOrganisations(project(), OVERSIGHT)).toEqual([LEAD]);
  });

  it('the prosecutor once evidence is supplied, the court once charged, the appeal court on appeal', () => {
    const s = project(
      ev.evidence(),
      ev.charged(),
      ev.supervised({ supervisingOrganisationId: 'ahtjp-siem-reap' }),
      ev.verdict({ occurredOn: '2017-09-01' }),
      ev.appeal(),
    );
    expect(criminalCaseOrganisations(s, OVERSIGHT)).toEqual([
      LEAD,
      PROSECUTOR,
      COURT,
      'court-of-appeal',
      'ahtjp-siem-reap',
    ]);
  });

  it('the oversight organisations for a public-official suspect, and not otherwise', () => {
    const official = projectCriminalCase([
      ev.opened(),
      ev.suspect({ publicOfficial: { position: 'Commune chief', agency: 'Commune council' } }),
    ]);
    expect(needsOversight(official)).toBe(true);
    expect(criminalCaseOrganisations(official, OVERSIGHT)).toEqual([LEAD, 'acu']);
    expect(needsOversight(project())).toBe(false);
  });

  it('the oversight organisations after a settlement out of court', () => {
    const s = project(ev.evidence(), ev.charged(), ev.verdict({ outcome: 'settled_out_of_court' }));
    expect(criminalCaseOrganisations(s, OVERSIGHT)).toContain('acu');
  });
});

describe('supervisingUnit', () => {
  it('is the measure’s unit, else the lead unit', () => {
    const named = project(ev.evidence(), ev.charged(), ev.supervised({ supervisingOrganisationId: 'ahtjp-siem-reap' }));
    expect(supervisingUnit(named, named.suspects[0]!)).toBe('ahtjp-siem-reap');
    const unnamed = project(ev.evidence(), ev.charged(), ev.supervised());
    expect(supervisingUnit(unnamed, unnamed.suspects[0]!)).toBe(LEAD);
    expect(ID.suspect).toBe(unnamed.suspects[0]!.suspectId);
  });
});

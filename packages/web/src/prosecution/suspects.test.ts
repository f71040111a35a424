import { describe, expect, it } from 'vitest';
import { caseStage } from './stage';
import { nextCheckInDue, suspectsFor } from './suspects';
import type { CriminalCaseState, Suspect } from './types';

const suspect = (over: Partial<Suspect> = {}): Suspect => ({
  suspectId: 's1',
  personId: 'p1',
  nationality: 'KHM',
  addedOn: '2026-01-01',
  status: 'investigated',
  since: '2026-01-01',
  charge: null,
  measures: [],
  checkIns: [],
  missedCheckIns: [],
  abscondings: [],
  verdict: null,
  sentence: null,
  appeals: [],
  ...over,
});

const state = (suspects: Suspect[], over: Partial<CriminalCaseState> = {}): CriminalCaseState => ({
  version: 1,
  status: 'open',
  openedOn: '2026-01-01',
  leadUnitOrganisationId: 'police',
  legalBasis: { lawId: 'law', article: '15' },
  exploitation: 'sex',
  traffickingOffence: true,
  suspects,
  victims: [],
  evidence: [],
  trials: [],
  closure: null,
  ...over,
});

const supervised = (checkIns: string[] = []) =>
  suspect({
    status: 'supervised',
    since: '2026-02-01',
    measures: [{ measure: 'judicial_supervision', checkInEveryDays: 7, on: '2026-02-01' }],
    checkIns,
  });

describe('next check-in', () => {
  it('is the start of supervision plus the schedule, then the last check-in plus it', () => {
    expect(nextCheckInDue(supervised())).toBe('2026-02-08');
    expect(nextCheckInDue(supervised(['2026-02-08', '2026-02-14']))).toBe('2026-02-21');
  });

  it('is undefined unless the suspect reports under supervision', () => {
    expect(nextCheckInDue(suspect())).toBeUndefined();
    expect(nextCheckInDue({ ...supervised(), status: 'absconded' })).toBeUndefined();
  });
});

describe('suspect steps', () => {
  it('offers the sentence only after a conviction without one', () => {
    const convicted = suspect({ status: 'judged', verdict: { outcome: 'convicted', on: '2026-03-01' } });
    const acquitted = suspect({
      suspectId: 's2',
      status: 'judged',
      verdict: { outcome: 'acquitted', on: '2026-03-01' },
    });
    expect(suspectsFor(state([convicted, acquitted]), 'sentence').map((s) => s.suspectId)).toEqual(['s1']);
    expect(suspectsFor(state([convicted, acquitted]), 'appeal')).toHaveLength(2);
  });
});

describe('case stage', () => {
  it('is the furthest step reached', () => {
    expect(caseStage(state([suspect()]))).toBe('investigation');
    expect(caseStage(state([suspect()], { evidence: [{ prosecutorOrganisationId: 'p', on: '2026-01-02' }] }))).toBe(
      'evidence',
    );
    expect(caseStage(state([{ ...supervised(), charge: null }], { status: 'closed' }))).toBe('closed');
  });
});

import { describe, expect, it } from 'vitest';
import { personRecordsOf } from './identity-proposer.ts';
import type { LinkageRecord } from './types.ts';

const record = (dateOfBirth: string): LinkageRecord => ({
  personId: 'p1',
  tokens: [],
  birthYear: 1995,
  sex: 'female',
  nationality: 'KHM',
  organisationId: 'o1',
  identity: {
    names: [{ script: 'latn', family: 'Sok', given: 'Dara' }],
    aliases: [],
    dateOfBirth,
    documents: [],
    phones: [],
    addresses: [],
  },
});

describe('personRecordsOf', () => {
  it('gives the linker the stored birth date when it can read it', () => {
    expect(personRecordsOf(record('1995-03-04'))[0]!.birthDate).toBe('1995-03-04');
  });
  it('falls back to the birth year when a stored date is no calendar date, so one record cannot fail a run', () => {
    expect(personRecordsOf(record('1995-13-40'))[0]!.birthDate).toBe('1995');
  });
});

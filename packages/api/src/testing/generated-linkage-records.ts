import type { LinkageRecord, PersonRecord } from '@ctis/core';

/**
 * Generated linker records (core/linkage/synthetic) as a linkage job hands persons to a proposer:
 * statistical attributes and the decrypted identity. For tests and benchmarks of proposers.
 */
/** A generated record as the linkage job hands it over: statistical attributes and the decrypted identity. */
export function linkageRecordOf(r: PersonRecord, k: number): LinkageRecord {
  const name = { script: 'latn' as const, given: r.givenName ?? undefined, family: r.familyName ?? undefined };
  const full = r.fullName ?? [r.familyName, r.givenName].filter(Boolean).join(' ');
  return {
    personId: r.id,
    tokens: [],
    birthYear: r.birthDate ? Number(r.birthDate.slice(0, 4)) : null,
    sex: r.sex ?? null,
    nationality: r.nationality ?? null,
    province: r.place ?? null,
    organisationId: r.source ?? 'unknown',
    identity: {
      // Some persons are named twice, so that a pair keeps its best pair of names.
      names:
        k % 4 === 0 && full
          ? [name, { script: 'latn', full }]
          : [name.given || name.family ? name : { script: 'latn', full }],
      aliases: [],
      dateOfBirth: r.birthDate?.length === 10 ? r.birthDate : undefined,
      documents: r.documentNumber ? [{ type: 'passport', number: r.documentNumber }] : [],
      phones: [],
      addresses: [],
    },
  };
}

/**
 * What went wrong, or differently, when an agency wrote a record: one bit each, so a million records
 * carry their corruptions in a Uint16Array and tests can check that each kind occurs.
 */
export const Corruption = {
  /** A letter inserted, deleted, replaced, or two adjacent letters swapped, in a name. */
  nameTypo: 1 << 0,
  /** Given and family name written in each other's field. */
  swappedNames: 1 << 1,
  /** Only a full name recorded, no separate given and family name. */
  fullNameOnly: 1 << 2,
  /** Names written in Khmer script. */
  khmerScript: 1 << 3,
  /** A less usual romanisation of a name or place (Sokh for Sok, Kompong for Kampong). */
  variantSpelling: 1 << 4,
  /** The Vietnamese middle name (Thị, Văn) left out. */
  middleNameDropped: 1 << 5,
  /** Birth date: year only. */
  birthYearOnly: 1 << 6,
  /** Birth date: a year worked out from an estimated age (may be a year or two off). */
  birthFromAge: 1 << 7,
  /** Birth date: day and month swapped. */
  birthDayMonthSwapped: 1 << 8,
  /** Birth date: one digit wrong. */
  birthDigitTypo: 1 << 9,
  /** Birth date: not recorded. */
  birthMissing: 1 << 10,
  /** Another province than the person's own (where they were found, not where they come from). */
  otherPlace: 1 << 11,
  /** The document number with one character wrong. */
  documentTypo: 1 << 12,
  /** Sex recorded wrongly. */
  wrongSex: 1 << 13,
} as const;

export type CorruptionName = keyof typeof Corruption;

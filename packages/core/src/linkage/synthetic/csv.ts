import type { PersonRecord } from '../fellegi-sunter/record.ts';

/** The columns `ctis linkage run --in` reads. */
export const LINKAGE_CSV_HEADER =
  'record_id,given_name,family_name,full_name,birth_date,sex,nationality,place,document_number,source';

/** One CSV field, quoted when it must be (RFC 4180). */
export function csvField(value: string | null | undefined): string {
  const v = value ?? '';
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One record as a line of the linkage CSV (no line ending). */
export function linkageCsvLine(r: PersonRecord): string {
  return [
    r.id,
    r.givenName,
    r.familyName,
    r.fullName,
    r.birthDate,
    r.sex,
    r.nationality,
    r.place,
    r.documentNumber,
    r.source,
  ]
    .map(csvField)
    .join(',');
}

import { z } from 'zod';

/**
 * A person's identity: everything that names or locates them. It is only ever stored encrypted
 * (per-person data key); statistical attributes (sex, birth year, nationality, province) live apart.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
// A calendar date, not only its shape: 1995-13-40 or 2019-02-29 is refused where it is typed, and so
// is a year no living person was born in (record linkage reads 1850 to 2200).
const isoDate = z.iso
  .date('not a date: use YYYY-MM-DD, e.g. "2001-03-21"')
  .refine((d) => Number(d.slice(0, 4)) >= 1900 && Number(d.slice(0, 4)) <= 2100, 'the year must be 1900 to 2100');

export const personNameSchema = z
  .object({
    script: z.enum(['khmr', 'latn', 'other']).default('latn'),
    family: text(100).optional(),
    given: text(100).optional(),
    full: text(200).optional(),
  })
  .refine((n) => n.family || n.given || n.full, { message: 'give a family name, a given name or a full name' });

export const identitySchema = z.object({
  names: z.array(personNameSchema).min(1, 'give at least one name').max(10),
  aliases: z.array(text(200)).max(10).default([]),
  dateOfBirth: isoDate.optional(),
  documents: z
    .array(
      z.object({
        type: z.enum(['national_id', 'passport', 'birth_certificate', 'border_pass', 'other']),
        number: text(50),
        country: z
          .string()
          .regex(/^[A-Z]{3}$/, 'use an ISO 3166-1 alpha-3 code')
          .optional(),
      }),
    )
    .max(10)
    .default([]),
  phones: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\+?[0-9][0-9 ()-]{5,19}$/, 'use digits, spaces, "+", "-" or brackets'),
    )
    .max(10)
    .default([]),
  addresses: z
    .array(z.object({ text: text(500), province: z.string().optional() }))
    .max(10)
    .default([]),
});

export type Identity = z.infer<typeof identitySchema>;
export type IdentityInput = z.input<typeof identitySchema>;

/** Every way the person is named, as whole-name strings: what name search indexes. */
export function nameStrings(identity: Identity): string[] {
  const names = identity.names.map((n) => n.full ?? [n.family, n.given].filter(Boolean).join(' '));
  return [...new Set([...names, ...identity.aliases])];
}

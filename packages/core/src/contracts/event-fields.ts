import { z } from 'zod';

/**
 * Field types shared by the event contracts of every case module (victim, criminal, …): each
 * message says what is wrong and how to fix it, and the API returns it with the field's path.
 */
export const isoDate = z.iso.date('not a date — write it as YYYY-MM-DD, e.g. "2017-03-21"');
export const uuid = z.uuid('not an id — use a UUID, e.g. "0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6e7f"');
export const text = z
  .string()
  .trim()
  .min(1, 'is empty — write the text')
  .max(2000, 'is too long — keep it under 2000 characters');
export const shortText = z
  .string()
  .trim()
  .min(1, 'is empty — write it')
  .max(200, 'is too long — keep it under 200 characters');
export const organisationId = shortText;
export const alpha3 = z
  .string()
  .regex(/^[A-Z]{3}$/, 'not an ISO 3166-1 alpha-3 code — use three capital letters, e.g. "THA"');
export const currency = z.string().regex(/^[A-Z]{3}$/, 'not an ISO 4217 code — use three capital letters, e.g. "KHR"');
export const positiveAmount = z
  .number()
  .finite('is not a number — write an amount')
  .positive('must be more than zero — write the amount paid or ordered');

/** An event: its type, the date of the fact, and its own fields; unknown fields are refused. */
export const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), occurredOn: isoDate, ...shape });

import { z } from 'zod';
import { identitySchema } from '@ctis/core';

/** A person as recorded with a screening, a case or on its own: statistical attributes + identity. */
export const personInputSchema = z.object({
  sex: z.enum(['female', 'male', 'other', 'unknown']).nullable().default(null),
  birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
  nationality: z
    .string()
    .regex(/^[A-Z]{3}$/, 'use an ISO 3166-1 alpha-3 code')
    .nullable()
    .default(null),
  identity: identitySchema.nullable().default(null),
});

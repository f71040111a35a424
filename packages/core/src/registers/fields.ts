import { z } from 'zod';

/**
 * A register's fields, declared once: the record's zod schema, the spreadsheet columns of its import
 * and the web app's forms and tables are all derived from these specs, so they cannot disagree.
 */
export type FieldKind =
  | 'text'
  | 'longText'
  | 'date'
  | 'year'
  | 'integer'
  | 'amount'
  | 'decimal'
  | 'boolean'
  | 'enum'
  | 'enumList'
  | 'organisation'
  | 'province'
  | 'provinceList'
  | 'country'
  | 'reference'
  | 'idList';

export interface FieldSpec {
  /** The key in the record, and the column header in an import file. */
  readonly name: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** enum / enumList: the allowed codes (labels are translated by the web app). */
  readonly options?: readonly string[];
  /** organisation: the allowed organisation types (any when absent). */
  readonly organisationTypes?: readonly string[];
  /** reference: the register the id points to. */
  readonly register?: string;
  /** integer / amount / decimal: the smallest value (default 0). */
  readonly min?: number;
  /** Set by a one-step action (e.g. a referral), not typed in forms; edits keep its value. */
  readonly readOnly?: boolean;
}

type Opt = Partial<Pick<FieldSpec, 'options' | 'organisationTypes' | 'register' | 'min' | 'readOnly'>>;
const f =
  (kind: FieldKind) =>
  (name: string, required = true, opt: Opt = {}): FieldSpec => ({ name, kind, required, ...opt });

export const field = {
  text: f('text'),
  longText: f('longText'),
  date: f('date'),
  year: f('year'),
  integer: f('integer'),
  amount: f('amount'),
  decimal: f('decimal'),
  boolean: f('boolean'),
  enum: (name: string, options: readonly string[], required = true) => f('enum')(name, required, { options }),
  enumList: (name: string, options: readonly string[], required = true) => f('enumList')(name, required, { options }),
  organisation: (name: string, organisationTypes?: readonly string[], required = true) =>
    f('organisation')(name, required, organisationTypes ? { organisationTypes } : {}),
  province: f('province'),
  provinceList: f('provinceList'),
  country: f('country'),
  reference: (name: string, register: string, required = true) => f('reference')(name, required, { register }),
  idList: f('idList'),
};

const DATE = z.iso.date('not a date — write it as YYYY-MM-DD, e.g. "2017-03-21"');
const TEXT = z.string().trim().min(1, 'is empty — write a value').max(200, 'is longer than 200 characters');
const LONG = z.string().trim().min(1, 'is empty — write a value').max(5_000, 'is longer than 5,000 characters');
const UUID = z.uuid('not an id — use the record id (a UUID)');

/** The zod type of one field (configuration-dependent checks, e.g. which organisations exist, come later). */
export function fieldSchema(spec: FieldSpec): z.ZodType {
  const min = spec.min ?? 0;
  const base = ((): z.ZodType => {
    switch (spec.kind) {
      case 'text':
      case 'organisation':
      case 'province':
        return TEXT;
      case 'longText':
        return LONG;
      case 'date':
        return DATE;
      case 'year':
        return z.number().int('is not a whole year').min(1990, 'is before 1990').max(2100, 'is after 2100');
      case 'integer':
        return z.number().int('is not a whole number').min(min, `is less than ${min}`);
      case 'amount':
      case 'decimal':
        return z.number().min(min, `is less than ${min}`);
      case 'boolean':
        return z.boolean();
      case 'enum':
        return z.enum(spec.options as [string, ...string[]], {
          error: () => `is not one of: ${spec.options!.join(', ')}`,
        });
      case 'enumList':
        return z.array(
          z.enum(spec.options as [string, ...string[]], { error: () => `is not one of: ${spec.options!.join(', ')}` }),
        );
      case 'provinceList':
        return z.array(TEXT);
      case 'country':
        return z.string().regex(/^[A-Z]{3}$/, 'not an ISO 3166-1 alpha-3 code — use three capital letters, e.g. "THA"');
      case 'reference':
        return UUID;
      case 'idList':
        return z.array(UUID);
    }
  })();
  return spec.required ? base : base.optional();
}

/** The strict zod object for a list of fields. */
export function recordSchema(fields: readonly FieldSpec[]) {
  return z.strictObject(Object.fromEntries(fields.map((s) => [s.name, fieldSchema(s)])));
}

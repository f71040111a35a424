import { describe, expect, it } from 'vitest';
import { changedFields, editableFields, fromDraft, parseNumber, toDraft } from './form';
import { formatValue, type FormatContext } from './format';
import type { FieldSpec } from './types';

const fields: FieldSpec[] = [
  { name: 'date', kind: 'date', required: true },
  { name: 'amountKhr', kind: 'amount', required: true },
  { name: 'fiscalYear', kind: 'year', required: true },
  { name: 'indicators', kind: 'enumList', required: true, options: ['a', 'b'] },
  { name: 'ok', kind: 'boolean', required: false },
  { name: 'country', kind: 'country', required: false },
  { name: 'note', kind: 'text', required: false },
  { name: 'victimCaseIds', kind: 'idList', required: false, readOnly: true },
];

describe('register form', () => {
  it('reads numbers with thousands separators and refuses the rest', () => {
    expect(parseNumber('4,900,000,000')).toBe(4_900_000_000);
    expect(parseNumber(' 4100.5 ')).toBe(4100.5);
    expect(parseNumber('12a')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('turns a draft into the body: typed values, absent fields left out, required ones reported', () => {
    const draft = toDraft(fields);
    expect(draft['indicators']).toEqual([]);
    expect(fromDraft(fields, draft).errors).toEqual({
      date: 'This field is required.',
      amountKhr: 'This field is required.',
      fiscalYear: 'This field is required.',
    });
    const { data, errors } = fromDraft(fields, {
      ...draft,
      date: '2017-03-21',
      amountKhr: '4,900,000,000',
      fiscalYear: '2017',
      indicators: ['a'],
      ok: 'no',
      country: 'tha',
    });
    expect(errors).toEqual({});
    expect(data).toEqual({
      date: '2017-03-21',
      amountKhr: 4_900_000_000,
      fiscalYear: 2017,
      indicators: ['a'],
      ok: false,
      country: 'THA',
    });
    expect(fromDraft(fields, { ...draft, fiscalYear: '2017.5' }).errors['fiscalYear']).toBe(
      'Enter a whole number, e.g. 12.',
    );
  });

  it('round-trips a record, and leaves read-only fields out of forms', () => {
    const record = { date: '2017-03-21', amountKhr: 5, fiscalYear: 2017, indicators: ['b'], ok: true };
    const editable = editableFields(fields);
    expect(editable.map((f) => f.name)).not.toContain('victimCaseIds');
    expect(fromDraft(editable, toDraft(editable, record)).data).toEqual(record);
  });

  it('lists the fields that changed between two versions', () => {
    expect(changedFields({ a: 1, b: [1] }, { a: 1, b: [2], c: true }, ['a', 'b'])).toEqual(['b', 'c']);
  });

  it('formats values by kind: money, years, booleans, options, organisations', () => {
    const t = ((key: string, o?: Record<string, unknown>) =>
      key.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(o?.[k]))) as unknown as FormatContext['t'];
    const ctx: FormatContext = {
      t,
      lang: 'en',
      names: { org: (id) => `org:${id}`, province: (c) => `prov:${c}`, country: (c) => c },
    };
    expect(formatValue(fields[1], 'amountKhr', 4_900_000_000, ctx)).toBe('4,900,000,000 riels');
    expect(formatValue(undefined, 'amountUsd', 1_200_000, ctx)).toBe('US$1,200,000');
    expect(formatValue(fields[2], 'fiscalYear', 2017, ctx)).toBe('2017');
    expect(formatValue(undefined, 'debtBondage', true, ctx)).toBe('Yes');
    expect(formatValue({ name: 'sector', kind: 'enum', required: true }, 'sector', 'brick_kiln', ctx)).toBe(
      'Brick kiln',
    );
    expect(formatValue({ name: 'o', kind: 'organisation', required: true }, 'o', 'ncct', ctx)).toBe('org:ncct');
    expect(formatValue(undefined, 'participantsTotal', 1577, ctx)).toBe('1,577');
  });
});

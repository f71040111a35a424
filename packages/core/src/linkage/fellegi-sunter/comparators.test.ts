import { describe, expect, it } from 'vitest';
import {
  birthDateComparator,
  documentComparator,
  familyNameComparator,
  givenNameComparator,
  MISSING,
  placeComparator,
  sexComparator,
  type Comparator,
} from './comparators.ts';
import { parseBirthDate, prepare, type PersonRecord } from './record.ts';

const level = (c: Comparator, a: Partial<PersonRecord>, b: Partial<PersonRecord>): string => {
  const l = c.compare(prepare({ id: 'a', ...a }), prepare({ id: 'b', ...b }));
  return l === MISSING ? 'missing' : c.levels[l]!;
};

describe('name comparators', () => {
  const g = (x: string | null, y: string | null) => level(givenNameComparator, { givenName: x }, { givenName: y });
  it('grades given names', () => {
    expect(g('Sophea', 'sophea')).toBe('exact');
    expect(g('Sophea', 'Sopha')).toBe('folded');
    expect(g('Chanthy', 'Canthy')).toBe('folded');
    expect(g('martha', 'marhta')).toBe('jw>=0.92');
    expect(g('rupert', 'robert')).toBe('phonetic');
    expect(g('dixon', 'dicksonx')).toBe('jw>=0.70');
    expect(g('j', 'john')).toBe('initial');
    expect(g('mary', 'peter')).toBe('else');
    expect(g(null, 'peter')).toBe('missing');
  });
  it('sees a name with a word left out, and syllables written apart or together', () => {
    expect(g('Thi Hoa', 'Hoa')).toBe('part');
    expect(g('Hoa', 'Thị Hoa')).toBe('part');
    expect(g('Minh Hoa', 'Hoa Lan')).not.toBe('part');
    expect(g('Sok Ly', 'Sokly')).toBe('folded');
  });
  it('folds Khmer script and romanisations together', () => {
    expect(g('សុខ', 'Sok')).toBe('folded');
  });
  it('sees given and family names swapped', () => {
    const a = { givenName: 'Dara', familyName: 'Sok' };
    const b = { givenName: 'Sok', familyName: 'Dara' };
    expect(level(givenNameComparator, a, b)).toBe('swapped');
    // Counted once: the family name field then says nothing.
    expect(level(familyNameComparator, a, b)).toBe('missing');
  });
  it('compares one name on each side once, even when the records put it in different fields', () => {
    const given = { givenName: 'Muhammad' };
    const fullName = { fullName: 'Muhammad' }; // a one-word full name is read as the family name
    expect(level(givenNameComparator, given, fullName)).toBe('exact');
    expect(level(givenNameComparator, fullName, given)).toBe('exact');
    expect(level(familyNameComparator, given, fullName)).toBe('missing');
    expect(level(givenNameComparator, { givenName: 'Yuliana' }, { familyName: 'Rina' })).toBe('else');
    // With both names on one side, the fields are compared as they are.
    expect(level(givenNameComparator, { givenName: 'Muhammad', familyName: 'Ali' }, fullName)).toBe('missing');
  });
  it('reads a full name as family name first', () => {
    expect(level(familyNameComparator, { fullName: 'Sok Dara' }, { familyName: 'Sok', givenName: 'Dara' })).toBe(
      'exact',
    );
    expect(level(givenNameComparator, { fullName: 'Sok Dara' }, { familyName: 'Sok', givenName: 'Dara' })).toBe(
      'exact',
    );
  });
});

describe('birth date comparator', () => {
  const d = (x: string | null, y: string | null) => level(birthDateComparator, { birthDate: x }, { birthDate: y });
  it('grades birth dates', () => {
    expect(d('1990-03-04', '1990-03-04')).toBe('exact');
    expect(d('1990-03-04', '1990-04-03')).toBe('day/month swapped');
    expect(d('1990-03-04', '1990-03-07')).toBe('one edit');
    expect(d('1990-03-04', '1909-03-04')).toBe('one edit');
    expect(d('1990', '1990-03-04')).toBe('partial');
    expect(d('1990-03', '1990-03-04')).toBe('partial');
    expect(d('1990-05', '1990-03-04')).toBe('estimate ±1');
    expect(d('1991', '1990-03-04')).toBe('estimate ±1');
    expect(d('1991-03-04', '1990-03-05')).toBe('year ±1');
    expect(d('1992', '1990-03-04')).toBe('estimate ±2');
    expect(d('1988-07', '1990-03-04')).toBe('estimate ±2');
    expect(d('1992-06-14', '1990-03-04')).toBe('else'); // two full dates two years apart
    expect(d('1995-11-20', '1990-03-04')).toBe('else');
    expect(d('', '1990-03-04')).toBe('missing');
  });
  it('rejects dates that cannot be read', () => {
    expect(() => parseBirthDate('1990-02-30')).toThrow(/no day 30/);
    expect(() => parseBirthDate('1990-13')).toThrow(/no month 13/);
    expect(() => parseBirthDate('03/04/1990')).toThrow(/YYYY-MM-DD/);
    expect(() => prepare({ id: 'x', birthDate: '1990-1-1' })).toThrow(/^birth_date: /);
    expect(parseBirthDate('  ')).toBeNull();
  });
});

describe('other comparators', () => {
  it('grades sex, place and document number', () => {
    expect(level(sexComparator, { sex: 'F' }, { sex: 'female' })).toBe('exact');
    expect(level(sexComparator, { sex: 'unknown' }, { sex: 'female' })).toBe('missing');
    expect(level(sexComparator, { sex: 'm' }, { sex: 'female' })).toBe('else');
    expect(level(placeComparator, { place: 'Cleveland 2119' }, { place: 'cleveland 2119' })).toBe('exact');
    expect(level(placeComparator, { place: 'clevelnd 2119' }, { place: 'cleveland 2119' })).toBe('close');
    expect(level(placeComparator, { place: 'marsden 3165' }, { place: 'milton 3165' })).toBe('close');
    expect(level(placeComparator, { place: 'marsden 3165' }, { place: 'granville 4881' })).toBe('else');
    expect(level(documentComparator, { documentNumber: 'N 123-456' }, { documentNumber: 'n123456' })).toBe('exact');
    expect(level(documentComparator, { documentNumber: '1804974' }, { documentNumber: '1809474' })).toBe('one edit');
    expect(level(documentComparator, { documentNumber: '1804974' }, { documentNumber: '6089216' })).toBe('else');
  });
});

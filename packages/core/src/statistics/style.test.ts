import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatYear, notReported, styleFigure, styleValue } from './style.ts';

describe('styleFigure in English: the report’s own sentences', () => {
  it.each([
    [{ 2017: 207, 2016: 53 }, {}, '207 (53 in 2016)'],
    [{ 2017: 129, 2016: 100 }, { qualifier: 'at_least' as const }, 'at least 129 (100 in 2016)'],
    [{ 2017: 70_500, 2016: 55_000 }, { qualifier: 'approximately' as const }, 'approximately 70,500 (55,000 in 2016)'],
    [{ 2017: 6, 2016: 5 }, { of: 9 }, '6 of 9 (5 in 2016)'],
    [
      { 2017: { KHR: 4_900_000_000, USD: 1_200_000 }, 2016: { KHR: 4_000_000_000, USD: 975_000 } },
      {},
      '4.9 billion riels ($1.2 million) (4 billion riels ($975,000) in 2016)',
    ],
    [
      { 2017: 986, 2016: 815 },
      { countries: { 2017: 9, 2016: 11 } },
      '986 from 9 countries (815 from 11 countries in 2016)',
    ],
    [{ 2017: null }, {}, 'not reported'],
    [{ 2017: null, 2016: 7689 }, {}, 'not reported (7,689 in 2016)'],
    [{ 2017: 179, 2016: null }, {}, '179 (not reported in 2016)'],
    [{ 2017: 0 }, {}, '0'],
    [{ 2017: 210_000 }, {}, '210,000'],
    [{ 2017: { trainings: 66, participants: 1577 } }, {}, '66 trainings, 1,577 participants'],
    [{ 2017: { firms_closed: 1, arrests: 3 } }, {}, '1 firm closed, 3 arrests'],
    [{ 2017: { officials: 360, days: 100 } }, {}, '360 officials, 100 days'],
    [{ 2017: { trainings: 4, participants: null } }, {}, '4 trainings, participants not reported'],
    [{ 2017: { boats_inspected: 12 } }, {}, '12 boats inspected'],
    [{ count: 25 }, {}, '25'],
    [{}, {}, 'not reported'],
  ])('%j %j → %s', (values, opts, expected) => {
    expect(styleFigure(values, 2017, 2016, 'en', opts)).toBe(expected);
  });
});

describe('styleFigure in Khmer', () => {
  it.each([
    [{ 2017: 207, 2016: 53 }, {}, '207 (53 ក្នុងឆ្នាំ 2016)'],
    [{ 2017: 129, 2016: 100 }, { qualifier: 'at_least' as const }, 'យ៉ាងហោចណាស់ 129 (100 ក្នុងឆ្នាំ 2016)'],
    [{ 2017: 70_500, 2016: 55_000 }, { qualifier: 'approximately' as const }, 'ប្រមាណ 70,500 (55,000 ក្នុងឆ្នាំ 2016)'],
    [{ 2017: 6, 2016: 5 }, { of: 9 }, '6 ក្នុងចំណោម 9 (5 ក្នុងឆ្នាំ 2016)'],
    [
      { 2017: { KHR: 4_900_000_000, USD: 1_200_000 }, 2016: { KHR: 4_000_000_000, USD: 975_000 } },
      {},
      '4.9 ពាន់លានរៀល (1.2 លានដុល្លារ) (4 ពាន់លានរៀល (975,000 ដុល្លារ) ក្នុងឆ្នាំ 2016)',
    ],
    [{ 2017: 986, 2016: 815 }, { countries: { 2017: 9, 2016: 11 } }, '986 មកពី 9 ប្រទេស (815 មកពី 11 ប្រទេស ក្នុងឆ្នាំ 2016)'],
    [{ 2017: null }, {}, 'មិនបានរាយការណ៍'],
    [{ 2017: null, 2016: 62 }, {}, 'មិនបានរាយការណ៍ (62 ក្នុងឆ្នាំ 2016)'],
    [{ 2017: { trainings: 66, participants: 1577 } }, {}, 'វគ្គបណ្ដុះបណ្ដាល 66 វគ្គ, អ្នកចូលរួម 1,577 នាក់'],
    [{ 2017: { officials: 360, days: 100 } }, {}, 'មន្ត្រី 360 នាក់, 100 ថ្ងៃ'],
  ])('%j %j → %s', (values, opts, expected) => {
    expect(styleFigure(values, 2017, 2016, 'km', opts)).toBe(expected);
  });

  it('writes Khmer digits on request, with the Khmer grouping, and never groups a year', () => {
    expect(styleFigure({ 2017: 1577, 2016: 53 }, 2017, 2016, 'km', { numerals: 'khmr' })).toBe(
      '១.៥៧៧ (៥៣ ក្នុងឆ្នាំ ២០១៦)',
    );
    expect(formatYear(2016, 'km', 'khmr')).toBe('២០១៦');
    expect(formatYear(2016, 'en', 'khmr')).toBe('2016'); // numerals only apply to Khmer
  });
});

describe('the helpers', () => {
  it('formats counts, money and "not reported"', () => {
    expect(formatCount(1577, 'en')).toBe('1,577');
    expect(formatCount(1577, 'km')).toBe('1,577');
    expect(formatMoney(975_000, 'USD', 'en')).toBe('$975,000');
    expect(formatMoney(1_250_000, 'USD', 'en')).toBe('$1.25 million');
    expect(formatMoney(2_000_000, 'XTS', 'en')).toBe('2 million XTS');
    expect(formatMoney(2_000_000, 'XTS', 'km')).toBe('2 លាន XTS');
    expect(formatMoney(975_000, 'KHR', 'km')).toBe('975,000 រៀល');
    expect(notReported('en')).toBe('not reported');
    expect(notReported('km')).toBe('មិនបានរាយការណ៍');
  });

  it('styles one year with "of" and a qualifier together, and money with a missing currency', () => {
    expect(styleValue(6, 'en', { of: 9, qualifier: 'at_least' })).toBe('at least 6 of 9');
    expect(styleValue({ KHR: null, USD: 5 }, 'en')).toBe('$5');
    expect(styleValue({ KHR: null, USD: null }, 'en')).toBe('not reported');
    expect(styleValue(undefined, 'km')).toBe('មិនបានរាយការណ៍');
  });

  it('reads "of" and "countries" from an indicator context by year', () => {
    const context = { 2017: { of: 9 }, 2016: { of: 9 } };
    expect(styleFigure({ 2017: 6, 2016: 5 }, 2017, 2016, 'en', { context })).toBe('6 of 9 (5 in 2016)');
    const countries = { 2017: { countries: 9 }, 2016: { countries: 11 } };
    expect(styleFigure({ 2017: 986, 2016: 815 }, 2017, 2016, 'en', { context: countries })).toBe(
      '986 from 9 countries (815 from 11 countries in 2016)',
    );
  });

  it('takes extra named counts from the caller', () => {
    const units = { boats: { en: ['boat', 'boats'], km: 'ទូក {n} គ្រឿង', kmNoun: 'ទូក' } } as const;
    expect(styleFigure({ 2017: { boats: 1 } }, 2017, 2016, 'en', { units })).toBe('1 boat');
    expect(styleFigure({ 2017: { boats: 4 } }, 2017, 2016, 'km', { units })).toBe('ទូក 4 គ្រឿង');
  });
});

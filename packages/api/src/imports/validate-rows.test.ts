import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { field, REGISTERS, type FieldSpec, type RegisterDefinition } from '@ctis/core';
import { loadCountryConfigFile } from '../config-file.ts';
import { cellValue } from './cells.ts';
import { readSpreadsheet } from './parse.ts';
import { columnLetter, validateRows } from './validate-rows.ts';

const config = loadCountryConfigFile(fileURLToPath(new URL('../../../../config/countries/KHM.json', import.meta.url)));
const KHMER = 'ការបណ្តុះបណ្តាលស្តីពីការជួញដូរមនុស្ស';
const HEADER = 'organiserOrganisationId,date,province,topic,audience,participantsFemale,participantsMale';

/** Reads a CSV text as an upload would be read, then checks it against a register. */
async function csv(text: string, def: RegisterDefinition = REGISTERS.trainings) {
  return validateRows(def, await readSpreadsheet(Buffer.from(text, 'utf8'), 'csv'), config);
}
const errorsOf = (r: Awaited<ReturnType<typeof csv>>) => {
  if (r.ok) throw new Error('expected errors, the file was accepted');
  return r.errors;
};

describe('validateRows: whole files', () => {
  it('a good trainings file: every row a checked record, derived fields added, Khmer kept', async () => {
    const r = await csv(
      `${HEADER}\r\n` +
        `ncct,2017-03-21,KH-12,"${KHMER}",law_enforcement,6,19\r\n` +
        `pctc-battambang,2017-04-02,,Safe migration,teachers_education_officials,"1,204",៣៥\r\n`,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.records).toEqual([
      {
        organiserOrganisationId: 'ncct',
        date: '2017-03-21',
        province: 'KH-12',
        topic: KHMER,
        audience: 'law_enforcement',
        participantsFemale: 6,
        participantsMale: 19,
        participantsTotal: 25,
      },
      {
        organiserOrganisationId: 'pctc-battambang',
        date: '2017-04-02',
        topic: 'Safe migration',
        audience: 'teachers_education_officials',
        participantsFemale: 1204,
        participantsMale: 35,
        participantsTotal: 1239,
      },
    ]);
  });

  it('one bad row: the row (as the spreadsheet numbers it) and the column, nothing else', async () => {
    const r = await csv(
      `${HEADER}\n` +
        'ncct,2017-03-21,KH-12,Victim identification,law_enforcement,6,19\n' +
        'ncct,2017-03-22,KH-12,Victim identification,law_enforcement,4,abc\n' +
        'ncct,2017-03-23,KH-12,Victim identification,law_enforcement,5,7\n',
    );
    expect(r).toEqual({
      ok: false,
      errors: [{ row: 3, column: 'participantsMale', message: 'is not a number' }],
      total: 1,
    });
  });

  it('reports every error of every row: types, configuration, enums, required cells, cross-field rules', async () => {
    const errors = errorsOf(
      await csv(
        `${HEADER}\n` +
          'ncct,2017-02-30,KH-12,Topic,law_enforcement,1,2\n' + // row 2: no such day
          'ncct,2017-03-01,KH-12,Topic,pilots,1.5,-2\n' + // row 3: three problems of type
          ',2017-03-01,KH-12,,law_enforcement,1,2\n' + // row 4: two required cells empty
          'nobody,2017-03-01,KH-99,Topic,law_enforcement,1,2\n' + // row 5: not in the configuration
          'moi,2017-03-01,KH-12,Topic,law_enforcement,1,2\n', // row 6: fine
      ),
    );
    const at = (row: number) =>
      errors
        .filter((e) => e.row === row)
        .map((e) => e.column)
        .sort();
    expect(at(2)).toEqual(['date']);
    expect(at(3)).toEqual(['audience', 'participantsFemale', 'participantsMale']);
    expect(at(4)).toEqual(['organiserOrganisationId', 'topic']);
    expect(at(5)).toEqual(['organiserOrganisationId', 'province']);
    expect(at(6)).toEqual([]);
    const message = (row: number, column: string) => errors.find((e) => e.row === row && e.column === column)!.message;
    expect(message(2, 'date')).toContain('YYYY-MM-DD');
    expect(message(3, 'audience')).toContain('is not one of: law_enforcement');
    expect(message(3, 'participantsFemale')).toBe('is not a whole number');
    expect(message(3, 'participantsMale')).toBe('is less than 0');
    expect(message(4, 'topic')).toBe('is empty — this column is required');
    expect(message(5, 'organiserOrganisationId')).toContain('"nobody"');
    expect(message(5, 'province')).toContain('"KH-99"');

    const campaigns = errorsOf(
      await csv(
        'organiserOrganisationId,startDate,endDate,audience,channel,target,reach\n' +
          'ncct,2017-05-10,2017-05-01,migrant_workers,radio,safe_migration,1000\n',
        REGISTERS.campaigns,
      ),
    );
    expect(campaigns).toEqual([{ row: 2, column: 'endDate', message: expect.stringContaining('is before startDate') }]);
  });

  it('unknown, repeated, computed, read-only and missing columns: errors on row 1 naming the column', async () => {
    const errors = errorsOf(
      await csv(
        'organiserOrganisationId,date,province,topic,audiance,participantsFemale,participantsTotal,date\n' +
          'ncct,2017-03-21,KH-12,Topic,law_enforcement,6,25,2017-03-21\n',
      ),
    );
    expect(errors.every((e) => e.row === 1)).toBe(true);
    const by = Object.fromEntries(errors.map((e) => [e.column, e.message]));
    expect(Object.keys(by).sort()).toEqual(
      ['audiance', 'audience', 'date', 'participantsMale', 'participantsTotal'].sort(),
    );
    expect(by['audiance']).toContain('is not a column of trainings');
    expect(by['audience']).toContain('is missing');
    expect(by['participantsMale']).toContain('is missing');
    expect(by['participantsTotal']).toContain('computed');
    expect(by['date']).toContain('columns B and H');

    const inspections = errorsOf(
      await csv(
        'inspectorOrganisationId,date,province,sector,indicators,workersInterviewed,outcome,victimCaseIds\n',
        REGISTERS.inspections,
      ),
    );
    expect(inspections).toEqual([{ row: 1, column: 'victimCaseIds', message: expect.stringContaining('one-step') }]);
  });

  it('an optional column may be left out; columns in any order', async () => {
    const r = await csv(
      'participantsMale,participantsFemale,audience,topic,date,organiserOrganisationId\n' +
        '3,4,ngo_workers,Outreach,2017-06-01,chab-dai\n',
    );
    expect(r.ok && r.records[0]).toMatchObject({ organiserOrganisationId: 'chab-dai', participantsTotal: 7 });
  });

  it('lists split on ";": each item checked, the item named', async () => {
    const head = 'inspectorOrganisationId,date,province,sector,indicators,workersInterviewed,outcome\n';
    const good = await csv(
      `${head}mlvt-labour-inspection,2017-08-09,KH-8,brick_kiln,advance_payment_debt; children_working ;,14,referred_protection\n`,
      REGISTERS.inspections,
    );
    expect(good.ok && good.records[0]).toMatchObject({
      indicators: ['advance_payment_debt', 'children_working'],
      debtBondage: true,
    });
    const bad = errorsOf(
      await csv(
        `${head}mlvt-labour-inspection,2017-08-09,KH-8,brick_kiln,children_working;transshipment_at_sea,14,warning\n`,
        REGISTERS.inspections,
      ),
    );
    expect(bad).toEqual([
      { row: 2, column: 'indicators', message: 'item 2: "transshipment_at_sea" is not on the brick_kiln checklist' },
    ]);
    const screenings = await csv(
      'missionOrganisationId,date,riskIndicators,outcome\nmfaic-consular,2017-01-05,broker_arranged;large_age_gap,counselled\n',
      REGISTERS.visa_screenings,
    );
    expect(screenings.ok && screenings.records[0]!['riskIndicators']).toEqual(['broker_arranged', 'large_age_gap']);
  });

  it('amounts with thousands separators and decimals; budgets get their dollar value', async () => {
    const r = await csv(
      'bodyOrganisationId,fiscalYear,amountKhr,exchangeRateKhrPerUsd,purpose\n' +
        'ncct,2017,"4,900,000,000",4083.5,National action plan\n',
      REGISTERS.budgets,
    );
    expect(r.ok && r.records[0]).toMatchObject({ fiscalYear: 2017, amountKhr: 4_900_000_000, amountUsd: 1_199_951 });
  });

  it('blank rows are skipped but keep the numbering; a value under no column name is an error', async () => {
    const r = await csv(
      `${HEADER}\n\nncct,2017-03-21,KH-12,Topic,law_enforcement,6,19\n,,,,,,\nncct,2017-03-21,KH-12,Topic,law_enforcement,6,x,stray\n`,
    );
    expect(errorsOf(r)).toEqual([
      { row: 5, column: 'column H', message: expect.stringContaining('no column name') },
      { row: 5, column: 'participantsMale', message: 'is not a number' },
    ]);
  });

  it('an empty file, a header with no rows: errors saying so', async () => {
    expect(errorsOf(await csv(''))).toEqual([{ row: 1, column: '', message: expect.stringContaining('empty') }]);
    expect(errorsOf(await csv(`${HEADER}\r\n\r\n`))).toEqual([
      { row: 2, column: '', message: 'there are no records below the header row' },
    ]);
  });

  it('lists at most 200 errors, and counts them all', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `ncct,2017-03-21,KH-12,Topic ${i},law_enforcement,x,1`);
    const r = await csv(`${HEADER}\n${rows.join('\n')}\n`);
    if (r.ok) throw new Error('accepted');
    expect(r.total).toBe(300);
    expect(r.errors).toHaveLength(200);
    expect(r.errors[199]).toEqual({ row: 201, column: 'participantsFemale', message: 'is not a number' });
  });

  it('an XLSX: date cells, number cells, text dates, and one bad row named', async () => {
    const day = (d: number) => ({ value: new Date(Date.UTC(2017, 6, d)), type: Date, format: 'dd/mm/yyyy' });
    const xlsx = await writeXlsxFile([
      HEADER.split(','),
      ['ncct', day(3), 'KH-2', KHMER, 'judicial_staff', 11, 30],
      ['moj', '2017-07-04', null, 'Trial procedure', 'judicial_staff', '2', 9],
      ['moj', day(5), 'KH-2', 'Trial procedure', 'judicial_staff', 2, day(6)],
    ] as SheetData).toBuffer();
    const sheet = await readSpreadsheet(xlsx, 'xlsx');
    const bad = validateRows(REGISTERS.trainings, sheet, config);
    expect(bad).toEqual({
      ok: false,
      errors: [{ row: 4, column: 'participantsMale', message: 'is a date, not a number' }],
      total: 1,
    });
    const good = validateRows(REGISTERS.trainings, { ...sheet, rows: sheet.rows.slice(0, 2) }, config);
    expect(good.ok && good.records).toEqual([
      expect.objectContaining({ date: '2017-07-03', topic: KHMER, participantsTotal: 41 }),
      expect.objectContaining({ date: '2017-07-04', participantsFemale: 2, participantsTotal: 11 }),
    ]);
  });

  // Its speed is measured by scripts/bench-register-import.ts, not asserted here.
  it('checks a sheet of 100,000 rows whole', async () => {
    const row = 'ncct,2017-03-21,KH-12,Victim identification,law_enforcement,6,19';
    const sheet = await readSpreadsheet(Buffer.from(`${HEADER}\n${`${row}\n`.repeat(100_000)}`), 'csv');
    const r = validateRows(REGISTERS.trainings, sheet, config);
    expect(r.ok && r.records.length).toBe(100_000);
  }, 60_000);
});

describe('cellValue: by field kind', () => {
  const spec = (kind: FieldSpec['kind']): FieldSpec => ({ name: 'x', kind, required: false });
  const value = (kind: FieldSpec['kind'], cell: Parameters<typeof cellValue>[1]) => {
    const r = cellValue(spec(kind), cell);
    return r.ok ? r.value : `ERROR ${r.message}`;
  };

  it('empty cells are absent', () => {
    for (const kind of ['text', 'integer', 'date', 'enumList', 'boolean'] as const) {
      expect(value(kind, null)).toBeUndefined();
      expect(value(kind, '   ')).toBeUndefined();
    }
  });

  it('numbers', () => {
    expect(value('integer', ' 42 ')).toBe(42);
    expect(value('amount', '1,577')).toBe(1577);
    expect(value('decimal', '4083.5')).toBe(4083.5);
    expect(value('decimal', '.5')).toBe(0.5);
    expect(value('integer', '១៥៧៧')).toBe(1577);
    expect(value('year', 2017)).toBe(2017);
    for (const bad of ['abc', '12abc', '0x10', '1,57', '', 'Infinity'])
      if (bad) expect(value('integer', bad)).toBe('ERROR is not a number');
    expect(value('year', new Date(Date.UTC(2017, 0, 1)))).toMatch(/^ERROR is a date/);
    expect(value('integer', true)).toBe('ERROR is not a number');
  });

  it('booleans: true/false/yes/no/1/0, any case; boolean and 0/1 number cells', () => {
    for (const t of ['true', 'TRUE', 'Yes', 'y'.replace('y', 'yes'), '1']) expect(value('boolean', t)).toBe(true);
    for (const f of ['false', 'False', 'NO', '0']) expect(value('boolean', f)).toBe(false);
    expect(value('boolean', true)).toBe(true);
    expect(value('boolean', 0)).toBe(false);
    expect(value('boolean', 'maybe')).toMatch(/^ERROR is not yes or no/);
    expect(value('boolean', 2)).toMatch(/^ERROR is not yes or no/);
  });

  it('dates: date cells as the date they show, text as written (midnight times dropped)', () => {
    expect(value('date', new Date(Date.UTC(2017, 2, 21)))).toBe('2017-03-21');
    expect(value('date', new Date(Date.UTC(2017, 2, 21, 15, 30)))).toBe('2017-03-21');
    expect(value('date', '2017-03-21')).toBe('2017-03-21');
    expect(value('date', '2017-03-21 00:00:00')).toBe('2017-03-21');
    expect(value('date', '21/03/2017')).toBe('21/03/2017'); // the register's schema says how to write it
    expect(value('date', 42815)).toMatch(/^ERROR is a number, not a date/);
    expect(value('date', new Date(NaN))).toBe('ERROR is not a valid date');
  });

  it('lists split on ";", trimmed, empty items dropped', () => {
    expect(value('enumList', 'a; b ;;c;')).toEqual(['a', 'b', 'c']);
    expect(value('provinceList', 'KH-1')).toEqual(['KH-1']);
    expect(value('idList', ';')).toEqual([]);
  });

  it('text: trimmed; number and date cells as text', () => {
    expect(value('text', `  ${KHMER}  `)).toBe(KHMER);
    expect(value('text', 12345)).toBe('12345');
    expect(value('country', 'THA')).toBe('THA');
    expect(value('text', new Date(Date.UTC(2017, 0, 2)))).toBe('2017-01-02');
  });

  it('a register with a boolean field: yes/no cells become booleans in the record', async () => {
    const def: RegisterDefinition = {
      ...REGISTERS.border_passes,
      fields: [...REGISTERS.border_passes.fields, field.boolean('estimated', false)],
    };
    const r = await csv(
      'crossing,periodStart,periodEnd,issued,estimated\n' +
        'Poipet,2017-01-01,2017-12-31,"120,000",yes\n' +
        'Bavet,2017-01-01,2017-12-31,"90,000",0\n',
      def,
    );
    expect(r.ok && r.records.map((x) => x['estimated'])).toEqual([true, false]);
  });

  it('column letters', () => {
    expect([0, 7, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'H', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

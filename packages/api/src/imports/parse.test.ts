import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { HttpProblem } from '../problem.ts';
import { MAX_ROWS, readSpreadsheet, zipUncompressedSize, type SpreadsheetFormat } from './parse.ts';

const KHMER = 'ការបណ្តុះបណ្តាលស្តីពីការជួញដូរមនុស្ស';

/** The 400 problem a bad file gives. */
async function refusal(bytes: Buffer, format: SpreadsheetFormat) {
  const err = await readSpreadsheet(bytes, format).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpProblem);
  const p = (err as HttpProblem).problem;
  expect(p.status).toBe(400);
  expect(p.code).toBe('invalid_spreadsheet');
  return p;
}

describe('readSpreadsheet: CSV', () => {
  it('reads UTF-8 with a byte-order mark, CRLF, quoted fields and Khmer text', async () => {
    const csv =
      '\ufeff topic ,date,participantsMale\r\n' +
      `"${KHMER}",2017-03-21,12\r\n` +
      '"Safe migration, ""the basics""",2017-04-02,\r\n' +
      '"two\r\nlines",2017-05-01,3\r\n';
    const sheet = await readSpreadsheet(Buffer.from(csv, 'utf8'), 'csv');
    expect(sheet.header).toEqual(['topic', 'date', 'participantsMale']);
    expect(sheet.rows).toEqual([
      [KHMER, '2017-03-21', '12'],
      ['Safe migration, "the basics"', '2017-04-02', null],
      ['two\r\nlines', '2017-05-01', '3'],
    ]);
  });

  it('reads semicolon- or tab-separated files (spreadsheet programs in some locales save them so)', async () => {
    for (const sep of [';', '\t']) {
      const sheet = await readSpreadsheet(Buffer.from(`a${sep}b\n1${sep}x, y\n`), 'csv');
      expect(sheet).toEqual({ header: ['a', 'b'], rows: [['1', 'x, y']] });
    }
  });

  it('keeps empty lines and ragged rows, so row numbers match the file', async () => {
    const sheet = await readSpreadsheet(Buffer.from('a,b\n1,2\n\n3\n"x\n\ny",\n\n\n4,5,6\n'), 'csv');
    expect(sheet.rows).toEqual([['1', '2'], [], ['3'], ['x\n\ny', null], [], [], ['4', '5', '6']]);
    const late = await readSpreadsheet(Buffer.from('\r\na,b\r\n1,2\r\n'), 'csv');
    expect(late).toEqual({
      header: [],
      rows: [
        ['a', 'b'],
        ['1', '2'],
      ],
    });
  });

  it('refuses more rows than one import takes', async () => {
    const p = await refusal(Buffer.from(`a,b\n${'1,2\n'.repeat(MAX_ROWS + 1)}`), 'csv');
    expect(p.detail).toContain('split it');
  });

  it('an empty file has no header and no rows', async () => {
    expect(await readSpreadsheet(Buffer.alloc(0), 'csv')).toEqual({ header: [], rows: [] });
  });

  it('refuses what is not CSV text, saying what it is', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    expect((await refusal(png, 'csv')).detail).toMatch(/not UTF-8 text|binary/);
    const xlsx = await writeXlsxFile([['a'], ['b']]).toBuffer();
    expect((await refusal(xlsx, 'csv')).detail).toContain('XLSX');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\r\n', 'utf16le')]);
    expect((await refusal(utf16, 'csv')).detail).toContain('UTF-16');
    const broken = await refusal(Buffer.from('a,b\n"open,2\n'), 'csv');
    expect(broken.title).toBe('Not a readable CSV file');
    expect(broken.detail).toMatch(/quote/i);
  });
});

describe('readSpreadsheet: XLSX', () => {
  it('reads the first sheet: text (Khmer), numbers, booleans and date cells', async () => {
    const xlsx = await writeXlsxFile([
      {
        sheet: 'Trainings',
        data: [
          ['topic', 'date', 'participantsMale', 'certified', 'empty'],
          [KHMER, { value: new Date(Date.UTC(2017, 2, 21)), type: Date, format: 'yyyy-mm-dd' }, 12, true, null],
        ],
      },
      { sheet: 'Notes', data: [['second sheet']] },
    ]).toBuffer();
    const sheet = await readSpreadsheet(xlsx, 'xlsx');
    expect(sheet.header).toEqual(['topic', 'date', 'participantsMale', 'certified', 'empty']);
    expect(sheet.rows).toHaveLength(1);
    const [topic, date, male, certified] = sheet.rows[0]!;
    expect(topic).toBe(KHMER);
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe('2017-03-21T00:00:00.000Z');
    expect(male).toBe(12);
    expect(certified).toBe(true);
  });

  it('refuses what is not an XLSX workbook, saying what it is', async () => {
    expect((await refusal(Buffer.from('topic,date\nx,2017-01-01\n'), 'xlsx')).detail).toContain('CSV');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await refusal(png, 'xlsx')).detail).toContain('not an XLSX workbook');
    const xlsx = await writeXlsxFile([['a'], ['b']]).toBuffer();
    expect((await refusal(xlsx.subarray(0, xlsx.length - 30), 'xlsx')).detail).toContain('damaged');
    const xls = Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex');
    expect((await refusal(xls, 'xlsx')).detail).toContain('97–2003');
    expect((await refusal(Buffer.alloc(0), 'xlsx')).title).toBe('Not a readable XLSX file');
  });

  it('reads the unpacked size from the ZIP directory (refusing archives that unpack to too much)', async () => {
    const xlsx = await writeXlsxFile([['a'], ['b']]).toBuffer();
    const size = zipUncompressedSize(xlsx);
    expect(size).toBeGreaterThan(xlsx.length);
    expect(zipUncompressedSize(Buffer.from('not a zip at all'))).toBeNull();
  });
});

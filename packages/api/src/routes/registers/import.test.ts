import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
/** NCCT secretariat (a national committee): may record trainings. */
let secretariat: Session;
/** MFAIC consular department: holds register.write, but a consulate does not record trainings. */
let consular: Session;
/** DoSAVY: no register action at all. */
let socialWorker: Session;

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const KHMER = 'វគ្គបណ្តុះបណ្តាលស្តីពីការកំណត់អត្តសញ្ញាណជនរងគ្រោះ';
const HEADER = [
  'organiserOrganisationId',
  'date',
  'province',
  'topic',
  'audience',
  'participantsFemale',
  'participantsMale',
];

beforeAll(async () => {
  t = await createTestApp();
  secretariat = await t.login('secretariat_officer');
  consular = await t.login('consular_officer');
  socialWorker = await t.login('social_worker');
});
afterAll(async () => t.close());

function upload(s: Session | null, register: string, body: Buffer | string, type = CSV) {
  return t.app.inject({
    method: 'POST',
    url: `/api/registers/${register}/import`,
    headers: { ...(s?.headers ?? {}), 'content-type': type },
    payload: body,
  });
}

/** What an import may have written, counted. */
async function stored() {
  const count = async (table: 'register_records' | 'register_record_events' | 'register_imports') =>
    Number(
      (
        await t.t.owner
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    records: await count('register_records'),
    events: await count('register_record_events'),
    imports: await count('register_imports'),
  };
}

const trainingsCsv = (rows: string[]) => `\ufeff${HEADER.join(',')}\r\n${rows.map((r) => `${r}\r\n`).join('')}`;
const GOOD_ROWS = [
  `ncct,2017-03-21,KH-12,"${KHMER}",law_enforcement,6,19`,
  'ncct,2017-04-02,KH-1,"Safe migration, for teachers",teachers_education_officials,"1,204",380',
  'pctc-battambang,2017-05-10,,Judicial procedure,judicial_staff,3,9',
];

describe('POST /api/registers/:register/import: who may', () => {
  it('401 without a session; 403 without register.write; 404 for an unknown register', async () => {
    const body = trainingsCsv(GOOD_ROWS);
    expect((await upload(null, 'trainings', body)).statusCode).toBe(401);
    const denied = await upload(socialWorker, 'trainings', body);
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    const unknown = await upload(secretariat, 'unicorns', body);
    expect(unknown.statusCode, unknown.body).toBe(404);
    expect(unknown.json().detail).toContain('unicorns');
  });

  it('403 when the organisation does not record that register (a consulate and trainings), audited; nothing stored', async () => {
    const before = await stored();
    const res = await upload(consular, 'trainings', trainingsCsv(GOOD_ROWS));
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().code).toBe('forbidden');
    const denial = await t.t.owner
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'register.write')
      .where('outcome', '=', 'denied')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(denial).toMatchObject({ resource_type: 'register:trainings', actor_organisation_id: 'mfaic-consular' });
    expect(await stored()).toEqual(before);
  });
});

describe('POST /api/registers/:register/import: documented', () => {
  it('is in the OpenAPI document', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/registers/{register}/import'].post).toMatchObject({ tags: ['registers'] });
  });
});

describe('POST /api/registers/:register/import: CSV', () => {
  it('imports every row of a good file in one audited import; the records carry the import id', async () => {
    const body = trainingsCsv(GOOD_ROWS);
    const before = await stored();
    const res = await upload(secretariat, 'trainings', body);
    expect(res.statusCode, res.body).toBe(201);
    const { importId, rows } = res.json() as { importId: string; rows: number };
    expect(rows).toBe(3);
    expect(await stored()).toEqual({
      records: before.records + 3,
      events: before.events + 3,
      imports: before.imports + 1,
    });

    const records = await t.t.owner
      .selectFrom('register_records')
      .selectAll()
      .where('import_id', '=', importId)
      .orderBy('id')
      .execute();
    expect(records.map((r) => [r.register, r.organisation_id, r.province, r.label, r.version])).toEqual([
      ['trainings', 'ncct', 'KH-12', 'N', 1],
      ['trainings', 'ncct', 'KH-1', 'N', 1],
      ['trainings', 'ncct', null, 'N', 1],
    ]);
    expect(records.map((r) => r.data)).toEqual([
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
      expect.objectContaining({
        topic: 'Safe migration, for teachers',
        participantsFemale: 1204,
        participantsTotal: 1584,
      }),
      expect.objectContaining({ organiserOrganisationId: 'pctc-battambang', participantsTotal: 12 }),
    ]);
    const events = await t.t.owner
      .selectFrom('register_record_events')
      .select(['kind', 'seq'])
      .where(
        'record_id',
        'in',
        records.map((r) => r.id),
      )
      .execute();
    expect(events).toEqual(Array.from({ length: 3 }, () => ({ kind: 'imported', seq: 1 })));

    const sha256 = createHash('sha256').update(Buffer.from(body, 'utf8')).digest('hex');
    const imp = await t.t.owner
      .selectFrom('register_imports')
      .selectAll()
      .where('id', '=', importId)
      .executeTakeFirstOrThrow();
    expect(imp).toMatchObject({ register: 'trainings', organisation_id: 'ncct', format: 'csv', sha256, rows: 3 });
    const audit = await t.t.owner
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'register.import')
      .where('resource_id', '=', importId)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      outcome: 'allowed',
      resource_type: 'register:trainings',
      actor_organisation_id: 'ncct',
    });
    expect(audit.details).toEqual({ rows: 3, format: 'csv', sha256 });
    // The records are the register's like any other: listed to their organisation.
    const list = await t.app.inject({ url: '/api/registers/trainings', headers: secretariat.headers });
    expect(list.json().records.map((r: { data: { topic: string } }) => r.data.topic)).toContain(KHMER);
  });

  it('one bad row: 400 naming its row and column, and nothing imported', async () => {
    const before = await stored();
    const rows = [...GOOD_ROWS];
    rows[1] = 'ncct,2017-04-02,KH-1,Safe migration,teachers_education_officials,12,abc';
    const res = await upload(secretariat, 'trainings', trainingsCsv(rows));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json();
    expect(p).toMatchObject({
      status: 400,
      code: 'invalid_import',
      total: 1,
      errors: [{ row: 3, column: 'participantsMale', message: 'is not a number' }],
    });
    expect(p.detail).toContain('row 3, participantsMale');
    expect(await stored()).toEqual(before);
  });

  it('header errors (an unknown column, a missing required one) are on row 1; nothing imported', async () => {
    const before = await stored();
    const res = await upload(
      secretariat,
      'trainings',
      'organiserOrganisationId,date,topic,audience,participantsFemale,participantsMale,venue\nncct,2017-01-01,T,ngo_workers,1,2,Hall\n'.replace(
        'audience,',
        '',
      ),
    );
    expect(res.statusCode, res.body).toBe(400);
    const errors = res.json().errors as { row: number; column: string }[];
    expect(errors.map((e) => [e.row, e.column]).sort()).toEqual([
      [1, 'audience'],
      [1, 'venue'],
    ]);
    expect(await stored()).toEqual(before);
  });

  it('accepts a charset parameter and files over the server-wide 1 MiB limit', async () => {
    // Two records followed by ~1.6 MiB of empty rows, as spreadsheet programs save them (skipped).
    const body = trainingsCsv(GOOD_ROWS.slice(0, 2)) + ',,,,,,\r\n'.repeat(200_000);
    expect(body.length).toBeGreaterThan(1_500_000);
    const res = await upload(secretariat, 'trainings', body, 'text/csv; charset=utf-8');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().rows).toBe(2);
  });

  it('not a spreadsheet: 400 saying what is wrong; an unsupported content type: 415', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const asCsv = await upload(secretariat, 'trainings', png);
    expect(asCsv.statusCode, asCsv.body).toBe(400);
    expect(asCsv.json()).toMatchObject({ code: 'invalid_spreadsheet', title: 'Not a readable CSV file' });
    const asXlsx = await upload(secretariat, 'trainings', png, XLSX);
    expect(asXlsx.statusCode, asXlsx.body).toBe(400);
    expect(asXlsx.json().detail).toContain('not an XLSX workbook');
    const empty = await upload(secretariat, 'trainings', '');
    expect(empty.statusCode, empty.body).toBe(400);
    expect(empty.json().errors).toEqual([{ row: 1, column: '', message: expect.stringContaining('empty') }]);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/registers/trainings/import',
      headers: secretariat.headers,
      payload: { topic: 'x' },
    });
    expect(json.statusCode, json.body).toBe(415);
  });
});

describe('POST /api/registers/:register/import: XLSX', () => {
  const date = (d: number) => ({ value: new Date(Date.UTC(2017, 8, d)), type: Date, format: 'dd/mm/yyyy' });
  const workbook = (participantsMale: unknown) =>
    writeXlsxFile([
      HEADER,
      ['ncct', date(4), 'KH-17', KHMER, 'commune_provincial_officials', 14, 22],
      ['ncct', date(5), 'KH-17', 'Referral', 'commune_provincial_officials', 8, participantsMale],
      ['ncct', '2017-09-06', null, 'Referral', 'ngo_workers', 1, 2],
    ] as SheetData).toBuffer();

  it('imports a workbook (date cells, number cells, Khmer text)', async () => {
    const before = await stored();
    const bytes = await workbook(31);
    const res = await upload(secretariat, 'trainings', bytes, XLSX);
    expect(res.statusCode, res.body).toBe(201);
    const { importId } = res.json();
    expect(res.json().rows).toBe(3);
    expect((await stored()).records).toBe(before.records + 3);
    const records = await t.t.owner
      .selectFrom('register_records')
      .select('data')
      .where('import_id', '=', importId)
      .orderBy('id')
      .execute();
    const data = records.map((r) => r.data as Record<string, unknown>);
    expect(data.map((d) => [d['date'], d['participantsTotal']])).toEqual([
      ['2017-09-04', 36],
      ['2017-09-05', 39],
      ['2017-09-06', 3],
    ]);
    expect(data[0]!['topic']).toBe(KHMER);
    const imp = await t.t.owner
      .selectFrom('register_imports')
      .select(['format', 'sha256'])
      .where('id', '=', importId)
      .executeTakeFirstOrThrow();
    expect(imp).toEqual({ format: 'xlsx', sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it('one bad row: 400 naming its row and column, and nothing imported', async () => {
    const before = await stored();
    const res = await upload(secretariat, 'trainings', await workbook('abc'), XLSX);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({
      total: 1,
      errors: [{ row: 3, column: 'participantsMale', message: 'is not a number' }],
    });
    expect(await stored()).toEqual(before);
  });
});

describe('POST /api/registers/:register/import: over HTTP', () => {
  it('a 10,000-row CSV (1.1 MiB) sent to a listening server is imported', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const rows = Array.from(
      { length: 10_000 },
      (_, i) =>
        `ncct,2017-${String((i % 12) + 1).padStart(2, '0')}-15,KH-12,"${KHMER} ${i}",law_enforcement,${i % 9},${i % 13}`,
    );
    const body = Buffer.from(trainingsCsv(rows), 'utf8');
    expect(body.length).toBeGreaterThan(1_048_576);
    const before = await stored();
    const res = await fetch(`http://127.0.0.1:${port}/api/registers/trainings/import`, {
      method: 'POST',
      headers: { ...secretariat.headers, 'content-type': 'text/csv; charset=utf-8' },
      body,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as { rows: number }).rows).toBe(10_000);
    expect((await stored()).records).toBe(before.records + 10_000);
  });
});

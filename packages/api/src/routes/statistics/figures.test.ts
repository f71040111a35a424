import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import { consent, get, openCase, recordOk, referral } from '../cases/case-test-kit.ts';

/**
 * The DOMAIN.md figures added last — where victims were identified, to whom they were referred,
 * recruitment licences in force at the year end — computed from records made through the API and
 * shown in the annual report (JSON, HTML, CSV).
 */
let t: TestApp;
let analyst: Session;

interface Figure {
  id: string;
  values: Record<string, unknown>;
  breakdowns?: Record<string, Record<string, number>>;
  style: { en: string; km: string };
  indicator: { id: string; version: number };
}

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.login('national_analyst');
  const socialWorker = await t.login('social_worker');
  const owner = t.accounts.find((a) => a.role === 'social_worker')!.organisationId;
  // A victim identified at a shelter intake in 2017, referred to an NGO.
  const c = await openCase(t, socialWorker, { occurredOn: '2017-03-21' });
  await recordOk(t, socialWorker, c.id, consent('2017-03-22'));
  await recordOk(t, socialWorker, c.id, referral('2017-03-23', owner, 'chab-dai'));
  // Recruitment agencies: one licensed 2016–2019, one whose licence expired in mid-2017.
  const inspector = await t.login('labour_inspector');
  for (const data of [
    { licenceStatus: 'licensed', licenceNumber: 'L-1', licenceValidFrom: '2016-01-01', licenceValidTo: '2019-12-31' },
    { licenceStatus: 'expired', licenceNumber: 'L-2', licenceValidFrom: '2015-01-01', licenceValidTo: '2017-06-30' },
  ]) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/registers/recruitment_agencies',
      headers: inspector.headers,
      payload: { name: `Agency ${data.licenceNumber}`, province: 'KH-12', ...data },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}, 120_000);
afterAll(async () => t.close());

describe('where identified, referred to whom, licences in force: in the annual report', () => {
  let figures: Figure[];
  const figure = (id: string) => figures.find((f) => f.id === id)!;

  it('computes each from the records, with the previous year beside it', async () => {
    const res = await get(t, analyst, '/api/statistics/annual?year=2017');
    expect(res.statusCode, res.body).toBe(200);
    figures = res.json().figures;

    const where = figure('protection.victims_identified_where');
    expect(where.indicator).toEqual({ id: 'victims_identified_where', version: 1 });
    expect(where.values).toEqual({ 2017: { shelter_intake: 1 }, 2016: { shelter_intake: 0 } });
    expect(where.breakdowns).toEqual({ province: { 'KH-12': 1 } });
    expect(where.style.en).toBe('1 at shelter intake (0 at shelter intake in 2016)');

    const to = figure('protection.referred_to');
    expect(to.indicator).toEqual({ id: 'victims_referred_to', version: 1 });
    expect(to.values).toEqual({ 2017: { to_ngo: 1 }, 2016: { to_ngo: 0 } });
    expect(to.breakdowns).toEqual({ organisation: { 'chab-dai': 1 }, referred_by: { 'social-affairs': 1 } });
    expect(to.style.en).toBe('1 to NGOs (0 to NGOs in 2016)');

    const licences = figure('prevention.licences_in_force');
    expect(licences.indicator).toEqual({ id: 'licences_in_force', version: 1 });
    expect(licences.values).toEqual({ 2017: 1, 2016: 2 });
    expect(licences.style.en).toBe('1 (2 in 2016)');
    for (const f of [where, to, licences]) expect(f.style.km).not.toMatch(/[a-z]/);
  });

  it('the HTML and CSV reports carry them', async () => {
    const html = await get(t, analyst, '/api/statistics/annual.html?year=2017');
    expect(html.statusCode).toBe(200);
    for (const id of ['protection.victims_identified_where', 'protection.referred_to', 'prevention.licences_in_force'])
      expect(html.body).toContain(`data-figure="${id}"`);
    expect(html.body).toContain('Recruitment agencies with a licence in force at the year end');
    const csv = await get(t, analyst, '/api/statistics/annual.csv?year=2017');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.split(/\r?\n/);
    expect(lines.some((l) => l.includes('prevention.licences_in_force') && l.includes('2017'))).toBe(true);
    expect(lines.some((l) => l.includes('protection.referred_to') && l.includes('to_ngo'))).toBe(true);
    expect(lines.some((l) => l.includes('protection.victims_identified_where') && l.includes('shelter_intake'))).toBe(
      true,
    );
  });
});

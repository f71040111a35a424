/**
 * Statistics in headless Chromium, on the real server and database (no demo data: the test makes a
 * little). The Banteay Meanchey coordinator approves the province's 2017 figures, then a training
 * is recorded for 2017 and shows on the snapshot as a difference, not an edit. The national analyst
 * reads the annual report (sections, the report's sentences as the API gives them, downloads in
 * the current language, the de-duplication panel, the checkpoint), switches to Khmer, filters by
 * province, and opens the dashboard: SVG charts with their tables, the same numbers as the report,
 * over the years and by province. The secretariat accepts the snapshot. The public page opens from
 * the sign-in page without an account, hides the small counts, and its call carries no cookie.
 * Then, with the API's answers replaced by a realistic report (the 2017 report's figures), the
 * by-country tables and the de-duplication panel (agencies, overlaps, the national range).
 * Needs `npm run build:web` first.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestServer } from '@ctis/api/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { account, config, km, signIn } from './session';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const SHOTS = fileURLToPath(new URL('../../../test-results/', import.meta.url));
const TRAININGS = 'prosecution.trainings_law_enforcement';
const BANTEAY_MEANCHEY = 'KH-1';

interface Figure {
  id: string;
  section: string;
  label: { en: string; km: string };
  style: { en: string; km: string };
  values: Record<string, unknown>;
}

let server: TestServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser!.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.setDefaultTimeout(20_000);
  return { page, errors, close: () => context.close() };
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

async function switchLanguage(page: Page, lang: 'en' | 'km'): Promise<void> {
  if ((await htmlLang(page)) === lang) return;
  await page.getByTestId('lang-switch').click();
  await expect.poll(() => htmlLang(page)).toBe(lang);
}

/** A call to the API from the signed-in page, with its CSRF token. */
function apiCall<T>(
  page: Page,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json().catch(() => null)) as T };
    },
    { method, path, body },
  );
}

const provinceKm = config.provinces.find((p) => p.code === BANTEAY_MEANCHEY)!.name.km!;

describe('statistics', () => {
  it(
    'approves a province’s figures, reads the annual report and the dashboard in both languages, accepts, and publishes',
    { timeout: 300_000 },
    async () => {
      if (!server || !browser) throw new Error('setup failed');
      const { url } = server;
      mkdirSync(SHOTS, { recursive: true });

      // The coordinator approves Banteay Meanchey's 2017 figures: frozen, nothing differs yet.
      const coordinator = await newPage();
      await signIn(coordinator.page, url, account('provincial_coordinator'));
      await coordinator.page.goto(new URL('/statistics/approvals?year=2017', url).href);
      await coordinator.page.getByTestId('approve-submit').click();
      await coordinator.page.locator('[data-testid="snapshot-status"][data-status="approved"]').waitFor();
      await coordinator.page.getByTestId('snapshot-no-differences').waitFor();
      const snapshotUrl = coordinator.page.url();

      // A training for law enforcement in Banteay Meanchey, 2017, recorded afterwards.
      const training = await apiCall(coordinator.page, 'POST', '/api/registers/trainings', {
        organiserOrganisationId: 'ncct',
        date: '2017-06-01',
        province: BANTEAY_MEANCHEY,
        topic: 'Victim identification',
        audience: 'law_enforcement',
        participantsFemale: 4,
        participantsMale: 8,
      });
      expect(training.status, JSON.stringify(training.json)).toBe(201);
      await coordinator.page.reload();
      const difference = coordinator.page.locator(`[data-testid="snapshot-difference"][data-figure="${TRAININGS}"]`);
      await difference.waitFor();
      expect(await difference.locator('td').nth(1).textContent()).toBe('2017');
      expect(await coordinator.page.getByTestId('snapshot-status').getAttribute('data-status')).toBe('approved');
      await coordinator.close();

      // The national analyst: the annual report, in English first.
      const analyst = await newPage();
      const { page } = analyst;
      await signIn(page, url, account('national_analyst'));
      await switchLanguage(page, 'en');
      await page.getByTestId('nav-statistics').click();
      await page.getByRole('heading', { level: 1, name: 'Annual report' }).waitFor();
      for (const section of ['prosecution', 'protection', 'prevention'])
        await page.getByTestId(`stats-section-${section}`).waitFor();
      expect(await page.getByTestId('stats-year').inputValue()).toBe('2017');

      const report = (
        await apiCall<{ figures: Figure[]; checkpoint: { seq: number } }>(
          page,
          'GET',
          '/api/statistics/annual?year=2017',
        )
      ).json;
      const trainings = report.figures.find((f) => f.id === TRAININGS)!;
      expect(trainings.values['2017']).toEqual({ trainings: 1, participants: 12 });
      const sentence = page.getByTestId(`stats-figure-${TRAININGS}`).getByTestId('stats-figure-sentence');
      expect(await sentence.textContent()).toBe(trainings.style.en);
      expect(trainings.style.en).toContain('12 participants');
      // Every figure of the three sections is shown with the report's own sentence.
      const shown = page.locator('[data-testid^="stats-figure-"][data-testid*="."]');
      expect(await shown.count()).toBe(report.figures.filter((f) => f.section !== 'profile').length);
      await page.getByTestId('stats-dedup').waitFor();
      await page.getByTestId('stats-national-distinct').waitFor();
      expect(await page.getByTestId('stats-provenance').textContent()).toMatch(/#\d+/);

      // Downloads in the current language; the CSV link answers.
      const pdf = await page.getByTestId('stats-download-pdf').getAttribute('href');
      expect(pdf).toBe('/api/statistics/annual.pdf?year=2017&lang=en');
      const csvHref = (await page.getByTestId('stats-download-csv').getAttribute('href'))!;
      const csv = await page.evaluate(async (href) => {
        const res = await fetch(href);
        return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
      }, csvHref);
      expect(csv.status).toBe(200);
      expect(csv.type).toContain('text/csv');
      expect(csv.text).toContain(TRAININGS);

      // Khmer: the same page, the Khmer sentence, Khmer downloads.
      await switchLanguage(page, 'km');
      await page.getByRole('heading', { level: 1, name: km['Annual report'] }).waitFor();
      await expect.poll(() => sentence.textContent()).toBe(trainings.style.km);
      expect(await page.getByTestId('stats-section-prosecution').locator('h2').textContent()).toBe(km['Prosecution']);
      expect(await page.getByTestId('stats-download-xlsx').getAttribute('href')).toBe(
        '/api/statistics/annual.xlsx?year=2017&lang=km',
      );
      await page.screenshot({ path: `${SHOTS}statistics-report-km.png`, fullPage: true });

      // One province: the training was in Banteay Meanchey.
      await page.getByTestId('stats-province').selectOption(BANTEAY_MEANCHEY);
      await page.getByTestId('stats-scope').filter({ hasText: provinceKm }).waitFor();
      await expect.poll(() => sentence.textContent()).toBe(trainings.style.km);
      expect(await page.getByTestId('stats-download-pdf').getAttribute('href')).toBe(
        `/api/statistics/annual.pdf?year=2017&lang=km&province=${BANTEAY_MEANCHEY}`,
      );
      await page.getByTestId('stats-province').selectOption('');

      // The dashboard: a chart per section, with its table: the report's numbers.
      await page.getByTestId('stats-tab-dashboard').click();
      await page.getByRole('heading', { level: 1, name: km['Dashboard'] }).waitFor();
      const prosecution = page.getByTestId('dash-chart-section-prosecution');
      await prosecution.getByTestId('chart-plot').waitFor();
      expect(await prosecution.locator('svg rect[data-testid="chart-bar"]').count()).toBe(2);
      await prosecution.getByTestId('chart-table-toggle').click();
      const participantsLabel = `${trainings.label.km} — ${km['Participants']}`;
      const row = prosecution.getByTestId('chart-table').locator('tbody tr').filter({ hasText: participantsLabel });
      expect(await row.locator('td').allTextContents()).toEqual(['12', km['not reported']]);
      expect(await prosecution.getByTestId('chart-value').allTextContents()).toContain('2017: 12');
      await page.screenshot({ path: `${SHOTS}statistics-dashboard-km.png`, fullPage: true });

      // One figure over the years (one report per year) and by province (25 reports, a few at a time).
      await page.getByTestId('dash-section').selectOption('prosecution');
      await page.getByTestId('dash-figure').selectOption(`${TRAININGS}:participants`);
      const years = page.getByTestId('dash-chart-years');
      await years.getByTestId('chart-plot').waitFor();
      expect(await years.locator('svg rect[data-testid="chart-bar"]').count()).toBe(1);
      await years.getByTestId('chart-table-toggle').click();
      expect(await years.locator('tbody tr th').allTextContents()).toEqual(['2015', '2016', '2017', '2018']);
      expect(await years.locator('tbody tr td').allTextContents()).toEqual([
        km['not reported'],
        km['not reported'],
        '12',
        km['not reported'],
      ]);
      await page.getByTestId('dash-provinces-load').click();
      const provinces = page.getByTestId('dash-chart-provinces');
      await provinces.getByTestId('chart-plot').waitFor({ timeout: 120_000 });
      expect(await provinces.getByTestId('chart-group').count()).toBe(config.provinces.length);
      await provinces.getByTestId('chart-table-toggle').click();
      const first = provinces.locator('tbody tr').first();
      expect(await first.locator('th').textContent()).toBe(provinceKm);
      expect(await first.locator('td').textContent()).toBe('12');
      // On a phone the charts fit the screen: long Khmer labels wrap, nothing scrolls sideways.
      await page.setViewportSize({ width: 375, height: 800 });
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
        .toBeLessThanOrEqual(0);
      expect(analyst.errors).toEqual([]);
      await analyst.close();

      // The secretariat accepts the province's figures; the difference stays visible.
      const secretariat = await newPage();
      await signIn(secretariat.page, url, account('secretariat_officer'));
      await secretariat.page.goto(new URL('/statistics/approvals?year=2017', url).href);
      await secretariat.page.getByTestId('snapshot-row').first().getByTestId('snapshot-link').click();
      const acceptButton = secretariat.page.getByTestId('accept-submit');
      await acceptButton.waitFor();
      expect(secretariat.page.url()).toBe(snapshotUrl);
      await acceptButton.click();
      await secretariat.page.locator('[data-testid="snapshot-status"][data-status="accepted"]').waitFor();
      await secretariat.page.locator(`[data-testid="snapshot-difference"][data-figure="${TRAININGS}"]`).waitFor();
      expect(await secretariat.page.getByTestId('accept-submit').count()).toBe(0);
      expect(secretariat.errors).toEqual([]);
      await secretariat.close();

      // The public page: from the sign-in page, no account; small counts hidden; no cookie sent.
      const visitor = await newPage();
      const cookies: string[] = [];
      visitor.page.on('request', (request) => {
        if (request.url().includes('/api/public/statistics'))
          void request.allHeaders().then((h) => cookies.push(h.cookie ?? ''));
      });
      await visitor.page.goto(new URL('/login', url).href);
      await visitor.page.getByTestId('public-statistics-link').click();
      await visitor.page.getByRole('heading', { level: 1, name: km['Public statistics'] }).waitFor();
      expect(new URL(visitor.page.url()).pathname).toBe('/public/statistics');
      for (const section of ['prosecution', 'protection', 'prevention'])
        await visitor.page.getByTestId(`public-section-${section}`).waitFor();
      const hidden = visitor.page.getByTestId(`public-figure-${TRAININGS}`).getByTestId('public-suppressed');
      expect(await hidden.count()).toBe(2);
      expect(await hidden.first().textContent()).toBe(km['Not shown to protect identities']);
      await visitor.page.getByTestId('public-by-country').waitFor();
      // Per agency: government bodies by name, the NGOs together and unnamed (publishNgoNames is off).
      const byAgency = visitor.page.getByTestId('public-by-agency');
      await byAgency.waitFor();
      expect(await byAgency.innerText()).toContain(km['NGOs']);
      const pageText = await visitor.page.locator('body').innerText();
      const pageHtml = await visitor.page.content();
      for (const o of config.organisations.filter((x) => x.type === 'ngo'))
        for (const name of [...Object.values(o.name), ...(o.shortName ? [o.shortName] : [])]) {
          expect(pageText, name).not.toContain(name);
          expect(pageHtml, name).not.toContain(name);
        }
      await visitor.page.screenshot({ path: `${SHOTS}statistics-public-km.png`, fullPage: true });
      expect(cookies.length).toBeGreaterThan(0);
      expect(cookies.every((c) => !c.includes('ctis_session'))).toBe(true);
      expect(visitor.errors).toEqual([]);
      await visitor.close();
    },
  );
});

/** A realistic answer of GET /api/statistics/annual (figures of the 2017 report; agency overlaps invented, consistent). */
const REALISTIC = {
  country: 'KHM',
  year: 2017,
  previousYear: 2016,
  asOf: '2018-03-31T16:59:59.000Z',
  checkpoint: { seq: 48213, hash: '3f9a2c1d7e4b5a6f8091a2b3c4d5e6f708192a3b' },
  province: null,
  figures: [
    {
      id: 'prosecution.individuals_prosecuted',
      section: 'prosecution',
      indicator: { id: 'individuals_prosecuted', version: 1 },
      values: { 2017: 207, 2016: 53 },
      label: { en: 'Individuals prosecuted', km: 'បុគ្គលដែលត្រូវបានចោទប្រកាន់' },
      style: { en: '207 (53 in 2016)', km: '207 (53 ក្នុងឆ្នាំ 2016)' },
    },
    {
      id: 'protection.repatriated_by_mfaic',
      section: 'protection',
      indicator: { id: 'repatriations_completed', version: 1 },
      values: { 2017: 986, 2016: 815 },
      byCountry: { 2017: { MYS: 382, THA: 288, VNM: 171, CHN: 53, LAO: 49, IDN: 23, JPN: 12, SGP: 5, MMR: 3 } },
      label: { en: 'Cambodian victims repatriated by MFAIC', km: 'ជនរងគ្រោះខ្មែរដែលត្រូវបានធ្វើមាតុភូមិនិវត្តន៍ដោយក្រសួងការបរទេស' },
      style: {
        en: '986 from 9 countries (815 from 11 countries in 2016)',
        km: '986 មកពី 9 ប្រទេស (815 មកពី 11 ប្រទេស ក្នុងឆ្នាំ 2016)',
      },
    },
    {
      id: 'protection.repatriated_with_mosavy',
      section: 'protection',
      indicator: { id: 'repatriations_completed', version: 1 },
      values: { 2017: 243, 2016: 195 },
      byCountry: { 2017: { MYS: 114, THA: 45, IDN: 21, CHN: 21, SOM: 18, VNM: 16, JPN: 6, SAU: 1, SGP: 1 } },
      label: {
        en: 'Cambodians repatriated with MOSAVY’s assistance',
        km: 'ពលរដ្ឋខ្មែរដែលត្រូវបានធ្វើមាតុភូមិនិវត្តន៍ដោយមានជំនួយពីក្រសួងសង្គមកិច្ច',
      },
      style: { en: '243 (195 in 2016)', km: '243 (195 ក្នុងឆ្នាំ 2016)' },
    },
    {
      id: 'prevention.budget_ncct',
      section: 'prevention',
      indicator: { id: 'budget', version: 1 },
      values: { 2017: { KHR: 4900000000, USD: 1200000 }, 2016: { KHR: 4000000000, USD: 975000 } },
      label: { en: 'NCCT budget', km: 'ថវិការបស់គណៈកម្មាធិការជាតិ' },
      style: {
        en: '4.9 billion riels ($1.2 million) (4 billion riels ($975,000) in 2016)',
        km: '4.9 ពាន់លានរៀល (1.2 លានដុល្លារ) (4 ពាន់លានរៀល (975,000 ដុល្លារ) ក្នុងឆ្នាំ 2016)',
      },
    },
  ],
  deduplication: {
    year: 2017,
    agencies: { MFAIC: 986, MOSAVY: 243, NGO: 395 },
    overlaps: {
      MFAIC: 700,
      MOSAVY: 60,
      NGO: 152,
      'MFAIC+MOSAVY': 90,
      'MFAIC+NGO': 150,
      'MOSAVY+NGO': 47,
      'MFAIC+MOSAVY+NGO': 46,
    },
    nationalDistinct: 1245,
    nationalDistinctIfProposed: 1230,
    confirmedLinks: 425,
    proposedLinks: 23,
  },
};

/** A realistic answer of GET /api/public/statistics: small cells and their complements hidden. */
const PUBLISHED = {
  country: 'KHM',
  year: 2017,
  previousYear: 2016,
  asOf: '2018-03-31T16:59:59.000Z',
  checkpoint: { seq: 48213, hash: '3f9a2c1d' },
  suppressionThreshold: 10,
  figures: REALISTIC.figures.map(({ id, section, label, indicator, values }) => ({
    id,
    section,
    label,
    indicator,
    values: Object.fromEntries(
      Object.entries(values).flatMap(([y, v]) =>
        typeof v === 'number' ? [[y, { value: v }]] : Object.entries(v).map(([k, n]) => [`${y}.${k}`, { value: n }]),
      ),
    ),
  })),
  agencies: {
    rows: [
      {
        id: 'protection.repatriated_by_mfaic',
        agency: 'MFAIC',
        name: { en: 'Department of Consular Affairs' },
        figure: { en: 'Victims repatriated by the MFAIC' },
        ngo: false,
      },
      {
        id: 'protection.repatriated_with_mosavy',
        agency: 'MOSAVY',
        name: { en: 'Ministry of Social Affairs, Veterans and Youth Rehabilitation' },
        figure: { en: 'Victims repatriated with MOSAVY' },
        ngo: false,
      },
      {
        id: 'ngos.victims_assisted',
        agency: 'NGOs',
        name: { en: 'NGOs' },
        figure: { en: 'Victims assisted by the NGO' },
        ngo: true,
      },
    ],
    table: {
      rows: ['protection.repatriated_by_mfaic', 'protection.repatriated_with_mosavy', 'ngos.victims_assisted'],
      columns: ['2017', '2016'],
      cells: [
        [{ value: 986 }, { value: 815 }],
        [{ value: 243 }, { value: 120 }],
        [{ value: 395 }, { value: 290 }],
      ],
      rowTotals: [{ value: 1801 }, { value: 363 }, { value: 685 }],
      columnTotals: [{ value: 1624 }, { value: 1225 }],
      grandTotal: { value: 2849 },
      threshold: 10,
      zerosSuppressed: false,
    },
  },
  byCountry: {
    rows: ['MYS', 'THA', 'MMR', 'JPN'],
    columns: ['protection.repatriated_by_mfaic', 'protection.repatriated_with_mosavy'],
    cells: [
      [{ value: 382 }, { value: 114 }],
      [{ value: 288 }, { value: 45 }],
      [{ suppressed: true }, { value: 0 }],
      [{ suppressed: true }, { suppressed: true }],
    ],
    rowTotals: [{ value: 496 }, { value: 333 }, { suppressed: true }, { value: 18 }],
    columnTotals: [{ value: 685 }, { value: 165 }],
    grandTotal: { value: 850 },
    threshold: 10,
    zerosSuppressed: false,
  },
};

describe('statistics with a realistic report', () => {
  it('shows the by-country tables, the overlaps and the national range', { timeout: 120_000 }, async () => {
    if (!server || !browser) throw new Error('setup failed');
    const { url } = server;
    const reader = await newPage();
    const { page } = reader;
    await page.route('**/api/statistics/annual?*', (route) =>
      new URL(route.request().url()).search === '?year=2017' ? route.fulfill({ json: REALISTIC }) : route.fallback(),
    );
    await page.route('**/api/public/statistics?*', (route) => route.fulfill({ json: PUBLISHED }));
    await signIn(page, url, account('national_admin'));
    await switchLanguage(page, 'en');
    await page.goto(new URL('/statistics?year=2017', url).href);
    await page.getByTestId('stats-dedup').waitFor();

    // One person, one count: the agencies, how they overlap, the national count with its range.
    expect(await page.getByTestId('stats-overlap').locator('th').allTextContents()).toEqual([
      'MFAIC only',
      'MOSAVY only',
      'NGO only',
      'MFAIC and MOSAVY',
      'MFAIC and NGO',
      'MOSAVY and NGO',
      'MFAIC, MOSAVY and NGO',
    ]);
    expect(await page.getByTestId('stats-agencies').locator('tfoot td').textContent()).toBe('1,624');
    expect(await page.getByTestId('stats-national-distinct').textContent()).toBe('1,245');
    const range = (await page.getByTestId('stats-national-range').textContent()) ?? '';
    expect(range).toContain('Between 1,230 and 1,245');
    expect(range).toContain('425 confirmed links');

    // By country: the countries by their total, each agency's figure, the totals.
    const byCountry = page.getByTestId('stats-by-country');
    expect(await byCountry.locator('tbody th').first().textContent()).toBe(
      config.countries.find((c) => c.code === 'MYS')!.name.en,
    );
    expect(await byCountry.locator('tfoot td').allTextContents()).toEqual(['986', '243']);
    await page.screenshot({ path: `${SHOTS}statistics-report-realistic.png`, fullPage: true });

    // The public page: the by-country table with hidden cells and its totals.
    await page.goto(new URL('/public/statistics?year=2017', url).href);
    const table = page.getByTestId('public-by-country-table');
    await table.waitFor();
    expect(await table.getByTestId('public-suppressed').count()).toBe(4);
    expect(await table.locator('tfoot td').allTextContents()).toEqual(['685', '165', '850']);
    expect(await page.getByTestId('public-figure-prevention.budget_ncct').count()).toBe(2);
    const byAgency = page.getByTestId('public-by-agency-table');
    expect(await byAgency.locator('tbody th').allTextContents()).toEqual([
      'MFAIC — Victims repatriated by the MFAIC',
      'MOSAVY — Victims repatriated with MOSAVY',
      'NGOs — Victims assisted by the NGO',
    ]);
    expect(await byAgency.locator('tfoot td').allTextContents()).toEqual(['1,624', '1,225']);
    await page.screenshot({ path: `${SHOTS}statistics-public-realistic.png`, fullPage: true });
    expect(reader.errors).toEqual([]);
    await reader.close();
  });
});

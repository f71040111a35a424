/**
 * End-to-end register flow in headless Chromium, on the real server and database, in Khmer (the
 * country's first language): the labour inspector records a brick kiln, then an inspection of it
 * with debt-bondage indicators (only the brick-kiln checklist is offered), sees the inspection in
 * the list flagged as debt bondage, corrects it (the history shows the change) and refers it to a
 * police unit. Then a spreadsheet import: a CSV with one bad row is refused, naming the row and the
 * column, and nothing is imported; the corrected file imports every row, and the rows are listed.
 * Needs `npm run build:web` first (the server serves packages/web/dist).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer } from '@ctis/api/testing';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { account, km, signIn } from './session';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const SCREENSHOT = fileURLToPath(new URL('../../../test-results/registers-flow.png', import.meta.url));

/** The date `offset` days from today (UTC), YYYY-MM-DD. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

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

async function openRegister(page: Page, register: string) {
  await page.getByTestId('nav-registers').click();
  await page.getByTestId(`register-link-${register}`).click();
  await page.getByTestId('register-title').waitFor();
}

/** Submits the new-record form and waits for it to close (failing with its text, which names the problem). */
async function saveNewRecord(page: Page) {
  await page.getByTestId('register-form-submit').click();
  await page
    .getByTestId('register-created')
    .waitFor()
    .catch(async (error: unknown) => {
      throw new Error(`register form: ${await page.getByTestId('register-form').textContent()}`, { cause: error });
    });
}

const rowNamed = (page: Page, name: string) =>
  page
    .getByTestId('register-row')
    .filter({ has: page.locator(`[data-testid="register-cell-name"]`, { hasText: name }) });

describe('registers', () => {
  it(
    'records a brick kiln and an inspection with debt bondage, and imports a spreadsheet only when every row is right',
    { timeout: 180_000 },
    async () => {
      if (!server || !browser) throw new Error('setup failed');
      const inspector = account('labour_inspector');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.setDefaultTimeout(15_000);

      await signIn(page, server.url, inspector);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('km');

      // The index: grouped, named and described in Khmer.
      await page.getByTestId('nav-registers').click();
      const labour = page.getByTestId('register-group-labour');
      await labour.waitFor();
      expect(await labour.getByTestId('register-link-inspections').textContent()).toContain(km['Labour inspections']);
      await page.getByTestId('register-group-prevention').waitFor();

      // A brick kiln in Kandal.
      await openRegister(page, 'establishments');
      await page.getByTestId('register-new').click();
      await page.getByTestId('register-field-kind').selectOption('brick_kiln');
      await page.getByTestId('register-field-name').fill('Sok Heng brick kiln');
      await page.getByTestId('register-field-province').selectOption('KH-8');
      await page.getByTestId('register-field-location').fill('Ponhea Lueu district');
      await page.getByTestId('register-field-ownerName').fill('Sok Heng');
      await saveNewRecord(page);
      const kiln = rowNamed(page, 'Sok Heng brick kiln');
      await kiln.waitFor();
      expect(await kiln.getByTestId('register-cell-kind').textContent()).toBe(km['Brick kiln']);

      // Its inspection: the inspectorate is the inspector's own; the brick-kiln checklist only.
      await openRegister(page, 'inspections');
      await page.getByTestId('register-new').click();
      expect(await page.getByTestId('register-field-inspectorOrganisationId').inputValue()).toBe(
        inspector.organisationId,
      );
      await page.getByTestId('register-field-date').fill(day(-3));
      await page.getByTestId('register-field-province').selectOption('KH-8');
      await page.getByTestId('register-field-sector').selectOption('brick_kiln');
      await page.getByTestId('register-field-subjectId').selectOption({ label: 'Sok Heng brick kiln' });
      await page.getByTestId('register-field-indicators-advance_payment_debt').check();
      await page.getByTestId('register-field-indicators-debt_passed_to_family').check();
      await page.getByTestId('register-field-indicators-children_working').check();
      expect(await page.getByTestId('register-field-indicators-transshipment_at_sea').count()).toBe(0);
      await page.getByTestId('register-field-workersInterviewed').fill('12');
      await page.getByTestId('register-field-findings').fill('Families bound by advances; children moulding bricks.');
      await page.getByTestId('register-field-outcome').selectOption('referred_police');
      await saveNewRecord(page);

      // In the list, flagged as debt bondage.
      const inspection = page.getByTestId('register-row').first();
      const flag = inspection.getByTestId('register-cell-debtBondage');
      await flag.waitFor();
      expect(await flag.getAttribute('data-value')).toBe('true');
      expect(await flag.textContent()).toBe(km['Yes']);
      expect(await inspection.getByTestId('register-cell-sector').textContent()).toBe(km['Brick kiln']);

      // The record: every field in Khmer; an edit (with the version read) shows in the history.
      await inspection.getByTestId('register-record-link').click();
      const facts = page.getByTestId('register-record');
      await facts.waitFor();
      const text = (await facts.textContent()) ?? '';
      for (const key of ['Debt from an advance on wages', 'Debt passed on to the family', 'Debt bondage', 'Sector']) {
        expect(text).toContain(km[key]);
      }
      expect(text).toContain('Sok Heng brick kiln');
      await page.getByTestId('register-edit').click();
      await page.getByTestId('register-field-workersInterviewed').fill('14');
      await page.getByTestId('register-edit-form-submit').click();
      await page.getByTestId('register-edit-form').waitFor({ state: 'detached' });
      const change = page
        .getByTestId('register-history')
        .locator('[data-testid="register-change"][data-field="workersInterviewed"]');
      await change.waitFor();
      expect(await change.textContent()).toContain('12 → 14');
      await expect.poll(() => page.getByTestId('register-record-version').textContent()).toContain('2');

      // One step to the police: the unit now sees the inspection.
      await page.getByTestId('refer-police').click();
      await page.getByTestId('refer-police-unit').selectOption('ahtjp-phnom-penh');
      await page.getByTestId('refer-police-submit').click();
      await page.getByTestId('refer-police-form').waitFor({ state: 'detached' });
      await expect.poll(async () => (await facts.textContent()) ?? '').toContain(km['Referred to police unit']);

      // Import: one bad row (row 3: an unknown kind), so nothing is imported.
      await openRegister(page, 'establishments');
      const header = 'kind,name,province,location,ownerName';
      const good = [
        'fishing_vessel,PNV 0211,KH-18,Sihanoukville port,Chea Rith',
        'plantation,Lum Orchard,KH-2,Bavel district,Lum Dara',
      ];
      await page.getByTestId('register-import-open').click();
      await page.getByTestId('register-import-file').setInputFiles({
        name: 'establishments.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from([header, good[0], 'volcano,Bad Row Place,KH-2,Somewhere,Nobody', good[1]].join('\r\n')),
      });
      await page.getByTestId('register-import-submit').click();
      const refused = page.getByTestId('register-import-errors');
      await refused.waitFor();
      expect(await refused.textContent()).toContain(km['Nothing was imported.']);
      const problem = refused.getByTestId('register-import-error');
      expect(await problem.count()).toBe(1);
      expect(await problem.getAttribute('data-row')).toBe('3');
      expect(await problem.getAttribute('data-column')).toBe('kind');
      expect(await rowNamed(page, 'PNV 0211').count()).toBe(0);

      // The corrected file: every row imported, and listed.
      await page.getByTestId('register-import-file').setInputFiles({
        name: 'establishments.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from([header, ...good].join('\r\n')),
      });
      await page.getByTestId('register-import-submit').click();
      const done = page.getByTestId('register-import-done');
      await done.waitFor();
      expect(await done.textContent()).toContain('2');
      await rowNamed(page, 'PNV 0211').waitFor();
      await rowNamed(page, 'Lum Orchard').waitFor();
      expect(await rowNamed(page, 'Bad Row Place').count()).toBe(0);
      expect(await page.getByTestId('register-row').count()).toBe(3);

      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

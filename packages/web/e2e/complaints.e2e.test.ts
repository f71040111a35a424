/**
 * Corruption complaints in headless Chromium, on the real server and database: someone without an
 * account goes from the sign-in page to "Report corruption", files a complaint, gets the receipt
 * code once and checks the status with it; the oversight auditor finds the complaint, reads it
 * and refers it with an outcome, which the reporter then sees. The public calls carry no cookie,
 * even from a browser signed in as staff. Needs `npm run build:web` first.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer } from '@ctis/api/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { account, km, signIn } from './session';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const SCREENSHOT = fileURLToPath(new URL('../../../test-results/complaint-receipt.png', import.meta.url));
const DESCRIPTION = 'The commune chief warned the karaoke owner the night before the police came.';
const CONTACT = 'Leave a message at 012 000 999';
const OUTCOME = 'Referred to the Anti-Corruption Unit.';

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
  const context = await browser!.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.setDefaultTimeout(15_000);
  return { page, errors, close: () => context.close() };
}

async function checkStatus(page: Page, receipt: string, status: string): Promise<void> {
  await page.getByTestId('status-receipt').fill(receipt);
  await page.getByTestId('status-submit').click();
  await page.locator(`[data-testid="status-value"][data-status="${status}"]`).waitFor();
}

describe('corruption complaints', () => {
  it(
    'files a complaint without an account, follows it by receipt; oversight sees and refers it',
    {
      timeout: 120_000,
    },
    async () => {
      if (!server || !browser) throw new Error('setup failed');
      const { url } = server;

      // The reporter: no account, from the sign-in page (in Khmer, the country's first language).
      const reporter = await newPage();
      const { page } = reporter;
      await page.goto(new URL('/login', url).href);
      await page.getByTestId('report-corruption-link').click();
      await page.getByRole('heading', { level: 1, name: km['Report corruption'] }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/report-corruption');

      // An empty form is refused beside its fields, before anything is sent.
      await page.getByTestId('report-submit').click();
      expect(await page.locator('.field-invalid').count()).toBe(2);

      await page.getByTestId('report-category').selectOption('leaking_operations');
      await page.getByTestId('report-province').selectOption('KH-12');
      await page.getByTestId('report-agency').fill('Commune office');
      await page.getByTestId('report-description').fill(DESCRIPTION);
      await page.getByTestId('report-contact').fill(CONTACT);
      await page.getByTestId('report-submit').click();
      const code = page.getByTestId('receipt-code');
      await code.waitFor();
      const receipt = ((await code.textContent()) ?? '').trim();
      expect(receipt).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){4}$/);
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      // Shown once: after "I have written it down" it is gone from the page.
      await page.getByTestId('receipt-done').click();
      await page.getByTestId('report-form').waitFor();
      expect(await page.getByTestId('receipt-code').count()).toBe(0);
      expect(await page.content()).not.toContain(receipt);

      await checkStatus(page, receipt.toLowerCase(), 'received');
      await page.getByTestId('status-receipt').fill('AAAA-BBBB-CCCC-DDDD-EEEE');
      await page.getByTestId('status-submit').click();
      await page.getByTestId('status-error').waitFor();

      // The oversight auditor finds it under Complaints, reads it and refers it.
      const auditor = await newPage();
      const publicCookies: (string | undefined)[] = [];
      auditor.page.on('request', (request) => {
        if (request.url().includes('/api/public/'))
          void request.allHeaders().then((h) => publicCookies.push(h.cookie ?? ''));
      });
      await signIn(auditor.page, url, account('oversight_auditor'));
      await auditor.page.getByTestId('nav-complaints').click();
      await auditor.page.getByTestId('complaints-table').waitFor();
      const rows = auditor.page.getByTestId('complaint-row');
      expect(await rows.count()).toBe(1);
      await rows.first().getByTestId('complaint-link').click();
      await auditor.page.getByTestId('complaint-description').filter({ hasText: DESCRIPTION }).waitFor();
      expect(await auditor.page.getByTestId('complaint-contact').textContent()).toBe(CONTACT);
      await auditor.page.getByTestId('decision-status').selectOption('referred');
      await auditor.page.getByTestId('decision-outcome').fill(OUTCOME);
      await auditor.page.getByTestId('decision-submit').click();
      await auditor.page.locator('[data-testid="complaint-status"][data-status="referred"]').waitFor();
      expect(await auditor.page.getByTestId('complaint-history').locator('li').count()).toBe(2);

      // Other staff roles have no Complaints section.
      const analyst = await newPage();
      await signIn(analyst.page, url, account('national_analyst'));
      expect(await analyst.page.getByTestId('nav-complaints').count()).toBe(0);
      await analyst.close();

      // The reporter sees the new status and the outcome.
      await checkStatus(page, receipt, 'referred');
      await page.getByTestId('status-result').filter({ hasText: OUTCOME }).waitFor();

      // From a browser signed in as staff, the public calls still carry no session cookie.
      await auditor.page.goto(new URL('/report-corruption', url).href);
      await checkStatus(auditor.page, receipt, 'referred');
      expect(publicCookies.length).toBeGreaterThan(0);
      expect(publicCookies.every((c) => !c?.includes('ctis_session'))).toBe(true);

      expect(reporter.errors).toEqual([]);
      expect(auditor.errors).toEqual([]);
      await reporter.close();
      await auditor.close();
    },
  );
});

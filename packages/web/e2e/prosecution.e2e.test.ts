/**
 * End-to-end prosecution flow in headless Chromium, on the real server and database: an
 * investigator opens an investigation and adds two suspects, supplies the evidence to the
 * prosecutor, who charges them before the court; the court clerk releases both under judicial
 * supervision (check-in every 7 days); the lead unit (supervising) records missed check-ins and
 * one suspect absconding. The work queue on the home page then shows the absconder without a
 * warrant (after 7 days) and a missed check-in the same day. The dates of the facts lie in the past
 * (the server's clock is not moved), so that, as of today, the alerts are due. A second test plans
 * an operation with a named officer, who opens it; its owner sees who did, and carries it out.
 * Needs `npm run build:web` first (the server serves packages/web/dist).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer } from '@ctis/api/testing';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { account, chooseCountry, km, signIn, signOut } from './session';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const SCREENSHOT = fileURLToPath(new URL('../../../test-results/prosecution-flow.png', import.meta.url));
const TRAFFICKING_LAW = 'law-2008-suppression-human-trafficking';

/** The date `offset` days from today (UTC, as the server's alerts count), YYYY-MM-DD. */
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

const suspectRow = (page: Page, n: number, status: string) =>
  page.locator(`[data-testid="suspect-row-${n}"][data-status="${status}"]`);

async function newPage(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.setDefaultTimeout(15_000);
  return { page, errors, close: () => context.close() };
}

/** Opens a step's form on the case page, dates it, and leaves the rest to `fill`. */
async function step(page: Page, action: string, form: string, on: string, fill: () => Promise<unknown>) {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId(`${form}-form-date`).fill(on);
  await fill();
  await page.getByTestId(`${form}-form-submit`).click();
  await page
    .getByTestId(`${form}-form`)
    .waitFor({ state: 'detached' })
    .catch(async (error: unknown) => {
      throw new Error(`${form}: ${await page.getByTestId(`${form}-form`).textContent()}`, { cause: error });
    });
}

async function openCase(page: Page, caseNumber: string) {
  await page.getByTestId('nav-criminal-cases').click();
  await page.getByTestId(`criminal-case-row-${caseNumber}`).getByTestId('criminal-case-link').click();
  await page.getByTestId('criminal-case-number').filter({ hasText: caseNumber }).waitFor();
}

describe('prosecution flow', () => {
  it(
    'opens an investigation, charges, supervises, and raises the missed check-in and absconder alerts',
    { timeout: 180_000 },
    async () => {
      if (!server || !browser) throw new Error('setup failed');
      const { url } = server;
      const investigator = account('investigator');
      const prosecutor = account('prosecutor');
      const clerk = account('court_clerk');
      // The demo prosecutor and court sit in Phnom Penh, like the investigator's unit.
      expect(prosecutor.organisationId).toBe('prosecutor-phnom-penh');
      expect(clerk.organisationId).toBe('court-phnom-penh');
      const { page, errors, close } = await newPage();

      // The investigator opens an investigation (in Khmer, the country's first language), led by their unit.
      await signIn(page, url, investigator);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('km');
      await page.getByTestId('nav-criminal-cases').click();
      await page.getByTestId('open-investigation').click();
      await page.getByTestId('investigation-date').fill(day(-40));
      await page.getByTestId('investigation-province').selectOption('KH-12');
      await page.getByTestId('legal-basis-law').selectOption(TRAFFICKING_LAW);
      await page.getByTestId('legal-basis-article').selectOption('15');
      await page.getByTestId('investigation-exploitation').selectOption('sex');
      await page.getByTestId('investigation-trafficking').selectOption('yes');
      await page.getByTestId('investigation-submit').click();
      const number = page.getByTestId('criminal-case-number');
      await number.waitFor();
      const caseNumber = ((await number.textContent()) ?? '').trim();
      expect(caseNumber).not.toBe('');

      // Two suspects, the first arrested.
      await step(page, 'suspect', 'suspect', day(-40), async () => {
        await page.getByTestId('suspect-name-khmer').fill('ចាន់ វិបុល');
        await page.getByTestId('suspect-name-latin').fill('Chan Vibol');
        await page.getByTestId('suspect-sex').selectOption('male');
        await page.getByTestId('suspect-birth-year').fill('1980');
        await chooseCountry(page.getByTestId('suspect-nationality'), 'KHM');
        await page.getByTestId('suspect-arrested').check();
      });
      await suspectRow(page, 1, 'investigated').waitFor();
      await step(page, 'suspect', 'suspect', day(-40), async () => {
        await page.getByTestId('suspect-name-latin').fill('Somchai P.');
        await chooseCountry(page.getByTestId('suspect-nationality'), 'THA');
      });
      await suspectRow(page, 2, 'investigated').waitFor();
      // The suspect is a person the investigator may open (not a pseudonym).
      expect(await page.getByTestId('suspect-person').count()).toBe(2);

      // The evidence goes to the prosecutor.
      await step(page, 'evidence', 'evidence', day(-38), () =>
        page.getByTestId('evidence-prosecutor').selectOption(prosecutor.organisationId),
      );
      await page.getByTestId('evidence-item').waitFor();
      // Charging is the prosecutor's, not the police's.
      expect(await page.getByTestId('action-charge').count()).toBe(0);
      await signOut(page);

      // The prosecutor finds the case and charges both suspects before the court.
      await signIn(page, url, prosecutor);
      await openCase(page, caseNumber);
      for (const n of [1, 2]) {
        await step(page, 'charge', 'charge', day(-36), async () => {
          await page.getByTestId('charge-suspect').selectOption({ index: 1 });
          expect(await page.getByTestId('charge-prosecutor').inputValue()).toBe(prosecutor.organisationId);
          // The case's legal basis is charged unless changed.
          expect(await page.getByTestId(`charge-article-${TRAFFICKING_LAW}:15`).isChecked()).toBe(true);
          await page.getByTestId('charge-court').selectOption(clerk.organisationId);
        });
        await suspectRow(page, n, 'charged').waitFor();
      }
      await signOut(page);

      // The court clerk releases both under judicial supervision, checking in every 7 days at the lead unit.
      await signIn(page, url, clerk);
      await openCase(page, caseNumber);
      for (const [n, on] of [
        [1, day(-30)],
        [2, day(-3)],
      ] as const) {
        await step(page, 'measure', 'measure', on, async () => {
          await page.getByTestId('measure-suspect').selectOption({ index: n });
          await page.getByTestId('measure-kind').selectOption('judicial_supervision');
          await page.getByTestId('measure-every').fill('7');
        });
        await suspectRow(page, n, 'supervised').waitFor();
      }
      expect(await page.getByTestId('suspect-next-check-in').first().textContent()).toBe(day(-23));
      await signOut(page);

      // The lead unit (the supervising unit) sees suspect 1 overdue by the schedule...
      await signIn(page, url, investigator);
      await page.getByTestId('nav-home').click(); // signing in again returns to the last page
      const queue = page.getByTestId('work-queue');
      const missed = queue.getByTestId('criminal-alert-missed_check_in');
      await missed.waitFor();
      expect(await missed.getAttribute('data-days')).toBe('23');
      expect(await missed.textContent()).toContain(km['due by the schedule, no check-in recorded']);

      // ... records the missed check-in, then that suspect 1 absconded.
      await openCase(page, caseNumber);
      await step(page, 'missed', 'missed', day(-10), () =>
        page.getByTestId('missed-suspect').selectOption({ index: 1 }),
      );
      await page.getByTestId('history-check_in_missed').waitFor();
      await step(page, 'absconded', 'absconded', day(-9), () =>
        page.getByTestId('absconded-suspect').selectOption({ index: 1 }),
      );
      await suspectRow(page, 1, 'absconded').waitFor();
      expect(await page.getByTestId('suspect-absconding').first().textContent()).toContain(day(-9));

      // Suspect 2 does not report today: the missed check-in is recorded the same day.
      await step(page, 'missed', 'missed', day(0), async () => {
        expect(await page.getByTestId('missed-suspect').inputValue()).not.toBe('');
      });
      await page.getByTestId('history-check_in_missed').nth(1).waitFor();

      // Home: the absconder without a warrant (9 days >= 7) and today's missed check-in.
      await page.getByTestId('nav-home').click();
      const absconded = queue.getByTestId('criminal-alert-absconded_without_warrant');
      await absconded.waitFor();
      expect(await absconded.getAttribute('data-days')).toBe('9');
      expect(await absconded.textContent()).toContain(km['Absconded, no arrest warrant']);
      expect(await absconded.getByRole('link').textContent()).toBe(caseNumber);
      const sameDay = queue.getByTestId('criminal-alert-missed_check_in');
      await expect.poll(() => sameDay.count()).toBe(1); // suspect 1's went with the absconding
      expect(await sameDay.getAttribute('data-days')).toBe('0');
      expect(await sameDay.textContent()).toContain(km['recorded by the supervising unit']);

      // The alert leads to the case.
      await absconded.getByRole('link').click();
      await page.getByTestId('criminal-case-number').filter({ hasText: caseNumber }).waitFor();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      expect(errors).toEqual([]);
      await close();
    },
  );

  it(
    'plans an operation for named officers, shows its owner who opened it, and carries it out',
    {
      timeout: 120_000,
    },
    async () => {
      if (!server || !browser) throw new Error('setup failed');
      const { url } = server;
      const investigator = account('investigator');
      const supervisor = account('police_supervisor');
      expect(supervisor.organisationId).toBe(investigator.organisationId);
      const { page, errors, close } = await newPage();

      await signIn(page, url, investigator);
      await page.getByTestId('nav-operations').click();
      await page.getByTestId('plan-operation').click();
      await page.getByTestId('operation-code-name').fill('LOTUS');
      await page.getByTestId('operation-planned-for').fill(day(2));
      await page.getByTestId('operation-target').fill('Karaoke bar, street 51');
      await page.getByTestId(`officer-${supervisor.username}`).check();
      await page.getByTestId('operation-submit').click();
      await page.getByTestId('operation-code-name').filter({ hasText: 'LOTUS' }).waitFor();
      const operationUrl = page.url();
      await signOut(page);

      // The named supervisor opens it (audited as an opening).
      await signIn(page, url, supervisor);
      await page.getByTestId('nav-operations').click();
      await page.getByTestId('operation-row-LOTUS').getByTestId('operation-link').click();
      await page.getByTestId('operation-code-name').filter({ hasText: 'LOTUS' }).waitFor();
      expect(await page.getByTestId('operation-openers').count()).toBe(0); // only the owner sees them
      await signOut(page);

      // The owner sees who opened it, then records it carried out.
      await signIn(page, url, investigator);
      await page.goto(operationUrl);
      const openers = page.getByTestId('operation-openers');
      await openers.getByTestId('opener-item').filter({ hasText: supervisor.displayName }).first().waitFor();
      // The server's refusal of a field shows beside it (problem+json field errors).
      await page.getByTestId('action-cancel').click();
      await page.getByTestId('cancel-reason').fill('Leak');
      await page.getByTestId('cancel-form-submit').click();
      await page.getByTestId('cancel-form').locator('.field-error').filter({ hasText: 'too short' }).waitFor();
      await page.getByTestId('cancel-form').getByRole('button', { name: km['Cancel'] }).click();
      await page.getByTestId('action-execute').click();
      await page.getByTestId('execute-outcome').fill('Two suspects arrested, four victims referred.');
      await page.getByTestId('execute-form-submit').click();
      await expect.poll(() => page.getByTestId('operation-status').textContent()).toBe(km['Carried out']);

      expect(errors).toEqual([]);
      await close();
    },
  );
});

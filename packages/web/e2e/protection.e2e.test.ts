/**
 * End-to-end protection flow in headless Chromium, on the real server and database: screening ->
 * possible victim -> case opened -> consent -> referral to an NGO -> the NGO accepts, records the
 * exploitation -> repatriation recorded and completed. Needs `npm run build:web` first (the server
 * serves packages/web/dist).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.ts';
import { startTestServer } from '@ctis/api/testing';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersForPossibleVictim, type QuestionnaireFile } from './questionnaire-answers';
import { account, chooseCountry, config, km, readJson, signIn, signOut } from './session';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const questionnaire = readJson<QuestionnaireFile>('../../../config/questionnaires/ilo-ec-adult-labour.json');
const SCREENSHOT = fileURLToPath(new URL('../../../test-results/protection-flow.png', import.meta.url));
const SCREENSHOT_EN = fileURLToPath(new URL('../../../test-results/protection-flow-en.png', import.meta.url));

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

const item = (page: Page, testId: string, status: string) =>
  page.locator(`[data-testid="${testId}"][data-status="${status}"]`);

describe('protection flow', () => {
  it(
    'screens a possible victim, refers the case to an NGO that accepts, records a repatriation',
    { timeout: 120_000 },
    async () => {
      if (!server || !browser) throw new Error('setup failed');
      const { url } = server;
      const socialWorker = account('social_worker');
      const ngoWorker = account('ngo_case_worker');
      expect(ngoWorker.organisationId).toBe('chab-dai');

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.setDefaultTimeout(15_000);

      // The social worker screens at the border transit centre, in Khmer (the country's first language).
      await signIn(page, url, socialWorker);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('km');
      await page.getByTestId('work-queue').waitFor();
      await page.getByTestId('nav-screening').click();
      await page.getByTestId('screening-questionnaire').selectOption(questionnaire.id);
      await page.getByTestId('screening-site').selectOption('border_transit_centre');
      const firstIndicator = questionnaire.dimensions[0]!.indicators[0]!;
      await page.getByTestId(`answer-${firstIndicator.id}-yes`).waitFor();
      // The indicator text is shown in the current language.
      expect(await page.getByTestId('screening-answers').textContent()).toContain(firstIndicator.text.km);
      const yes = answersForPossibleVictim(questionnaire);
      for (const id of yes) await page.getByTestId(`answer-${id}-yes`).check();
      const no = questionnaire.dimensions.flatMap((d) => d.indicators).find((i) => !yes.includes(i.id))!;
      await page.getByTestId(`answer-${no.id}-no`).check();

      await page.getByTestId('person-sex').selectOption('female');
      await page.getByTestId('person-birth-year').fill('1998');
      await chooseCountry(page.getByTestId('person-nationality'), 'KHM');
      await page.getByTestId('person-name-khmer').fill('សុខ ដារ៉ា');
      await page.getByTestId('person-name-latin').fill('Sok Dara');
      await page.getByTestId('person-phone').fill('+855 12 345 678');
      await page.getByTestId('screening-submit').click();

      const result = page.getByTestId('screening-result');
      await result.waitFor();
      expect(await result.getAttribute('data-result')).toBe('possible_victim');
      expect(await result.textContent()).toBe(km['Possible victim']);
      const caseLink = page.getByTestId('screening-case-link');
      const caseNumber = /KHM-[A-Z0-9-]+/.exec((await caseLink.textContent()) ?? '')?.[0];
      expect(caseNumber).toBeTruthy();

      // The case: consent to referral, then refer to the NGO (no override needed with consent).
      await caseLink.click();
      await page.getByTestId('case-number').filter({ hasText: caseNumber! }).waitFor();
      await page.getByTestId('action-consent').click();
      await page.getByTestId('consent-purpose-referral').check();
      await page.getByTestId('consent-form-submit').click();
      await page.getByTestId('consent-item').waitFor();
      await page.getByTestId('action-referral').click();
      expect(await page.getByTestId('referral-override').count()).toBe(0);
      await page.getByTestId('referral-to').selectOption('chab-dai');
      await page.getByTestId('referral-reason').fill('Shelter and psycho-social support after return.');
      await page.getByTestId('referral-form-submit').click();
      await item(page, 'referral-item', 'pending').waitFor();

      // Name search finds the person under a spelling variant.
      await page.getByTestId('nav-people').click();
      await page.getByTestId('person-search-name').fill('Sok Darah');
      await page.getByTestId('person-search-name').press('Enter');
      await page.getByTestId('person-results').getByText('Sok Dara').click();
      expect(await page.getByTestId('person-phones').textContent()).toBe('+855 12 345 678');
      await signOut(page);

      // The NGO case worker finds the referred case in the list and accepts the referral.
      await signIn(page, url, ngoWorker);
      await page.getByTestId('nav-cases').click();
      await page.getByTestId(`case-row-${caseNumber}`).getByTestId('case-link').click();
      await page.getByTestId('referral-accept').click();
      await page.getByTestId('referral-accept-form-submit').click();
      await item(page, 'referral-item', 'accepted').waitFor();

      // It records the exploitation (one type, one sector); the summary shows the type's label.
      const forcedLabour = config.codeLists.exploitationTypes.find((c) => c.code === 'forced_labour')!;
      await page.getByTestId('action-exploitation').click();
      await page.getByTestId('exploitation-type-forced_labour').check();
      await page.getByTestId('exploitation-sector-fishing').check();
      await page.getByTestId('exploitation-form-submit').click();
      await page.getByTestId('history-exploitation_recorded').waitFor();
      expect(await page.getByTestId('case-exploitation').textContent()).toContain(forcedLabour.label.km);

      // The NGO now holds the case with the owner: it records the return from Thailand.
      await page.getByTestId('action-repatriation').click();
      await page.getByTestId('repatriation-direction').selectOption('home_from_abroad');
      await chooseCountry(page.getByTestId('repatriation-country'), 'THA');
      await page.getByTestId('repatriation-orgs').selectOption('mfaic-consular');
      await page.getByTestId('repatriation-orgs-chosen').waitFor();
      await page.getByTestId('repatriation-form-submit').click();
      await item(page, 'repatriation-item', 'awaiting').waitFor();
      await page.getByTestId('repatriation-complete').click();
      await page.getByTestId('repatriation-complete-form-submit').click();
      const completed = item(page, 'repatriation-item', 'completed');
      await completed.waitFor();
      expect(await completed.getByTestId('repatriation-status-badge').textContent()).toBe(km['Completed']);
      await page.getByTestId('history-repatriation_completed').waitFor();

      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      // The same case in English.
      await page.getByTestId('lang-switch').click();
      await expect.poll(() => completed.getByTestId('repatriation-status-badge').textContent()).toBe('Completed');
      await page.screenshot({ path: SCREENSHOT_EN, fullPage: true });

      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );
});

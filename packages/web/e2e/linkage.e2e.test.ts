/**
 * Linkage review in headless Chromium, on the real server and database: a consular officer, an NGO
 * worker and a social worker have recorded the same woman (and other people); the victim identification officer starts a
 * run from the linkage page, which runs in the background and reports when it is done, opens the pair
 * it proposes, sees why (field by field, no name stored), confirms it, and finds it among the confirmed
 * pairs, from where the link can be undone. Needs `npm run build:web` first.
 */
import { startTestServer } from '@ctis/api/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { account, km, signIn, signOut } from './session';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

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

/** Records a person through the API as the signed-in user (the page's cookies and CSRF token). */
async function recordPerson(page: Page, body: Record<string, unknown>): Promise<string> {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/persons', {
    data: body,
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const FAMILIES = ['Chea', 'Keo', 'Lim', 'Mao', 'Nuon', 'Pich', 'Sam', 'Touch', 'Ung', 'Yim', 'Heng', 'Ly'];
const GIVENS = ['Bopha', 'Dara', 'Kosal', 'Mealea', 'Nary', 'Piseth', 'Rith', 'Sreyleak', 'Thida', 'Vuthy'];

describe('linkage review', () => {
  it(
    'runs the linker in the background, shows the proposed pair with its reasons, confirms and undoes it',
    {
      timeout: 180_000,
    },
    async () => {
      if (!server || !browser) throw new Error('setup failed');
      const { url } = server;
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, baseURL: url });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.setDefaultTimeout(20_000);

      // Three agencies record the same woman, each spelling her name its own way; the others are nobody else.
      const woman = { sex: 'female', birthYear: 1994, nationality: 'KHM', province: 'KH-12', label: 'R' };
      await signIn(page, url, account('consular_officer'));
      await recordPerson(page, {
        ...woman,
        identity: { names: [{ script: 'latn', family: 'SOKHA', given: 'CHENDA' }], dateOfBirth: '1994-06-11' },
      });
      for (let i = 0; i < 60; i++)
        await recordPerson(page, {
          sex: i % 3 ? 'female' : 'male',
          birthYear: 1970 + (i % 35),
          nationality: 'KHM',
          province: `KH-${1 + (i % 20)}`,
          label: 'R',
          identity: {
            names: [{ script: 'latn', family: FAMILIES[i % FAMILIES.length], given: GIVENS[(i * 7) % GIVENS.length] }],
            dateOfBirth: `${1970 + (i % 35)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
          },
        });
      await signOut(page);
      for (const [role, family, given] of [
        ['ngo_case_worker', 'Sokha', 'Chenda'],
        ['social_worker', 'Sokhaa', 'Chenda'],
      ] as const) {
        await signIn(page, url, account(role));
        await recordPerson(page, {
          ...woman,
          identity: { names: [{ script: 'latn', family, given }], dateOfBirth: '1994-06-11' },
        });
        await signOut(page);
      }

      // The reviewer starts a run: the page follows it until it is done.
      await signIn(page, url, account('identification_officer'));
      await page.goto(new URL('/linkage', url).href);
      await page.getByRole('heading', { level: 1, name: km['Linkage review'] }).waitFor();
      await page.getByTestId('linkage-run').click();
      const result = page.getByTestId('linkage-run-result');
      await result.waitFor();
      await expect.poll(() => result.getAttribute('class')).toContain('alert-success');
      expect(await page.getByTestId('linkage-run').isEnabled()).toBe(true);

      // The pair is in the queue with its reasons; opening it shows both records side by side.
      const rows = page.locator('[data-testid="linkage-open"]');
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThanOrEqual(1);
      const reasons = page.getByTestId('linkage-reasons').first();
      expect(await reasons.textContent()).toContain(km['Family name']);
      await rows.first().click();
      await page.getByTestId('linkage-confirm').click();
      await page.getByTestId('linkage-pair-undo').waitFor();

      // Among the confirmed pairs, from where the link can be undone.
      await page.getByRole('button', { name: km['Confirmed'] }).click();
      await page.getByTestId('linkage-undo').first().waitFor();
      await page.getByTestId('linkage-undo').first().click();
      await page.getByRole('button', { name: km['To review'] }).click();
      await page.getByTestId('linkage-open').first().waitFor();

      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

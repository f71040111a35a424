/**
 * End-to-end: the built web app, served by the real API server on the real database, driven in
 * headless Chromium. Needs `npm run build:web` first (the server serves packages/web/dist).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.ts';
import { startTestServer } from '@ctis/api/testing';
import { TOTP } from 'otpauth';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const km = JSON.parse(readFileSync(new URL('../src/locales/km.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;
const SCREENSHOT = fileURLToPath(new URL('../../../test-results/shell-km.png', import.meta.url));

let server: TestServer | undefined;
let browser: Browser | undefined;

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('web shell', () => {
  it('signs in with MFA, shows the nav by role, switches to Khmer and signs out', { timeout: 90_000 }, async () => {
    if (!server || !browser) throw new Error('setup failed');
    // The demo account of role national_admin: it has user.read, so the Users link shows.
    const { url, demo } = server;
    const config = (await (await fetch(new URL('/api/config/public', url))).json()) as { languages: string[] };

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(15_000);

    // Not signed in: the app sends us to /login, in the country's first language.
    await page.goto(url);
    await page.waitForURL('**/login');
    await page.getByTestId('login-username').waitFor();
    expect(await htmlLang(page)).toBe(config.languages[0]);

    // Start from English, so the switch below goes to Khmer whatever the country's default is.
    if ((await htmlLang(page)) !== 'en') {
      await page.getByTestId('lang-switch').click();
      await expect.poll(() => htmlLang(page)).toBe('en');
    }

    // Password first; the server then asks for the authenticator code.
    await page.getByTestId('login-username').fill(demo.username);
    await page.getByTestId('login-password').fill(demo.password);
    await page.getByTestId('login-submit').click();
    const totpField = page.getByTestId('login-totp');
    await totpField.waitFor();
    await totpField.fill(new TOTP({ secret: demo.totpSecret }).generate());
    await page.getByTestId('login-submit').click();

    // Home: the user's display name in the header and the greeting.
    await page.getByTestId('user-menu').waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    const displayName = (session as { user: { displayName: string } }).user.displayName;
    expect(displayName).toBeTruthy();
    expect(await page.getByTestId('user-menu').textContent()).toContain(displayName);
    expect(await page.getByTestId('home-welcome').textContent()).toContain(displayName);
    expect(new URL(page.url()).pathname).toBe('/');

    // National admin may read users: the link is there, in English for now.
    const navUsers = page.getByTestId('nav-users');
    await navUsers.waitFor();
    expect(await navUsers.textContent()).toBe('Users');

    // Switch to Khmer: <html lang>, the nav label, and the choice survives a reload.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => htmlLang(page)).toBe('km');
    await expect.poll(() => navUsers.textContent()).toBe(km['Users']);
    expect(await page.evaluate(() => localStorage.getItem('ctis.lang'))).toBe('km');
    await page.reload();
    await navUsers.waitFor();
    expect(await htmlLang(page)).toBe('km');
    expect(await navUsers.textContent()).toBe(km['Users']);

    // The Khmer font must be the shipped one, loaded, before the screenshot.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const khmerFontLoaded = await page.evaluate(() =>
      [...document.fonts].some(
        (f) => f.family.includes('Noto Sans Khmer') && f.unicodeRange.includes('1780') && f.status === 'loaded',
      ),
    );
    expect(khmerFontLoaded).toBe(true);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Sign out: back to /login, and the session is gone on the server.
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.getByTestId('login-username').waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/session')).status)).toBe(401);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

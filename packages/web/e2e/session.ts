/** Shared steps of the browser tests: the demo accounts of the Cambodian configuration, signing in and out. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, demoAccounts, loadCountryConfigFile, type DemoAccount } from '@ctis/api';
import { TOTP } from 'otpauth';
import type { Locator, Page } from 'playwright-core';

export const readJson = <T>(relative: string): T =>
  JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as T;
export const km = readJson<Record<string, string>>('../src/locales/km.json');
export const config = loadCountryConfigFile(
  fileURLToPath(new URL('../../../config/countries/KHM.json', import.meta.url)),
);
const accounts = demoAccounts(config);

export function account(role: string): DemoAccount {
  const found = accounts.find((a) => a.role === role);
  if (!found) throw new Error(`no demo account for ${role}`);
  return found;
}

/** Signs in through the form: password, then the current TOTP code. */
export async function signIn(page: Page, url: string, who: DemoAccount): Promise<void> {
  await page.goto(new URL('/login', url).href);
  await page.getByTestId('login-username').fill(who.username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-totp').fill(new TOTP({ secret: who.totpSecret }).generate());
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor();
}

/** A country is a select when the server lists countries, else a three-letter box. */
export async function chooseCountry(field: Locator, code: string): Promise<void> {
  const tag = await field.evaluate((el) => el.tagName);
  if (tag === 'SELECT') await field.selectOption(code);
  else await field.fill(code);
}

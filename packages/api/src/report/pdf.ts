import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { renderReportHtml } from './html.ts';
import type { ReportConfig } from './texts.ts';
import type { AnnualReport, ReportLang } from './types.ts';

/**
 * The annual report as a PDF: the HTML page printed by headless Chromium, which shapes Khmer with
 * HarfBuzz (subscript consonants, vowels above and below) using the embedded Noto Sans Khmer.
 * The browser is Debian's Chromium at /usr/bin/chromium, or CTIS_CHROMIUM.
 */

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(): string {
  return process.env.CTIS_CHROMIUM || DEFAULT_CHROMIUM;
}

/** Headless Chromium with the flags that keep it off the network. Throws a clear error when it is missing. */
export async function launchReportBrowser(executablePath = chromiumPath()): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is not installed at ${executablePath}: the PDF report is printed by headless Chromium — ` +
        'install it (Debian: apt-get install chromium) or set CTIS_CHROMIUM to its path',
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface RenderPdfOptions {
  /** A browser to reuse (not closed); otherwise one is launched and closed. */
  readonly browser?: Browser;
}

export async function renderReportPdf(
  report: AnnualReport,
  lang: ReportLang,
  config: ReportConfig,
  options: RenderPdfOptions = {},
): Promise<Buffer> {
  const html = renderReportHtml(report, lang, config);
  const browser = options.browser ?? (await launchReportBrowser());
  try {
    const context = await browser.newContext({ offline: true });
    try {
      const page = await context.newPage();
      // Nothing leaves the page: the fonts are data: URLs.
      await page.route(/^(?!data:)/, (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      // Print only once every embedded face the text uses has loaded (the page itself has no script).
      await page.evaluate('document.fonts.ready.then(() => true)');
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      return Buffer.from(pdf);
    } finally {
      await context.close();
    }
  } finally {
    if (!options.browser) await browser.close();
  }
}

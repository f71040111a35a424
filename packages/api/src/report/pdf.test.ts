import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCountryConfigFile } from '../config-file.ts';
import { fixtureReport } from './annual-report.fixture.ts';
import { readFontTables } from './font-cmap.ts';
import { embeddedFaces, uncoveredCharacters } from './fonts.ts';
import { renderReportHtml } from './html.ts';
import { chromiumPath, launchReportBrowser, renderReportPdf } from './pdf.ts';
import type { ReportLang } from './types.ts';

/**
 * The PDF in Khmer and English. Nothing is skipped: without Chromium (CTIS_CHROMIUM, default
 * /usr/bin/chromium) or poppler-utils (pdffonts, pdftoppm) these tests fail and say what to install.
 * Page 1 of each PDF is kept as test-results/annual-report-<lang>.png to look at.
 */

const KHM = loadCountryConfigFile(fileURLToPath(new URL('../../../../config/countries/KHM.json', import.meta.url)));
const RESULTS = fileURLToPath(new URL('../../../../test-results/', import.meta.url));
const report = fixtureReport();
const LANGS: readonly ReportLang[] = ['km', 'en'];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

/** Every character the page draws: the text of the document and the strings of its @page margin boxes. */
function drawnText(html: string): string {
  const css = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('\n');
  const marginBoxes = [...css.replace(/@font-face[^}]*}/g, '').matchAll(/content:\s*([^;]+);/g)]
    .flatMap((m) => [...m[1]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((s) => s[1]!.replace(/\\(.)/g, '$1')))
    .join(' ');
  const body = html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) =>
      e.startsWith('#x')
        ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : (ENTITIES[e] ?? (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m)),
    );
  return `${body} ${marginBoxes}`;
}

function tool(name: string, args: string[]): string {
  try {
    return execFileSync(name, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${name} is not installed: it comes with poppler-utils (apt-get install -y poppler-utils)`);
    throw err;
  }
}

describe('glyphs: the embedded fonts draw every character of the report', () => {
  it('finds a missing glyph when there is one (the check works)', () => {
    const missing = uncoveredCharacters('ក្រ abc 中');
    expect(missing.map((m) => `${m.codePoint}@${m.weight}`)).toEqual(['U+4E2D@400', 'U+4E2D@700']);
  });

  it.each(LANGS)('covers every character of the %s page, in regular and bold', (lang) => {
    const text = drawnText(renderReportHtml(report, lang, KHM));
    if (lang === 'km') {
      expect(text).toContain('\u17d2'); // coeng: subscript consonants are exercised
      expect(text).toMatch(/[\u17b7-\u17ba]/); // vowels above
      expect(text).toMatch(/[\u17bb-\u17bd]/); // vowels below
      expect(text).toContain('ទំព័រ'); // the page footer (an @page margin box)
    }
    const missing = uncoveredCharacters(text);
    expect(missing, `characters without a glyph in the embedded fonts: ${JSON.stringify(missing)}`).toEqual([]);
  });

  it('embeds the Khmer face with its shaping tables (GSUB and GPOS: subscripts, vowel placement)', () => {
    for (const face of embeddedFaces().filter((f) => f.subset === 'khmer')) {
      const tables = readFontTables(face.bytes).tags;
      expect(tables, face.file).toEqual(expect.arrayContaining(['cmap', 'GSUB', 'GPOS']));
    }
  });
});

describe('renderReportPdf', () => {
  let browser: Browser;
  let dir: string;
  const pdfs = new Map<ReportLang, string>();

  beforeAll(async () => {
    browser = await launchReportBrowser(); // throws, naming CTIS_CHROMIUM, when Chromium is missing
    dir = mkdtempSync(join(tmpdir(), 'ctis-report-pdf-'));
    for (const lang of LANGS) {
      const pdf = await renderReportPdf(report, lang, KHM, { browser });
      const file = join(dir, `annual-report-${lang}.pdf`);
      writeFileSync(file, pdf);
      pdfs.set(lang, file);
    }
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('fails clearly when Chromium is not where it is configured', async () => {
    const saved = process.env.CTIS_CHROMIUM;
    process.env.CTIS_CHROMIUM = '/nonexistent/chromium';
    try {
      expect(chromiumPath()).toBe('/nonexistent/chromium');
      await expect(launchReportBrowser()).rejects.toThrow(
        /Chromium is not installed at \/nonexistent\/chromium.*CTIS_CHROMIUM/,
      );
    } finally {
      if (saved === undefined) delete process.env.CTIS_CHROMIUM;
      else process.env.CTIS_CHROMIUM = saved;
    }
  });

  it.each(LANGS)('is a PDF (%s) whose only fonts are the embedded Noto Sans Khmer faces', (lang) => {
    const file = pdfs.get(lang)!;
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const lines = tool('pdffonts', [file]).trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      // name type encoding emb sub uni: a fallback font (e.g. DejaVu for a missing glyph) fails here.
      expect(line, `pdffonts: ${line}`).toMatch(/^[A-Z]{6}\+NotoSansKhmer-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/);
    }
    expect(lines.some((l) => l.includes('NotoSansKhmer-Regular'))).toBe(true);
    expect(lines.some((l) => l.includes('NotoSansKhmer-Bold'))).toBe(true);
  });

  it('has the English sentences as text', () => {
    const text = tool('pdftotext', ['-layout', pdfs.get('en')!, '-']);
    expect(text).toContain('207 (53 in 2016)');
    expect(text).toContain('6 of 9 (5 in 2016)');
    expect(text).toContain('Prosecution');
  });

  it.each(LANGS)('renders page 1 (%s) to a PNG that is not blank, kept in test-results', async (lang) => {
    const prefix = join(dir, `page-${lang}`);
    tool('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfs.get(lang)!, prefix]);
    const png = `${prefix}.png`;
    expect(existsSync(png)).toBe(true);
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBeGreaterThan(600); // A4 at 80 dpi: 661 x 935
    expect(info.height).toBeGreaterThan(900);
    let dark = 0;
    let sum = 0;
    let sumSq = 0;
    for (const v of data) {
      if (v < 128) dark++;
      sum += v;
      sumSq += v * v;
    }
    const mean = sum / data.length;
    const stdev = Math.sqrt(sumSq / data.length - mean * mean);
    expect(stdev, 'page 1 is blank').toBeGreaterThan(20);
    expect(dark / data.length).toBeGreaterThan(0.01); // text is drawn...
    expect(dark / data.length).toBeLessThan(0.5); // ...on a white page
    mkdirSync(RESULTS, { recursive: true });
    copyFileSync(png, join(RESULTS, `annual-report-${lang}.png`));
  });
});

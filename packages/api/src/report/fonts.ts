import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cmapCodePoints } from './font-cmap.ts';

/**
 * The report's fonts, embedded in the HTML as data: URLs so the page and the PDF never depend on
 * the fonts of the machine: Noto Sans Khmer from @fontsource/noto-sans-khmer, whose Latin and
 * Latin-extended subsets also carry the Latin letters, digits and punctuation (one family for both
 * scripts, so Khmer and Latin share a baseline). Regular and bold, each as three subsets with the
 * unicode-range fontsource publishes. The .woff files are embedded (not .woff2) so that the glyph
 * test reads the cmap of exactly the bytes the page uses.
 */

/** A family name no system font has: Chromium can only use the embedded faces for it. */
export const REPORT_FONT_FAMILY = 'CTIS Report Noto Sans Khmer';
export const REPORT_FONT_WEIGHTS = [400, 700] as const;
const SUBSETS = ['khmer', 'latin', 'latin-ext'] as const;
const PACKAGE = '@fontsource/noto-sans-khmer';

export interface EmbeddedFace {
  readonly subset: (typeof SUBSETS)[number];
  readonly weight: (typeof REPORT_FONT_WEIGHTS)[number];
  /** Path of the .woff file in node_modules. */
  readonly file: string;
  /** CSS unicode-range, e.g. "U+1780-17FF,U+19E0-19FF,U+200C-200D,U+25CC". */
  readonly unicodeRange: string;
  readonly bytes: Buffer;
}

let faces: readonly EmbeddedFace[] | undefined;

/** The embedded faces, read once from node_modules. */
export function embeddedFaces(): readonly EmbeddedFace[] {
  if (faces) return faces;
  const require = createRequire(import.meta.url);
  let ranges: Record<string, string>;
  try {
    ranges = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/unicode.json`), 'utf8')) as Record<string, string>;
  } catch (err) {
    throw new Error(`the report font ${PACKAGE} is not installed (npm ci installs it): ${(err as Error).message}`);
  }
  const list: EmbeddedFace[] = [];
  for (const weight of REPORT_FONT_WEIGHTS)
    for (const subset of SUBSETS) {
      const unicodeRange = ranges[subset];
      if (!unicodeRange) throw new Error(`${PACKAGE}/unicode.json has no "${subset}" subset`);
      const file = require.resolve(`${PACKAGE}/files/noto-sans-khmer-${subset}-${weight}-normal.woff`);
      list.push({ subset, weight, file, unicodeRange, bytes: readFileSync(file) });
    }
  faces = list;
  return list;
}

/** @font-face rules for every embedded face, as data: URLs. */
export function fontFaceCss(): string {
  return embeddedFaces()
    .map(
      (f) =>
        `@font-face { font-family: '${REPORT_FONT_FAMILY}'; font-style: normal; font-weight: ${f.weight}; ` +
        `font-display: block; src: url(data:font/woff;base64,${f.bytes.toString('base64')}) format('woff'); ` +
        `unicode-range: ${f.unicodeRange}; }`,
    )
    .join('\n');
}

function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(lo!, 16);
    return [start, hi === undefined ? start : parseInt(hi, 16)];
  });
}

export interface UncoveredCharacter {
  readonly char: string;
  /** "U+17D2" */
  readonly codePoint: string;
  readonly weight: number;
}

/**
 * The characters of `text` that the embedded faces cannot draw, per weight: for a character, the
 * faces whose unicode-range includes it must map it in their cmap (else the browser falls back to
 * a system font, or draws a box). Control characters (tab, newline) are not drawn and not checked.
 */
export function uncoveredCharacters(
  text: string,
  list: readonly EmbeddedFace[] = embeddedFaces(),
): UncoveredCharacter[] {
  const prepared = list.map((f) => ({
    ...f,
    ranges: parseUnicodeRange(f.unicodeRange),
    cmap: cmapCodePoints(f.bytes),
  }));
  const out: UncoveredCharacter[] = [];
  const chars = [...new Set(Array.from(text))].filter((c) => c.codePointAt(0)! >= 0x20);
  for (const weight of new Set(list.map((f) => f.weight)))
    for (const char of chars) {
      const cp = char.codePointAt(0)!;
      const ok = prepared.some(
        (f) => f.weight === weight && f.ranges.some(([lo, hi]) => cp >= lo && cp <= hi) && f.cmap.has(cp),
      );
      if (!ok) out.push({ char, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, weight });
    }
  return out;
}

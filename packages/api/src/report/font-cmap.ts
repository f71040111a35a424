import { inflateSync } from 'node:zlib';

/**
 * The code points a font maps to a glyph, read from its `cmap` table: enough to prove a report's
 * text is covered by the fonts it embeds (no tofu boxes, no silent fallback to another font).
 * Reads TrueType/OpenType (sfnt) and WOFF 1.0 (zlib-compressed tables); cmap formats 4 and 12.
 */

export interface FontTables {
  readonly tags: readonly string[];
  table(tag: string): Buffer | undefined;
}

/** The tables of an sfnt or WOFF 1.0 font. */
export function readFontTables(font: Buffer): FontTables {
  const signature = font.toString('latin1', 0, 4);
  const entries = new Map<string, () => Buffer>();
  if (signature === 'wOFF') {
    const numTables = font.readUInt16BE(12);
    for (let i = 0; i < numTables; i++) {
      const at = 44 + i * 20;
      const tag = font.toString('latin1', at, at + 4);
      const offset = font.readUInt32BE(at + 4);
      const compLength = font.readUInt32BE(at + 8);
      const origLength = font.readUInt32BE(at + 12);
      const raw = font.subarray(offset, offset + compLength);
      entries.set(tag, () => (compLength < origLength ? inflateSync(raw) : raw));
    }
  } else if (signature === 'wOF2') {
    throw new Error('WOFF2 fonts are not readable here (Brotli plus glyph transforms): use the .woff file');
  } else {
    const numTables = font.readUInt16BE(4);
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      const tag = font.toString('latin1', at, at + 4);
      const offset = font.readUInt32BE(at + 8);
      const length = font.readUInt32BE(at + 12);
      entries.set(tag, () => font.subarray(offset, offset + length));
    }
  }
  return { tags: [...entries.keys()], table: (tag) => entries.get(tag)?.() };
}

/** Every code point the font's Unicode cmap subtables map to a glyph other than .notdef. */
export function cmapCodePoints(font: Buffer): Set<number> {
  const cmap = readFontTables(font).table('cmap');
  if (!cmap) throw new Error('the font has no cmap table');
  const covered = new Set<number>();
  const numTables = cmap.readUInt16BE(2);
  const seen = new Set<number>();
  for (let i = 0; i < numTables; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || seen.has(offset)) continue;
    seen.add(offset);
    const format = cmap.readUInt16BE(offset);
    if (format === 4) readFormat4(cmap, offset, covered);
    else if (format === 12) readFormat12(cmap, offset, covered);
  }
  return covered;
}

function readFormat4(t: Buffer, at: number, out: Set<number>): void {
  const segCount = t.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let s = 0; s < segCount; s++) {
    const end = t.readUInt16BE(ends + s * 2);
    const start = t.readUInt16BE(starts + s * 2);
    const delta = t.readInt16BE(deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = t.readUInt16BE(rangeOffsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = t.readUInt16BE(rangeOffsetAt + rangeOffset + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
}

function readFormat12(t: Buffer, at: number, out: Set<number>): void {
  const groups = t.readUInt32BE(at + 12);
  for (let g = 0; g < groups; g++) {
    const p = at + 16 + g * 12;
    const start = t.readUInt32BE(p);
    const end = t.readUInt32BE(p + 4);
    const startGlyph = t.readUInt32BE(p + 8);
    for (let c = start; c <= end; c++) if (startGlyph + (c - start) !== 0) out.add(c);
  }
}

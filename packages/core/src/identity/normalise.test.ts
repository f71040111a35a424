import { describe, expect, it } from 'vitest';
import { FOLD_RULES, foldNameToken, nameKey, normaliseNameTokens, spelledNameTokens } from './normalise.ts';

describe('normaliseNameTokens', () => {
  it('lower-cases, strips diacritics and punctuation, splits on spaces and hyphens', () => {
    expect(spelledNameTokens('  SOK,  Dara-Lý ')).toEqual(['sok', 'dara', 'ly']);
    expect(spelledNameTokens("Đặng O'Neil")).toEqual(['dang', 'oneil']);
    expect(spelledNameTokens('Ｓｏｋ')).toEqual(['sok']); // NFKC: full-width letters
  });
  it('romanises Khmer tokens', () => {
    expect(spelledNameTokens('សុខ ដារ៉ា')).toEqual(['sokh', 'dara']);
  });
  it('folds each token, keeping the order written', () => {
    expect(normaliseNameTokens('Sok Darah')).toEqual(['sok', 'tara']);
  });
  it('has no tokens for an empty or punctuation-only name', () => {
    expect(normaliseNameTokens(' - ')).toEqual([]);
    expect(nameKey('')).toBe('');
  });
});

describe('folding rules', () => {
  it('every rule says why', () => {
    for (const rule of FOLD_RULES) expect(rule.why.length).toBeGreaterThan(5);
  });
  it.each([
    ['darah', 'dara'],
    ['sokk', 'sok'],
    ['vanna', 'vana'],
    ['pisey', 'pisei'],
    ['pisay', 'pisei'],
    ['sophea', 'sopha'],
    ['sophia', 'sopha'],
    ['thida', 'tida'],
    ['khim', 'kim'],
    ['jeata', 'cheata'],
    ['ceata', 'cheata'],
    ['sou', 'so'],
    ['sowann', 'sovann'],
    ['ly', 'li'],
    ['chamroeun', 'chamreun'],
    ['stueng', 'stoeng'],
    ['leang', 'lieng'],
    ['kagna', 'kanha'],
    ['soq', 'sok'],
    ['chhay', 'chey'],
  ])('%s and %s fold together', (a, b) => {
    expect(foldNameToken(a)).toBe(foldNameToken(b));
  });
  it.each([
    ['dara', 'dina'],
    ['thy', 'thida'],
    ['sok', 'so'],
    ['sophea', 'sophal'],
    ['heng', 'hong'],
  ])('%s and %s stay apart', (a, b) => {
    expect(foldNameToken(a)).not.toBe(foldNameToken(b));
  });
});

describe('nameKey', () => {
  it('gives one key for order, case, spacing, spelling variants and Khmer script', () => {
    const variants = ['Sok Dara', 'Sok Darah', 'Dara Sok', 'SOK  Dara', 'សុខ ដារ៉ា', 'sokh-dara', 'ដារ៉ា សុខ'];
    const keys = new Set(variants.map(nameKey));
    expect(keys).toEqual(new Set(['sok tara']));
  });
  it('keeps clearly different names apart', () => {
    expect(nameKey('Sok Dara')).not.toBe(nameKey('Sok Dina'));
    expect(nameKey('Chan Thy')).not.toBe(nameKey('Chan Thida'));
    expect(nameKey('Sok Dara')).not.toBe(nameKey('Sok'));
  });
  it('keeps repeated tokens (a name, not a set)', () => {
    expect(nameKey('Sok Sok')).toBe('sok sok');
  });
});

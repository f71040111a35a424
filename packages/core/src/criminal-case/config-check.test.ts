import { describe, expect, it } from 'vitest';
import type { CriminalCaseConfig } from './config-check.ts';
import { checkCriminalEventAgainstConfig } from './config-check.ts';
import { COURT, ev, LEAD, PROSECUTOR } from './fixtures.ts';

const name = { en: 'x' };
const cfg = {
  country: 'KHM',
  provinces: [{ code: 'KH-1', name }],
  organisations: [
    { id: LEAD, type: 'police', name },
    { id: PROSECUTOR, type: 'prosecutor', name },
    { id: COURT, type: 'court', name },
    { id: 'court-of-appeal', type: 'court', name },
  ],
  laws: [{ id: 'law-2008-trafficking', year: 2008, name, articles: [{ number: '15', title: name }] }],
} as unknown as CriminalCaseConfig;

const check = (e: Parameters<typeof checkCriminalEventAgainstConfig>[0]) => {
  try {
    checkCriminalEventAgainstConfig(e, cfg);
    return 'ok';
  } catch (err) {
    return (err as Error).message;
  }
};

describe('checkCriminalEventAgainstConfig', () => {
  it('accepts configured organisations, provinces, laws and articles', () => {
    for (const e of [ev.opened(), ev.evidence(), ev.charged(), ev.trial(), ev.appeal(), ev.supervised()]) {
      expect(check(e)).toBe('ok');
    }
  });

  it('names the field of an unknown law, article or province', () => {
    expect(check(ev.opened({ legalBasis: { lawId: 'law-1999', article: '1' } }))).toMatch(
      /^legalBasis.article: unknown law/,
    );
    expect(check(ev.opened({ legalBasis: { lawId: 'law-2008-trafficking', article: '99' } }))).toMatch(
      /^legalBasis.article: article 99/,
    );
    expect(check(ev.opened({ province: 'KH-99' }))).toMatch(/^province: unknown/);
    expect(check(ev.charged({ articles: ['law-2008-trafficking:15', 'law-2008-trafficking:3'] }))).toMatch(
      /^articles.1:/,
    );
    expect(check(ev.charged({ articles: ['15'] }))).toMatch(/^articles.0: "15" is not/);
  });

  it('requires a prosecutor for evidence and charges, and a court for charges, trials and appeals', () => {
    expect(check(ev.evidence({ prosecutorOrganisationId: COURT }))).toMatch(
      /^prosecutorOrganisationId: .* not a prosecutor/,
    );
    expect(check(ev.charged({ courtOrganisationId: PROSECUTOR }))).toMatch(/^courtOrganisationId: .* not a court/);
    expect(check(ev.appeal({ courtOrganisationId: LEAD }))).toMatch(/^courtOrganisationId:/);
    expect(check(ev.supervised({ supervisingOrganisationId: 'nowhere' }))).toMatch(
      /^supervisingOrganisationId: unknown/,
    );
  });
});

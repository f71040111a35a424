import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseCountryConfig } from './parse.ts';
import { ACTIONS } from '../access/actions.ts';

const ROLE_IDS = [
  'national_admin',
  'national_analyst',
  'secretariat_officer',
  'provincial_coordinator',
  'investigator',
  'police_supervisor',
  'prosecutor',
  'court_clerk',
  'social_worker',
  'identification_officer',
  'consular_officer',
  'labour_inspector',
  'ngo_case_worker',
  'oversight_auditor',
];

/** A fresh, mutable copy of a shipped configuration (untyped on purpose: tests break it). */
function load(code: string): any {
  const url = new URL(`../../../../config/countries/${code}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'));
}

/** Parses and returns the ConfigError it must throw. */
function failure(raw: unknown): ConfigError {
  try {
    parseCountryConfig(raw, { actions: ACTIONS });
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('shipped configurations', () => {
  it('Cambodia parses with 25 provinces, the 14 roles and its defaults applied', () => {
    const khm = parseCountryConfig(load('KHM'), { actions: ACTIONS });
    expect(khm.country).toBe('KHM');
    expect(khm.languages[0]).toBe('km');
    expect(khm.provinces).toHaveLength(25);
    expect(khm.provinces.find((p) => p.code === 'KH-12')?.name).toEqual({ km: 'ភ្នំពេញ', en: 'Phnom Penh' });
    expect(khm.roles.map((r) => r.id).sort()).toEqual([...ROLE_IDS].sort());
    expect(khm.organisations.filter((o) => o.type === 'provincial-committee')).toHaveLength(25);
    const nationalAdmin = khm.roles.find((r) => r.id === 'national_admin')!;
    expect(nationalAdmin.grants[0]).toMatchObject({ labels: ['N'], breakGlass: false, hiddenFields: [] });
  });

  it('Testland parses: nothing Cambodian is hard-coded', () => {
    const xta = parseCountryConfig(load('XTA'), { actions: ACTIONS });
    expect(xta.currency).toBe('XTS');
    expect(xta.languages).toEqual(['en', 'fr']);
    expect(xta.roles.map((r) => r.id).sort()).toEqual([...ROLE_IDS].sort());
    expect(xta.security.passwordMinLength).toBe(12);
    expect(xta.statistics.suppressionThreshold).toBe(10);
  });

  it('returns a deep-frozen configuration', () => {
    const xta = parseCountryConfig(load('XTA'), { actions: ACTIONS });
    expect(Object.isFrozen(xta)).toBe(true);
    expect(Object.isFrozen(xta.roles[0]!.grants[0]!.labels)).toBe(true);
    expect(() => {
      (xta.provinces as { code: string }[]).push({ code: 'XT-E' });
    }).toThrow(TypeError);
  });
});

describe('validation rules', () => {
  it('rejects an unknown province reference', () => {
    const raw = load('KHM');
    raw.organisations[4].province = 'XX';
    const err = failure(raw);
    expect(err.issues).toEqual([
      {
        path: 'organisations[4].province',
        message: 'unknown province code "XX" — use one of the codes listed under provinces',
      },
    ]);
    expect(err.message).toContain(
      'organisations[4].province: unknown province code "XX" — use one of the codes listed under provinces',
    );
  });

  it('rejects a duplicate organisation id', () => {
    const raw = load('XTA');
    raw.organisations[2].id = raw.organisations[0].id;
    expect(failure(raw).issues).toEqual([
      {
        path: 'organisations[2].id',
        message: 'duplicate id "national-commission" (also at index 0) — give each entry its own id',
      },
    ]);
  });

  it('rejects a missing Khmer text', () => {
    const raw = load('KHM');
    delete raw.provinces[3].name.km;
    const err = failure(raw);
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]!.path).toBe('provinces[3].name.km');
    expect(err.issues[0]!.message).toMatch(/^missing text in "km" — add a "km" entry/);
  });

  it('rejects an action that is not in the catalogue', () => {
    const raw = load('XTA');
    raw.roles[1].grants[0].action = 'case.delete';
    const err = failure(raw);
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]!.path).toBe('roles[1].grants[0].action');
    expect(err.issues[0]!.message).toMatch(/^unknown action "case.delete" — use one of: user.read, /);
  });

  it('rejects a bad country code', () => {
    const raw = load('XTA');
    raw.country = 'xt';
    raw.organisations[6].country = 'ZZZ';
    expect(failure(raw).issues).toEqual([
      { path: 'country', message: 'not an ISO 3166-1 alpha-3 code — use three capital letters, e.g. "KHM"' },
      {
        path: 'organisations[6].country',
        message: 'unknown country code "ZZZ" — add it to countries or use one listed there',
      },
    ]);
  });

  it('rejects a parent cycle, once per cycle', () => {
    const raw = load('XTA');
    raw.organisations[0].parent = 'north-committee'; // north-committee's parent is national-commission
    const err = failure(raw);
    expect(err.issues).toEqual([
      {
        path: 'organisations[0].parent',
        message:
          'parent cycle national-commission -> north-committee -> national-commission — an organisation cannot be its own ancestor; fix one parent',
      },
    ]);
  });

  it('lists every problem at once, with a fix for structural errors too', () => {
    const raw = load('XTA');
    raw.timezone = 'Mars/Olympus';
    raw.roles[0].grants[0].scope = 'planet';
    raw.roles[0].grants[0].breakglass = true;
    delete raw.security.mfaIssuer;
    const err = failure(raw);
    expect(err.issues.map((i) => i.path)).toEqual([
      'timezone',
      'roles[0].grants[0].scope',
      'roles[0].grants[0].breakglass',
      'security.mfaIssuer',
    ]);
    expect(err.message).toMatch(/^Invalid country configuration \(4 problems\):\n/);
    for (const issue of err.issues) expect(issue.message).toContain(' — ');
  });
});

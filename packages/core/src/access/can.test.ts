import { describe, expect, it } from 'vitest';
import { can, redact } from './can.ts';
import type { Actor, Grant, RecordFacts } from './types.ts';
import { rulesForRoles, roleRequiresMfa } from './rules.ts';

const g = (action: string, scope: Grant['scope'], extra: Partial<Grant> = {}): Grant => ({
  action,
  scope,
  labels: ['N'],
  breakGlass: false,
  hiddenFields: [],
  ...extra,
});

function actor(grants: Grant[], over: Partial<Actor> = {}): Actor {
  return {
    kind: 'user',
    userId: 'u-me',
    organisationId: 'org-a',
    province: 'P1',
    roles: ['r'],
    rules: rulesForRoles([{ id: 'r', grants }], ['r']),
    breakGlass: [],
    ...over,
  };
}

function record(over: Partial<RecordFacts> = {}): RecordFacts {
  return {
    id: 'rec-1',
    ownerUserId: 'u-other',
    organisationId: 'org-a',
    province: 'P1',
    label: 'N',
    teamUserIds: [],
    sharedWithOrganisationIds: [],
    namedUserIds: [],
    ...over,
  };
}

const NOW = new Date('2026-01-01T00:00:00Z');

describe('can: deny by default', () => {
  it('refuses an action no rule grants (no-rule)', () => {
    expect(can(actor([g('case.read', 'national')]), 'person.read', record(), NOW)).toEqual({
      allowed: false,
      reason: 'no-rule',
    });
  });

  it('allows a collection action when any rule grants it, citing the rule', () => {
    const d = can(actor([g('user.read', 'organisation')]), 'user.read', undefined, NOW);
    expect(d).toMatchObject({ allowed: true, via: 'collection', rule: { id: 'r#0' } });
  });
});

describe('can: scopes', () => {
  const cases: [Grant['scope'], Partial<RecordFacts>, boolean][] = [
    ['own', { ownerUserId: 'u-me' }, true],
    ['own', { ownerUserId: 'u-other' }, false],
    ['team', { teamUserIds: ['u-me'] }, true],
    ['team', { teamUserIds: ['u-x'] }, false],
    ['organisation', { organisationId: 'org-a' }, true],
    ['organisation', { organisationId: 'org-b' }, false],
    ['province', { province: 'P1', organisationId: 'org-b' }, true],
    ['province', { province: 'P2', organisationId: 'org-b' }, false],
    ['national', { organisationId: 'org-z', province: 'P9' }, true],
  ];
  for (const [scope, facts, allowed] of cases) {
    it(`${scope} scope ${allowed ? 'allows' : 'denies (out of scope)'} ${JSON.stringify(facts)}`, () => {
      const d = can(actor([g('case.read', scope)]), 'case.read', record(facts), NOW);
      expect(d.allowed).toBe(allowed);
      if (!d.allowed) expect(d.reason).toBe('out-of-scope');
    });
  }

  it('a compartment (shared by referral) opens the record to the receiving organisation', () => {
    const shared = record({ organisationId: 'org-b', sharedWithOrganisationIds: ['org-a'] });
    expect(can(actor([g('case.read', 'organisation')]), 'case.read', shared, NOW)).toMatchObject({
      allowed: true,
      via: 'compartment',
    });
    expect(
      can(actor([g('case.read', 'organisation')], { organisationId: 'org-c' }), 'case.read', shared, NOW).allowed,
    ).toBe(false);
  });
});

describe('can: sensitivity labels', () => {
  const rGrant = g('person.read', 'organisation', { labels: ['N', 'R'], breakGlass: true });

  it('R: the named team may open it', () => {
    expect(can(actor([rGrant]), 'person.read', record({ label: 'R', teamUserIds: ['u-me'] }), NOW)).toMatchObject({
      allowed: true,
      via: 'scope',
    });
  });

  it('R: others in scope must break the glass', () => {
    expect(can(actor([rGrant]), 'person.read', record({ label: 'R' }), NOW)).toEqual({
      allowed: false,
      reason: 'break-glass-required',
    });
  });

  it('R: an active break-glass opens it, an expired one does not', () => {
    const open = actor([rGrant], { breakGlass: [{ recordId: 'rec-1', expiresAt: new Date(NOW.getTime() + 60_000) }] });
    expect(can(open, 'person.read', record({ label: 'R' }), NOW)).toMatchObject({ allowed: true, via: 'break-glass' });
    const expired = actor([rGrant], { breakGlass: [{ recordId: 'rec-1', expiresAt: new Date(NOW.getTime() - 1) }] });
    expect(can(expired, 'person.read', record({ label: 'R' }), NOW).allowed).toBe(false);
  });

  it('R: a rule without the R label and without break-glass gives 404 (out of scope)', () => {
    expect(can(actor([g('person.read', 'organisation')]), 'person.read', record({ label: 'R' }), NOW)).toEqual({
      allowed: false,
      reason: 'out-of-scope',
    });
  });

  it('R: out of scope stays out of scope even with break-glass rights', () => {
    expect(can(actor([rGrant]), 'person.read', record({ label: 'R', organisationId: 'org-b' }), NOW)).toEqual({
      allowed: false,
      reason: 'out-of-scope',
    });
  });

  it('V: only named people, whatever their scope, and never by break-glass', () => {
    const v = record({ label: 'V', namedUserIds: ['u-named'] });
    const national = actor([g('case.read', 'national', { labels: ['N', 'R', 'V'], breakGlass: true })], {
      breakGlass: [{ recordId: 'rec-1', expiresAt: new Date(NOW.getTime() + 60_000) }],
    });
    expect(can(national, 'case.read', v, NOW)).toEqual({ allowed: false, reason: 'out-of-scope' });
    expect(can({ ...national, userId: 'u-named' }, 'case.read', v, NOW)).toMatchObject({ allowed: true, via: 'named' });
  });
});

describe('can: hidden fields follow the deciding rule', () => {
  it('prefers the rule that hides least, and redact drops what it hides', () => {
    const a = actor([g('case.read', 'national', { hiddenFields: ['identity'] }), g('case.read', 'organisation')]);
    const mine = can(a, 'case.read', record(), NOW);
    expect(mine).toMatchObject({ allowed: true, hiddenFields: [] });
    const elsewhere = can(a, 'case.read', record({ organisationId: 'org-b' }), NOW);
    expect(elsewhere).toMatchObject({ allowed: true, hiddenFields: ['identity'] });
    expect(redact({ id: 1, identity: 'x', sex: 'f' }, ['identity'])).toEqual({ id: 1, sex: 'f' });
  });
});

describe('roles', () => {
  it('a role that can read identities requires MFA; others do not', () => {
    expect(roleRequiresMfa({ id: 'a', grants: [g('person.read_identity', 'team')] })).toBe(true);
    expect(roleRequiresMfa({ id: 'b', grants: [g('stats.read', 'national')] })).toBe(false);
    expect(roleRequiresMfa({ id: 'c', grants: [g('user.manage', 'organisation')] })).toBe(true);
  });
});

import type { Actor, Decision, RecordFacts, Rule } from './types.ts';

type Allowed = Extract<Decision, { allowed: true }>;

/**
 * Deny by default. Returns the rule that allowed `action` on `record` (or on the collection when
 * no record is given); that rule also decides which fields stay hidden.
 */
export function can(actor: Actor, action: string, record?: RecordFacts, now = new Date()): Decision {
  const rules = actor.rules.filter((r) => r.action === action);
  if (rules.length === 0) return { allowed: false, reason: 'no-rule' };
  if (!record) {
    const widest = [...rules].sort(byFewestHiddenFields)[0]!;
    return allow(widest, 'collection');
  }
  if (record.label === 'V') {
    // Named people only; scope and break-glass never open a V record.
    if (!record.namedUserIds.includes(actor.userId)) return { allowed: false, reason: 'out-of-scope' };
    return allow([...rules].sort(byFewestHiddenFields)[0]!, 'named');
  }
  const allowedBy: Allowed[] = [];
  let breakGlassPossible = false;
  for (const rule of rules) {
    const via = scopeMatch(actor, rule, record);
    if (!via) continue;
    if (record.label === 'N' || (rule.labels.includes(record.label) && isOnTeam(actor, record))) {
      allowedBy.push(allow(rule, via));
    } else if (rule.labels.includes(record.label) && via === 'compartment') {
      allowedBy.push(allow(rule, via));
    } else if (rule.breakGlass) {
      if (hasActiveBreakGlass(actor, record.id, now)) allowedBy.push(allow(rule, 'break-glass'));
      else breakGlassPossible = true;
    }
  }
  if (allowedBy.length > 0) {
    return allowedBy.sort((a, b) => a.hiddenFields.length - b.hiddenFields.length)[0]!;
  }
  return { allowed: false, reason: breakGlassPossible ? 'break-glass-required' : 'out-of-scope' };
}

function allow(rule: Rule, via: Allowed['via']): Allowed {
  return { allowed: true, rule, via, hiddenFields: rule.hiddenFields };
}

function byFewestHiddenFields(a: Rule, b: Rule): number {
  return a.hiddenFields.length - b.hiddenFields.length;
}

function isOnTeam(actor: Actor, record: RecordFacts): boolean {
  return record.ownerUserId === actor.userId || record.teamUserIds.includes(actor.userId);
}

/** Which way the rule's scope reaches the record, if it does. */
function scopeMatch(actor: Actor, rule: Rule, record: RecordFacts): 'scope' | 'compartment' | null {
  switch (rule.scope) {
    case 'own':
      return record.ownerUserId === actor.userId ? 'scope' : null;
    case 'team':
      return isOnTeam(actor, record) ? 'scope' : null;
    case 'organisation':
      if (actor.organisationId && record.organisationId === actor.organisationId) return 'scope';
      if (actor.organisationId && record.sharedWithOrganisationIds.includes(actor.organisationId)) {
        return 'compartment';
      }
      return null;
    case 'province':
      return actor.province !== null && record.province === actor.province ? 'scope' : null;
    case 'national':
      return 'scope';
    default: {
      const unreachable: never = rule.scope;
      return unreachable;
    }
  }
}

function hasActiveBreakGlass(actor: Actor, recordId: string, now: Date): boolean {
  return actor.breakGlass.some((g) => g.recordId === recordId && g.expiresAt > now);
}

/** Drop the fields the deciding rule hides. Presenters call this; they never return raw rows. */
export function redact<T extends Record<string, unknown>>(value: T, hiddenFields: readonly string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (!hiddenFields.includes(key)) out[key] = v;
  return out as Partial<T>;
}

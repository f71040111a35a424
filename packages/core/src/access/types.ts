import type { Action } from './actions.ts';

export type Scope = 'own' | 'team' | 'organisation' | 'province' | 'national';
/** N ordinary; R restricted (named team, others break glass); V named people only, no break-glass. */
export type Label = 'N' | 'R' | 'V';

/** One grant of a role, as written in the country configuration. */
export interface Grant {
  readonly action: string;
  readonly scope: Scope;
  readonly labels: readonly Label[];
  readonly breakGlass: boolean;
  readonly hiddenFields: readonly string[];
}

/** A grant bound to the role it came from; `id` names it in decisions and audit rows. */
export interface Rule extends Grant {
  readonly id: string;
  readonly role: string;
}

export interface BreakGlassGrant {
  readonly recordId: string;
  readonly expiresAt: Date;
}

export interface Actor {
  readonly kind: 'user' | 'system';
  readonly userId: string;
  readonly organisationId: string | null;
  readonly province: string | null;
  readonly roles: readonly string[];
  readonly rules: readonly Rule[];
  readonly breakGlass: readonly BreakGlassGrant[];
}

/** What the policy needs to know about a record; never its content. */
export interface RecordFacts {
  readonly id: string;
  readonly ownerUserId: string | null;
  readonly organisationId: string | null;
  readonly province: string | null;
  readonly label: Label;
  readonly teamUserIds: readonly string[];
  /** Compartments: organisations the record was shared with by referral. */
  readonly sharedWithOrganisationIds: readonly string[];
  /** For label V: the only people who may open it. */
  readonly namedUserIds: readonly string[];
}

export type Decision =
  | {
      readonly allowed: true;
      readonly rule: Rule;
      readonly via: 'scope' | 'compartment' | 'named' | 'break-glass' | 'collection';
      readonly hiddenFields: readonly string[];
    }
  | {
      readonly allowed: false;
      /**
       * no-rule: the role lacks the action (403); out-of-scope: the record is not theirs to know
       * about (404); break-glass-required: in scope, restricted, break-glass possible (403).
       */
      readonly reason: 'no-rule' | 'out-of-scope' | 'break-glass-required';
    };

export type { Action };

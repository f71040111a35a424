import type { Kysely, Transaction } from 'kysely';
import { can, type Actor, type CountryConfig, type Decision, type RecordFacts } from '@ctis/core';
import type { Database } from './schema.ts';
import { appendAudit, appendAuditAlone, type AuditEntry } from './audit/append.ts';
import { AccessError } from './access-error.ts';
import type { IdentityVault } from './vault/identity-vault.ts';
import { UsersRepo } from './repos/users.ts';
import { PersonsRepo } from './repos/persons.ts';
import { AuditTrailRepo } from './repos/audit-trail.ts';
import { VictimCasesRepo } from './repos/victim-cases.ts';
import { CriminalCasesRepo } from './repos/criminal-cases.ts';
import { OperationsRepo } from './repos/operations.ts';
import { RegistersRepo } from './repos/registers.ts';
import { SnapshotsRepo } from './repos/snapshots.ts';
import { ScreeningsRepo } from './repos/screenings.ts';
import { ComplaintsRepo } from './repos/complaints.ts';
import { LinkageRepo } from './repos/linkage.ts';
import { LinkageRunsRepo } from './repos/linkage-runs.ts';

export interface RequestContext {
  readonly ip: string | null;
  readonly requestId: string | null;
  readonly now: () => Date;
  /** The province of an organisation, from the country configuration. */
  readonly provinceOf: (organisationId: string) => string | null;
  /** Encryption of identities; only repositories use it, after the policy allowed the access. */
  readonly vault: IdentityVault;
  /** The country configuration, for checking codes and ids in events. */
  readonly config: CountryConfig;
}

type Allowed = Extract<Decision, { allowed: true }>;

/**
 * The one gate to the data, bound to an actor. Every read and write goes through a repository
 * of a ScopedTx, which checks the policy, and every audit row commits with the change it records.
 * Refusals are audited in a transaction of their own, since the refused work rolls back.
 */
export class ScopedDb {
  constructor(
    private readonly db: Kysely<Database>,
    readonly actor: Actor,
    readonly ctx: RequestContext,
  ) {}

  async transaction<T>(work: (tx: ScopedTx) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute((trx) => work(new ScopedTx(trx, this.actor, this.ctx)));
    } catch (err) {
      if (err instanceof AccessError) await this.auditDenial(err);
      throw err;
    }
  }

  private auditDenial(err: AccessError): Promise<number> {
    return appendAuditAlone(this.db, {
      ...this.who(),
      action: err.action,
      resourceType: err.resourceType,
      resourceId: err.resourceId,
      outcome: 'denied',
      rule: null,
      reason: err.reason,
      details: {},
    });
  }

  who(): Pick<AuditEntry, 'actorId' | 'actorOrganisationId' | 'ip' | 'requestId'> {
    return {
      actorId: this.actor.userId,
      actorOrganisationId: this.actor.organisationId,
      ip: this.ctx.ip,
      requestId: this.ctx.requestId,
    };
  }
}

export class ScopedTx {
  readonly users: UsersRepo;
  readonly persons: PersonsRepo;
  readonly auditTrail: AuditTrailRepo;
  readonly victimCases: VictimCasesRepo;
  readonly screenings: ScreeningsRepo;
  readonly criminalCases: CriminalCasesRepo;
  readonly operations: OperationsRepo;
  readonly complaints: ComplaintsRepo;
  readonly registers: RegistersRepo;
  readonly snapshots: SnapshotsRepo;
  readonly linkage: LinkageRepo;
  readonly linkageRuns: LinkageRunsRepo;

  constructor(
    readonly trx: Transaction<Database>,
    readonly actor: Actor,
    readonly ctx: RequestContext,
  ) {
    this.users = new UsersRepo(this);
    this.persons = new PersonsRepo(this);
    this.auditTrail = new AuditTrailRepo(this);
    this.victimCases = new VictimCasesRepo(this, () => ctx.config);
    this.screenings = new ScreeningsRepo(this);
    this.criminalCases = new CriminalCasesRepo(this, () => ctx.config);
    this.operations = new OperationsRepo(this);
    this.complaints = new ComplaintsRepo(this);
    this.registers = new RegistersRepo(this);
    this.snapshots = new SnapshotsRepo(this);
    this.linkage = new LinkageRepo(this);
    this.linkageRuns = new LinkageRunsRepo(this);
  }

  /**
   * Decide, or throw: 404 when the record is out of the actor's scope for `visibleWith` (reading),
   * 403 when it is visible but the action is not granted.
   */
  authorize(action: string, resourceType: string, facts?: RecordFacts, visibleWith?: string): Allowed {
    const now = this.ctx.now();
    const decision = can(this.actor, action, facts, now);
    if (decision.allowed) return decision;
    const id = facts?.id ?? null;
    if (decision.reason === 'out-of-scope') {
      const visible =
        visibleWith && visibleWith !== action && facts ? can(this.actor, visibleWith, facts, now).allowed : false;
      throw new AccessError(visible ? 403 : 404, 'out-of-scope', action, resourceType, id);
    }
    if (decision.reason === 'no-rule' && facts && visibleWith && !can(this.actor, visibleWith, facts, now).allowed) {
      throw new AccessError(404, 'out-of-scope', action, resourceType, id);
    }
    throw new AccessError(403, decision.reason, action, resourceType, id);
  }

  notFound(action: string, resourceType: string, id: string): never {
    throw new AccessError(404, 'not-found', action, resourceType, id);
  }

  audit(
    entry: Omit<AuditEntry, 'actorId' | 'actorOrganisationId' | 'ip' | 'requestId' | 'outcome'> & {
      outcome?: AuditEntry['outcome'];
    },
  ): Promise<number> {
    return appendAudit(this.trx, {
      actorId: this.actor.userId,
      actorOrganisationId: this.actor.organisationId,
      ip: this.ctx.ip,
      requestId: this.ctx.requestId,
      outcome: 'allowed',
      ...entry,
      at: this.ctx.now(),
    });
  }
}

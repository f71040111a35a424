import { sql, type Selectable } from 'kysely';
import { can, ConflictError, InputError, type Decision, type Label, type RecordFacts } from '@ctis/core';
import { v7 as uuidv7 } from 'uuid';
import { AccessError } from '../access-error.ts';
import type { OperationsTable } from '../schema.ts';
import type { ScopedTx } from '../scoped-db.ts';
import { accessLists, factsOf } from './record-access.ts';

/** Rows read per round when listing: the scope filter in SQL is wide, the policy decides each row. */
const LIST_PAGE = 500;

type OperationRow = Selectable<OperationsTable>;
type Allowed = Extract<Decision, { allowed: true }>;

export interface OperationView {
  readonly id: string;
  readonly codeName: string;
  readonly plannedFor: string;
  readonly target: string;
  readonly briefing: string | null;
  readonly criminalCaseId: string | null;
  readonly status: 'planned' | 'executed' | 'cancelled';
  readonly label: Label;
  readonly executedOn: string | null;
  readonly outcome: string | null;
  readonly organisationId: string;
  readonly ownerUserId: string;
  readonly namedOfficerIds: readonly string[];
  readonly hiddenFields: readonly string[];
}

export interface NewOperation {
  readonly codeName: string;
  readonly plannedFor: string;
  readonly target: string;
  readonly briefing?: string | null | undefined;
  readonly criminalCaseId?: string | null | undefined;
  /** Officers of the actor's organisation; the actor is always named too. */
  readonly namedOfficerIds: readonly string[];
}

export interface Opener {
  readonly userId: string | null;
  readonly displayName: string | null;
  readonly at: Date;
  readonly outcome: 'allowed' | 'denied';
}

export interface Officer {
  readonly id: string;
  readonly displayName: string;
  readonly username: string;
}

/**
 * Operations (raids). Planned, an operation is labelled V: only the officers named on it (owner
 * included) may open it, whatever their scope, and break-glass never does. Every opening, allowed
 * or refused, is an `operation.read` audit row, so the owner can see who looked before the raid.
 * Executed or cancelled, the label drops to N and the organisation's officers may read it.
 *
 * The target and briefing never go into audit rows: the audit log is read far more widely.
 */
export class OperationsRepo {
  constructor(private readonly tx: ScopedTx) {}

  async create(input: NewOperation): Promise<OperationView> {
    const actor = this.tx.actor;
    const organisationId = actor.organisationId;
    if (!organisationId)
      throw new ConflictError('An operation is planned by a unit: act as a user of an organisation.');
    const id = uuidv7();
    const named = [...new Set([actor.userId, ...input.namedOfficerIds])];
    const province = this.tx.ctx.provinceOf(organisationId);
    const facts: RecordFacts = {
      id,
      ownerUserId: actor.userId,
      organisationId,
      province,
      label: 'V',
      teamUserIds: [],
      sharedWithOrganisationIds: [],
      namedUserIds: named,
    };
    const d = this.tx.authorize('operation.write', 'operation', facts);
    await this.checkOfficers(input.namedOfficerIds);
    if (input.criminalCaseId) await this.checkCriminalCase(input.criminalCaseId);
    const now = this.tx.ctx.now();
    const row = await this.tx.trx
      .insertInto('operations')
      .values({
        id,
        criminal_case_id: input.criminalCaseId ?? null,
        owner_user_id: actor.userId,
        organisation_id: organisationId,
        province,
        label: 'V',
        status: 'planned',
        code_name: input.codeName,
        planned_for: input.plannedFor,
        target: input.target,
        briefing: input.briefing ?? null,
        executed_on: null,
        outcome: null,
        created_at: now,
        executed_at: null,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.tx.trx
      .insertInto('record_access')
      .values(named.map((subject) => ({ record_id: id, kind: 'named' as const, subject })))
      .execute();
    await this.tx.audit({
      action: 'operation.create',
      resourceType: 'operation',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { namedOfficers: named.length, criminalCase: Boolean(input.criminalCaseId) },
    });
    return view(row, named, d);
  }

  /** One operation, audited as an opening (refusals are audited by ScopedDb). */
  async get(id: string): Promise<OperationView> {
    const { row, facts } = await this.load(id, 'operation.read');
    const d = this.tx.authorize('operation.read', 'operation', facts);
    await this.auditOpening(id, d, 'get', row.status);
    return view(row, facts.namedUserIds, d);
  }

  /**
   * The operations the actor may read, most recently planned first. A planned one shown in the
   * list is an opening too (its target is in the answer), so each gets its `operation.read` row.
   */
  async list(opts: { status?: OperationRow['status'] | undefined; limit: number }): Promise<OperationView[]> {
    const d = this.tx.authorize('operation.read', 'operation');
    const actor = this.tx.actor;
    const rules = actor.rules.filter((r) => r.action === 'operation.read');
    const national = rules.some((r) => r.scope === 'national');
    const province = rules.some((r) => r.scope === 'province') ? actor.province : null;
    const now = this.tx.ctx.now();
    const views: OperationView[] = [];
    for (let offset = 0; views.length < opts.limit; offset += LIST_PAGE) {
      let q = this.tx.trx
        .selectFrom('operations')
        .selectAll()
        .orderBy('planned_for', 'desc')
        .orderBy('id', 'desc')
        .limit(LIST_PAGE)
        .offset(offset);
      if (opts.status) q = q.where('status', '=', opts.status);
      // A superset of what can() allows: V only where named, N and R where a scope might reach.
      q = q.where((eb) => {
        const reach = eb.or([
          eb('owner_user_id', '=', actor.userId),
          eb('organisation_id', '=', actor.organisationId ?? ''),
          ...(province ? [eb('province', '=', province)] : []),
          eb(
            'id',
            'in',
            eb
              .selectFrom('record_access')
              .select('record_id')
              .where('subject', '=', actor.organisationId ?? ''),
          ),
        ]);
        return eb.or([
          eb('id', 'in', eb.selectFrom('record_access').select('record_id').where('subject', '=', actor.userId)),
          national ? eb('label', '!=', 'V') : eb.and([eb('label', '!=', 'V'), reach]),
        ]);
      });
      const rows = await q.execute();
      const ids = rows.map((r) => r.id);
      const access = ids.length
        ? await this.tx.trx.selectFrom('record_access').selectAll().where('record_id', 'in', ids).execute()
        : [];
      for (const row of rows) {
        const mine = access.filter((a) => a.record_id === row.id);
        const of = (kind: string) => mine.filter((a) => a.kind === kind).map((a) => a.subject);
        const facts = factsOf(row, {
          teamUserIds: of('team'),
          namedUserIds: of('named'),
          sharedWithOrganisationIds: of('shared'),
        });
        const rd = can(actor, 'operation.read', facts, now);
        if (!rd.allowed) continue;
        if (row.label === 'V') await this.auditOpening(row.id, rd, 'list', row.status);
        views.push(view(row, facts.namedUserIds, rd));
        if (views.length >= opts.limit) break;
      }
      if (rows.length < LIST_PAGE) break;
    }
    await this.tx.audit({
      action: 'operation.list',
      resourceType: 'operation',
      resourceId: null,
      rule: d.rule.id,
      reason: null,
      details: { count: views.length },
    });
    return views;
  }

  /** Carried out: the label drops to N. Only a named officer (owner included) may record it. */
  async execute(id: string, input: { executedOn: string; outcome: string }): Promise<OperationView> {
    return this.close(id, 'operation.execute', {
      status: 'executed',
      executed_on: input.executedOn,
      outcome: input.outcome,
      executed_at: this.tx.ctx.now(),
    });
  }

  /** Called off: the label drops to N; the reason is kept as the operation's outcome. */
  async cancel(id: string, reason: string): Promise<OperationView> {
    return this.close(id, 'operation.cancel', { status: 'cancelled', outcome: reason });
  }

  /**
   * Who opened the operation, or tried to, while it was secret: the `operation.read` audit rows up
   * to the one that ended the secrecy (execution or cancellation). The owner's view only: other
   * named officers get 403, anyone else 404 (and their attempt is itself an opening attempt).
   */
  async openers(id: string): Promise<Opener[]> {
    const { facts } = await this.load(id, 'operation.read');
    const d = this.tx.authorize('operation.read', 'operation', facts);
    if (facts.ownerUserId !== this.tx.actor.userId)
      throw new AccessError(403, 'out-of-scope', 'operation.openers', 'operation', id);
    const ended = await this.tx.trx
      .selectFrom('audit_log')
      .select((eb) => eb.fn.min('seq').as('seq'))
      .where('resource_type', '=', 'operation')
      .where('resource_id', '=', id)
      .where('action', 'in', ['operation.execute', 'operation.cancel'])
      .executeTakeFirst();
    let q = this.tx.trx
      .selectFrom('audit_log')
      // actor_id is text (system actors are named, not ids); users.id is a uuid.
      .leftJoin('users', (j) => j.on(sql<boolean>`users.id::text = audit_log.actor_id`))
      .select(['audit_log.actor_id', 'users.display_name', 'audit_log.at', 'audit_log.outcome'])
      .where('audit_log.resource_type', '=', 'operation')
      .where('audit_log.resource_id', '=', id)
      .where('audit_log.action', '=', 'operation.read')
      .where('audit_log.outcome', 'in', ['allowed', 'denied'])
      .orderBy('audit_log.seq');
    if (ended?.seq != null) q = q.where('audit_log.seq', '<', ended.seq as never);
    const rows = await q.execute();
    await this.tx.audit({
      action: 'operation.openers',
      resourceType: 'operation',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { count: rows.length },
    });
    return rows.map((r) => ({
      userId: r.actor_id,
      displayName: r.display_name,
      at: r.at,
      outcome: r.outcome as Opener['outcome'],
    }));
  }

  /** Who may be named on an operation: active users of the actor's unit holding operation.read. */
  async officers(): Promise<Officer[]> {
    const d = this.tx.authorize('operation.write', 'operation');
    const rows = await this.officerQuery().orderBy('display_name').execute();
    await this.tx.audit({
      action: 'operation.officers',
      resourceType: 'user',
      resourceId: null,
      rule: d.rule.id,
      reason: null,
      details: { count: rows.length },
    });
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, username: r.username }));
  }

  private async close(
    id: string,
    action: 'operation.execute' | 'operation.cancel',
    patch: { status: 'executed' | 'cancelled'; outcome: string; executed_on?: string; executed_at?: Date },
  ): Promise<OperationView> {
    // Locked: an execution and a cancellation at the same moment cannot both apply.
    const { row, facts } = await this.load(id, 'operation.write', { lock: true });
    const d = this.tx.authorize('operation.write', 'operation', facts, 'operation.read');
    if (row.status !== 'planned')
      throw new ConflictError(`The operation is already ${row.status}; only a planned operation can change.`);
    const updated = await this.tx.trx
      .updateTable('operations')
      .set({ ...patch, label: 'N', updated_at: this.tx.ctx.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.tx.audit({
      action,
      resourceType: 'operation',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      // The outcome and reason are free text about the target: they stay in the record only.
      details: patch.executed_on ? { executedOn: patch.executed_on } : {},
    });
    return view(updated, facts.namedUserIds, d);
  }

  private auditOpening(id: string, d: Allowed, via: 'get' | 'list', status: string): Promise<number> {
    return this.tx.audit({
      action: 'operation.read',
      resourceType: 'operation',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { via, status },
    });
  }

  /** Named officers must be able to open what they are named on: same unit, active, operation.read. */
  private async checkOfficers(userIds: readonly string[]): Promise<void> {
    const others = userIds.filter((u) => u !== this.tx.actor.userId);
    if (others.length === 0) return;
    const found = new Set((await this.officerQuery().where('id', 'in', others).execute()).map((r) => r.id));
    const index = userIds.findIndex((u) => u !== this.tx.actor.userId && !found.has(u));
    if (index >= 0) {
      throw new InputError(
        `namedOfficerIds.${index}`,
        `"${userIds[index]}" is not an active officer of your organisation holding operation.read — ` +
          'choose from GET /api/operations/officers',
      );
    }
  }

  private officerQuery() {
    const readers = this.tx.ctx.config.roles
      .filter((r) => r.grants.some((g) => g.action === 'operation.read'))
      .map((r) => r.id);
    return this.tx.trx
      .selectFrom('users')
      .select(['id', 'display_name', 'username'])
      .where('organisation_id', '=', this.tx.actor.organisationId ?? '')
      .where('status', '=', 'active')
      .where(sql<boolean>`roles && ${readers}::text[]`);
  }

  /**
   * The linked criminal case must be one the actor may read (404 otherwise). Checked by hand here,
   * not through CriminalCasesRepo.get, so that linking does not count as reading the case.
   */
  private async checkCriminalCase(caseId: string): Promise<void> {
    const row = await this.tx.trx
      .selectFrom('criminal_cases')
      .select(['id', 'owner_user_id', 'organisation_id', 'province', 'label'])
      .where('id', '=', caseId)
      .executeTakeFirst();
    if (!row) return this.tx.notFound('criminal_case.read', 'criminal_case', caseId);
    this.tx.authorize('criminal_case.read', 'criminal_case', factsOf(row, await accessLists(this.tx, caseId)));
  }

  private async load(id: string, action: string, opts: { lock?: boolean } = {}) {
    let q = this.tx.trx.selectFrom('operations').selectAll().where('id', '=', id);
    if (opts.lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) return this.tx.notFound(action, 'operation', id);
    return { row, facts: factsOf(row, await accessLists(this.tx, id)) };
  }
}

function view(row: OperationRow, namedOfficerIds: readonly string[], d: Allowed): OperationView {
  return {
    id: row.id,
    codeName: row.code_name,
    plannedFor: row.planned_for,
    target: row.target,
    briefing: row.briefing,
    criminalCaseId: row.criminal_case_id,
    status: row.status,
    label: row.label,
    executedOn: row.executed_on,
    outcome: row.outcome,
    organisationId: row.organisation_id,
    ownerUserId: row.owner_user_id,
    namedOfficerIds: [...namedOfficerIds],
    hiddenFields: d.hiddenFields,
  };
}

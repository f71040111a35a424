import {
  applyEvent,
  can,
  checkEventAgainstConfig,
  ConflictError,
  organisationsWithAccess,
  type RecordFacts,
  type VictimCaseEvent,
  type VictimCaseState,
  type VictimCaseConfig,
} from '@ctis/core';
import { v7 as uuidv7 } from 'uuid';
import type { ScopedTx } from '../scoped-db.ts';
import { accessLists, factsOf, syncShares } from './record-access.ts';

export interface CaseView {
  readonly id: string;
  readonly caseNumber: string;
  readonly personId: string;
  readonly state: VictimCaseState;
  readonly facts: RecordFacts;
  readonly hiddenFields: readonly string[];
}

/**
 * Victim cases, event-sourced: each change is validated by the core state machine, stored as an
 * event row, and the projection is updated in the same transaction with its audit row. The case's
 * compartments (and its person's) follow the state: referrals and custody share it.
 */
export class VictimCasesRepo {
  constructor(
    private readonly tx: ScopedTx,
    private readonly config: () => VictimCaseConfig & { country: string },
  ) {}

  async open(
    personId: string,
    event: Extract<VictimCaseEvent, { type: 'case_opened' }>,
    label: 'N' | 'R' = 'R',
  ): Promise<CaseView> {
    const actor = this.tx.actor;
    const id = uuidv7();
    const now = this.tx.ctx.now();
    const facts: RecordFacts = {
      id,
      ownerUserId: actor.userId,
      organisationId: event.organisationId,
      province: event.province ?? null,
      label,
      teamUserIds: [],
      sharedWithOrganisationIds: [],
      namedUserIds: [],
    };
    const d = this.tx.authorize('case.write', 'victim_case', facts);
    if (event.organisationId !== actor.organisationId && actor.kind !== 'system')
      throw new ConflictError('A case is opened by your own organisation; refer it to another afterwards.');
    checkEventAgainstConfig(event, this.config());
    const state = applyEvent(null, { ...event, personId });
    const caseNumber = await this.nextCaseNumber(event.province ?? null, event.occurredOn);
    await this.tx.trx
      .insertInto('victim_cases')
      .values({
        id,
        case_number: caseNumber,
        person_id: personId,
        owner_user_id: actor.userId,
        organisation_id: event.organisationId,
        province: event.province ?? null,
        label,
        status: state.status,
        opened_on: state.openedOn,
        version: state.version,
        state: JSON.stringify(state),
        updated_at: now,
      })
      .execute();
    await this.insertEvent(id, 1, { ...event, personId });
    await this.tx.audit({
      action: 'case.open',
      resourceType: 'victim_case',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { source: event.source },
    });
    return { id, caseNumber, personId, state, facts, hiddenFields: d.hiddenFields };
  }

  /** Apply one event (optimistic concurrency on `expectedVersion` when given). */
  async append(
    id: string,
    event: VictimCaseEvent,
    opts: { expectedVersion?: number | undefined } = {},
  ): Promise<CaseView> {
    const { row, facts } = await this.load(id, 'case.write');
    const d = this.tx.authorize('case.write', 'victim_case', facts, 'case.read');
    const before = row.state as VictimCaseState;
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== before.version) {
      throw new ConflictError(
        `The case changed since you loaded it (version ${before.version}, you had ${opts.expectedVersion}); reload and try again.`,
      );
    }
    if (
      event.type === 'referral_made' &&
      event.consentOverride &&
      !this.tx.actor.rules.some((r) => r.action === 'case.consent_override')
    ) {
      this.tx.authorize('case.consent_override', 'victim_case', facts, 'case.read');
    }
    checkEventAgainstConfig(event, this.config());
    const state = applyEvent(before, event);
    await this.tx.trx
      .updateTable('victim_cases')
      .set({
        state: JSON.stringify(state),
        version: state.version,
        status: state.status,
        updated_at: this.tx.ctx.now(),
      })
      .where('id', '=', id)
      .where('version', '=', before.version)
      .execute();
    await this.insertEvent(id, state.version, event);
    // Compartments follow the case: a referral or custody transfer shares the case and its person.
    const receivers = organisationsWithAccess(state).filter((o) => o !== row.organisation_id);
    await syncShares(this.tx, id, receivers);
    await syncShares(this.tx, row.person_id, receivers);
    const reason = event.type === 'referral_made' && event.consentOverride ? event.consentOverride.reason : null;
    await this.tx.audit({
      action: `case.${event.type}`,
      resourceType: 'victim_case',
      resourceId: id,
      rule: d.rule.id,
      reason,
      details: { version: state.version },
    });
    return {
      id,
      caseNumber: row.case_number,
      personId: row.person_id,
      state,
      facts: { ...facts, sharedWithOrganisationIds: receivers },
      hiddenFields: d.hiddenFields,
    };
  }

  async get(id: string): Promise<CaseView & { events: { seq: number; event: VictimCaseEvent; recordedAt: Date }[] }> {
    const { row, facts } = await this.load(id, 'case.read');
    const d = this.tx.authorize('case.read', 'victim_case', facts);
    const events = await this.tx.trx
      .selectFrom('victim_case_events')
      .select(['seq', 'event', 'recorded_at'])
      .where('case_id', '=', id)
      .orderBy('seq')
      .execute();
    await this.tx.audit({
      action: 'case.read',
      resourceType: 'victim_case',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: {},
    });
    return {
      id,
      caseNumber: row.case_number,
      personId: row.person_id,
      state: row.state as VictimCaseState,
      facts,
      hiddenFields: d.hiddenFields,
      events: events.map((e) => ({ seq: e.seq, event: e.event as VictimCaseEvent, recordedAt: e.recorded_at })),
    };
  }

  /** The cases the actor may read (most recent first). */
  async list(opts: { status?: 'open' | 'closed' | undefined; limit: number }): Promise<CaseView[]> {
    this.tx.authorize('case.read', 'victim_case');
    let q = this.tx.trx.selectFrom('victim_cases').selectAll().orderBy('updated_at', 'desc').limit(5_000);
    if (opts.status) q = q.where('status', '=', opts.status);
    const rows = await q.execute();
    const shares = await this.tx.trx
      .selectFrom('record_access')
      .selectAll()
      .where('record_id', 'in', rows.length ? rows.map((r) => r.id) : ['00000000-0000-0000-0000-000000000000'])
      .execute();
    const now = this.tx.ctx.now();
    const views: CaseView[] = [];
    for (const row of rows) {
      const mine = shares.filter((s) => s.record_id === row.id);
      const facts = factsOf(row, {
        teamUserIds: mine.filter((s) => s.kind === 'team').map((s) => s.subject),
        namedUserIds: mine.filter((s) => s.kind === 'named').map((s) => s.subject),
        sharedWithOrganisationIds: mine.filter((s) => s.kind === 'shared').map((s) => s.subject),
      });
      const d = can(this.tx.actor, 'case.read', facts, now);
      if (!d.allowed) continue;
      views.push({
        id: row.id,
        caseNumber: row.case_number,
        personId: row.person_id,
        state: row.state as VictimCaseState,
        facts,
        hiddenFields: d.hiddenFields,
      });
      if (views.length >= opts.limit) break;
    }
    await this.tx.audit({
      action: 'case.list',
      resourceType: 'victim_case',
      resourceId: null,
      rule: null,
      reason: null,
      details: { count: views.length },
    });
    return views;
  }

  private async load(id: string, action: string) {
    const row = await this.tx.trx.selectFrom('victim_cases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return this.tx.notFound(action, 'victim_case', id);
    return { row, facts: factsOf(row, await accessLists(this.tx, id)) };
  }

  private async insertEvent(caseId: string, seq: number, event: VictimCaseEvent): Promise<void> {
    await this.tx.trx
      .insertInto('victim_case_events')
      .values({
        case_id: caseId,
        seq,
        type: event.type,
        occurred_on: event.occurredOn,
        event: JSON.stringify(event),
        recorded_by: this.tx.actor.userId,
        recorded_at: this.tx.ctx.now(),
      })
      .execute();
  }

  /** Human-readable numbers, e.g. KHM-KH-12-2017-00042: country, province, year, sequence. */
  private async nextCaseNumber(province: string | null, on: string): Promise<string> {
    const prefix = `${this.config().country}-${province ?? 'NAT'}-${on.slice(0, 4)}`;
    const row = await this.tx.trx
      .insertInto('case_counters')
      .values({ prefix, last: 1 })
      .onConflict((c) => c.column('prefix').doUpdateSet((eb) => ({ last: eb('case_counters.last', '+', 1) })))
      .returning('last')
      .executeTakeFirstOrThrow();
    return `${prefix}-${String(row.last).padStart(5, '0')}`;
  }
}

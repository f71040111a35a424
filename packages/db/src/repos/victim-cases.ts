import {
  applyEvent,
  checkEventAgainstConfig,
  ConflictError,
  InputError,
  organisationsWithAccess,
  type RecordFacts,
  type VictimCaseEvent,
  type VictimCaseState,
  type VictimCaseConfig,
} from '@ctis/core';
import { sql, type Selectable } from 'kysely';
import type { VictimCasesTable } from '../schema.ts';
import { v7 as uuidv7 } from 'uuid';
import { AccessError } from '../access-error.ts';
import type { ScopedTx } from '../scoped-db.ts';
import { accessLists, collectVisible, factsOf, nextNumber, reachOf, syncShares } from './record-access.ts';

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
 * compartments (and its person's) follow the state: referrals, custody and repatriation share it.
 *
 * A case is labelled N by default: it holds no identity (names, documents, phones live encrypted in
 * its person, label R). So the organisation, province and national scopes of `case.read` reach it
 * (colleagues, provincial social workers, the Ministry of Interior, national analysts with identity
 * hidden), while the identity stays behind the person's R label, team and break-glass.
 */
export class VictimCasesRepo {
  constructor(
    private readonly tx: ScopedTx,
    private readonly config: () => VictimCaseConfig & { country: string },
  ) {}

  async open(
    personId: string,
    event: Extract<VictimCaseEvent, { type: 'case_opened' }>,
    label: 'N' | 'R' = 'N',
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
    // A case opened for another organisation's person (seen through a compartment) keeps it seen.
    await this.syncPersonShares(personId, id, [], [event.organisationId]);
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
    // Locked: concurrent events on one case apply one after the other, each on the latest state.
    const { row, facts } = await this.load(id, 'case.write', { lock: true });
    const d = this.tx.authorize('case.write', 'victim_case', facts, 'case.read');
    const before = row.state as VictimCaseState;
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== before.version) {
      throw new ConflictError(
        `The case changed since you loaded it (version ${before.version}, you had ${opts.expectedVersion}); reload and try again.`,
      );
    }
    // The override is checked against this case, not merely held somewhere in the actor's roles.
    if (event.type === 'referral_made' && event.consentOverride) {
      this.tx.authorize('case.consent_override', 'victim_case', facts, 'case.read');
    }
    this.checkActingOrganisation(id, before, event);
    checkEventAgainstConfig(event, this.config());
    const state = applyEvent(before, event);
    const updated = await this.tx.trx
      .updateTable('victim_cases')
      .set({
        state: JSON.stringify(state),
        version: state.version,
        status: state.status,
        updated_at: this.tx.ctx.now(),
      })
      .where('id', '=', id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) {
      throw new ConflictError('The case changed while this event was being recorded; reload and try again.');
    }
    await this.insertEvent(id, state.version, event);
    // Compartments follow the case: referrals, custody and repatriation share the case and its person.
    // Most events change no one's access; then there is nothing to write.
    const hadAccess = organisationsWithAccess(before);
    const hasAccess = organisationsWithAccess(state);
    const receivers = hasAccess.filter((o) => o !== row.organisation_id);
    if (hadAccess.length !== hasAccess.length || hadAccess.some((o) => !hasAccess.includes(o))) {
      await syncShares(this.tx, id, receivers);
      await this.syncPersonShares(row.person_id, id, hadAccess, hasAccess);
    }
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

  /**
   * The cases the actor may read (most recent first). SQL narrows the rows to those any of the
   * actor's scopes could reach (a superset); `can` then decides each one, so no visible case is cut
   * off by cases of other organisations, however many there are.
   */
  async list(opts: {
    status?: 'open' | 'closed' | undefined;
    personId?: string | undefined;
    limit: number;
  }): Promise<CaseView[]> {
    this.tx.authorize('case.read', 'victim_case');
    const actor = this.tx.actor;
    const reach = reachOf(this.tx, 'case.read');
    const found = await collectVisible(
      this.tx,
      'case.read',
      opts.limit,
      (after: Selectable<VictimCasesTable> | null, size) => {
        let q = this.tx.trx
          .selectFrom('victim_cases')
          .selectAll()
          .orderBy('updated_at', 'desc')
          .orderBy('id', 'desc')
          .limit(size);
        if (after) q = q.where(sql<boolean>`(updated_at, id) < (${after.updated_at}, ${after.id})`);
        if (opts.status) q = q.where('status', '=', opts.status);
        if (opts.personId) q = q.where('person_id', '=', opts.personId);
        if (!reach.national) {
          q = q.where((eb) =>
            eb.or([
              eb('owner_user_id', '=', actor.userId),
              ...(actor.organisationId ? [eb('organisation_id', '=', actor.organisationId)] : []),
              ...(reach.province ? [eb('province', '=', reach.province)] : []),
              eb('id', 'in', eb.selectFrom('record_access').select('record_id').where('subject', 'in', reach.subjects)),
            ]),
          );
        }
        return q.execute();
      },
    );
    const views = found.map(({ row, facts, hiddenFields }) => ({
      id: row.id,
      caseNumber: row.case_number,
      personId: row.person_id,
      state: row.state as VictimCaseState,
      facts,
      hiddenFields,
    }));
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

  /**
   * Who may record what for whom: a referral is made by the actor's own organisation, and only the
   * receiving organisation answers it (a referral accepted by the sender would be no answer at all).
   */
  private checkActingOrganisation(id: string, state: VictimCaseState, event: VictimCaseEvent): void {
    const actor = this.tx.actor;
    if (actor.kind === 'system') return;
    if (event.type === 'referral_made' && event.fromOrganisationId !== actor.organisationId) {
      throw new InputError(
        'fromOrganisationId',
        `is not your organisation — a referral is made by your own organisation ("${actor.organisationId}")`,
      );
    }
    if (event.type === 'referral_answered') {
      const referral = state.referrals.find((r) => r.referralId === event.referralId);
      if (referral && referral.toOrganisationId !== actor.organisationId) {
        throw new AccessError(403, 'out-of-scope', 'case.referral_answered', 'victim_case', id);
      }
    }
  }

  /**
   * Keeps the person's compartments in step with this case: organisations that gained access to
   * the case gain the person; organisations that lost it (a declined referral) lose the person,
   * unless another case of the same person still gives them access. Shares made by hand
   * (`PersonsRepo.share`) are left alone.
   */
  private async syncPersonShares(
    personId: string,
    caseId: string,
    before: readonly string[],
    after: readonly string[],
  ): Promise<void> {
    const person = await this.tx.trx
      .selectFrom('persons')
      .select('organisation_id')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    const added = after.filter((o) => o !== person.organisation_id);
    if (added.length > 0) {
      await this.tx.trx
        .insertInto('record_access')
        .values(added.map((subject) => ({ record_id: personId, kind: 'shared' as const, subject })))
        .onConflict((c) => c.doNothing())
        .execute();
    }
    const lost = before.filter((o) => !after.includes(o) && o !== person.organisation_id);
    if (lost.length === 0) return;
    const others = await this.tx.trx
      .selectFrom('victim_cases')
      .select('state')
      .where('person_id', '=', personId)
      .where('id', '!=', caseId)
      .execute();
    const stillGranted = new Set(others.flatMap((o) => organisationsWithAccess(o.state as VictimCaseState)));
    const remove = lost.filter((o) => !stillGranted.has(o));
    if (remove.length === 0) return;
    await this.tx.trx
      .deleteFrom('record_access')
      .where('record_id', '=', personId)
      .where('kind', '=', 'shared')
      .where('subject', 'in', remove)
      .execute();
  }

  private async load(id: string, action: string, opts: { lock?: boolean } = {}) {
    let q = this.tx.trx.selectFrom('victim_cases').selectAll().where('id', '=', id);
    if (opts.lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
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
    return nextNumber(this.tx, prefix);
  }
}

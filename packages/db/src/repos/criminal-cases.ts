import {
  applyCriminalEvent,
  checkCriminalEventAgainstConfig,
  ConflictError,
  criminalCaseOrganisations,
  InputError,
  supervisingUnit,
  type CountryConfig,
  type CriminalCaseEvent,
  type CriminalCaseState,
  type CriminalEventOf,
  type RecordFacts,
} from '@ctis/core';
import { sql, type Selectable } from 'kysely';
import type { CriminalCasesTable } from '../schema.ts';
import { v7 as uuidv7 } from 'uuid';
import { AccessError } from '../access-error.ts';
import type { ScopedTx } from '../scoped-db.ts';
import type { NewPerson } from './persons.ts';
import { accessLists, collectVisible, factsOf, nextNumber, reachOf, syncShares } from './record-access.ts';

export interface CriminalCaseView {
  readonly id: string;
  readonly caseNumber: string;
  readonly state: CriminalCaseState;
  readonly facts: RecordFacts;
  readonly hiddenFields: readonly string[];
}

export interface NewSuspect {
  readonly occurredOn: string;
  readonly nationality: string;
  readonly publicOfficial?: { readonly position: string; readonly agency: string } | undefined;
  readonly arrested?: boolean | undefined;
  /** An existing person the actor may see, or a new one (label R, in the actor's organisation). */
  readonly personId?: string | undefined;
  readonly person?: Omit<NewPerson, 'label' | 'province'> | undefined;
}

/**
 * Criminal cases, event-sourced like victim cases: each change is checked by the core state machine
 * and the configuration, stored as an event row, and the projection updated in the same transaction
 * as its audit row. The lead unit owns the case; the file's compartments follow it (prosecutors once
 * evidence is supplied, courts once charged or tried, supervising units, oversight once complicity or
 * a settlement appears), and so do its suspects' person records. Cases hold no identity: label N.
 */
export class CriminalCasesRepo {
  constructor(
    private readonly tx: ScopedTx,
    private readonly config: () => CountryConfig,
  ) {}

  async open(event: CriminalEventOf<'investigation_opened'>): Promise<CriminalCaseView> {
    const actor = this.tx.actor;
    const id = uuidv7();
    const facts: RecordFacts = {
      id,
      ownerUserId: actor.userId,
      organisationId: event.leadUnitOrganisationId,
      province: event.province ?? null,
      label: 'N',
      teamUserIds: [],
      sharedWithOrganisationIds: [],
      namedUserIds: [],
    };
    if (event.leadUnitOrganisationId !== actor.organisationId && actor.kind !== 'system') {
      throw new InputError(
        'leadUnitOrganisationId',
        `is not your organisation — an investigation is opened by its lead unit ("${actor.organisationId}")`,
      );
    }
    const d = this.tx.authorize('criminal_case.write', 'criminal_case', facts);
    checkCriminalEventAgainstConfig(event, this.config());
    const state = applyCriminalEvent(null, event);
    const caseNumber = await this.nextCaseNumber(event.province ?? null, event.occurredOn);
    await this.tx.trx
      .insertInto('criminal_cases')
      .values({
        id,
        case_number: caseNumber,
        owner_user_id: actor.userId,
        organisation_id: event.leadUnitOrganisationId,
        province: event.province ?? null,
        label: 'N',
        status: state.status,
        opened_on: state.openedOn,
        trafficking_offence: state.traffickingOffence,
        version: state.version,
        state: JSON.stringify(state),
        updated_at: this.tx.ctx.now(),
      })
      .execute();
    await this.insertEvent(id, 1, event);
    await this.tx.audit({
      action: 'criminal_case.open',
      resourceType: 'criminal_case',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { trafficking: state.traffickingOffence },
    });
    return { id, caseNumber, state, facts, hiddenFields: d.hiddenFields };
  }

  /** Apply one event (optimistic concurrency on `expectedVersion` when given). */
  async append(
    id: string,
    event: CriminalCaseEvent,
    opts: { expectedVersion?: number | undefined } = {},
  ): Promise<CriminalCaseView> {
    // Locked: concurrent events on one case apply one after the other, each on the latest state.
    const { row, facts } = await this.load(id, 'criminal_case.write', { lock: true });
    const d = this.tx.authorize('criminal_case.write', 'criminal_case', facts, 'criminal_case.read');
    const before = row.state as CriminalCaseState;
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== before.version) {
      throw new ConflictError(
        `The case changed since you loaded it (version ${before.version}, you had ${opts.expectedVersion}); reload and try again.`,
      );
    }
    checkCriminalEventAgainstConfig(event, this.config());
    const state = applyCriminalEvent(before, event);
    this.checkActingOrganisation(id, before, event);
    if (event.type === 'suspect_added') await this.checkPersonVisible(event.personId);
    if (event.type === 'victim_linked') await this.checkVictimCase(event.victimCaseId);
    const updated = await this.tx.trx
      .updateTable('criminal_cases')
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
    const receivers = await this.syncAccess(id, row.organisation_id, before, state);
    await this.tx.audit({
      action: `criminal_case.${event.type}`,
      resourceType: 'criminal_case',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { version: state.version },
    });
    return {
      id,
      caseNumber: row.case_number,
      state,
      facts: { ...facts, sharedWithOrganisationIds: receivers },
      hiddenFields: d.hiddenFields,
    };
  }

  /** Adds a suspect, creating the person record (identity encrypted) when none is given. */
  async addSuspect(id: string, s: NewSuspect): Promise<CriminalCaseView> {
    if ((s.personId === undefined) === (s.person === undefined))
      throw new InputError('personId', 'give either personId (an existing person) or person (a new one), not both');
    const { row, facts } = await this.load(id, 'criminal_case.write');
    this.tx.authorize('criminal_case.write', 'criminal_case', facts, 'criminal_case.read');
    const personId =
      s.personId ?? (await this.tx.persons.create({ ...s.person!, province: row.province, label: 'R' })).id;
    return this.append(id, {
      type: 'suspect_added',
      occurredOn: s.occurredOn,
      suspectId: uuidv7(),
      personId,
      nationality: s.nationality,
      ...(s.publicOfficial && { publicOfficial: s.publicOfficial }),
      ...(s.arrested !== undefined && { arrested: s.arrested }),
    });
  }

  async get(
    id: string,
  ): Promise<CriminalCaseView & { events: { seq: number; event: CriminalCaseEvent; recordedAt: Date }[] }> {
    const { row, facts } = await this.load(id, 'criminal_case.read');
    const d = this.tx.authorize('criminal_case.read', 'criminal_case', facts);
    const events = await this.tx.trx
      .selectFrom('criminal_case_events')
      .select(['seq', 'event', 'recorded_at'])
      .where('case_id', '=', id)
      .orderBy('seq')
      .execute();
    await this.tx.audit({
      action: 'criminal_case.read',
      resourceType: 'criminal_case',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: {},
    });
    return {
      id,
      caseNumber: row.case_number,
      state: row.state as CriminalCaseState,
      facts,
      hiddenFields: d.hiddenFields,
      events: events.map((e) => ({ seq: e.seq, event: e.event as CriminalCaseEvent, recordedAt: e.recorded_at })),
    };
  }

  /**
   * The cases the actor may read (most recently changed first). SQL narrows to rows any of the
   * actor's scopes could reach (a superset); `can` decides each one.
   */
  async list(opts: {
    status?: 'open' | 'closed' | undefined;
    /** Only cases that can raise an alert: open ones, and closed ones with an oversight flag. */
    alertable?: boolean | undefined;
    limit: number;
  }): Promise<CriminalCaseView[]> {
    this.tx.authorize('criminal_case.read', 'criminal_case');
    const actor = this.tx.actor;
    const reach = reachOf(this.tx, 'criminal_case.read');
    const found = await collectVisible(
      this.tx,
      'criminal_case.read',
      opts.limit,
      (after: Selectable<CriminalCasesTable> | null, size) => {
        let q = this.tx.trx
          .selectFrom('criminal_cases')
          .selectAll()
          .orderBy('updated_at', 'desc')
          .orderBy('id', 'desc')
          .limit(size);
        if (after) q = q.where(sql<boolean>`(updated_at, id) < (${after.updated_at}, ${after.id})`);
        if (opts.status) q = q.where('status', '=', opts.status);
        if (opts.alertable) {
          q = q.where(
            sql<boolean>`(status = 'open' OR jsonb_path_exists(state, '$.suspects[*] ? (exists(@.publicOfficial) || @.verdict.outcome == "settled_out_of_court")'))`,
          );
        }
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
      state: row.state as CriminalCaseState,
      facts,
      hiddenFields,
    }));
    await this.tx.audit({
      action: 'criminal_case.list',
      resourceType: 'criminal_case',
      resourceId: null,
      rule: null,
      reason: null,
      details: { count: views.length },
    });
    return views;
  }

  /**
   * Who may record what: a charge is the named prosecutor's decision, and a supervised defendant's
   * check-ins are recorded by the unit they report to.
   */
  private checkActingOrganisation(id: string, state: CriminalCaseState, event: CriminalCaseEvent): void {
    const actor = this.tx.actor;
    if (actor.kind === 'system') return;
    const refuse = () => {
      throw new AccessError(403, 'out-of-scope', `criminal_case.${event.type}`, 'criminal_case', id);
    };
    if (event.type === 'charged' && event.prosecutorOrganisationId !== actor.organisationId) refuse();
    if (event.type === 'check_in_recorded' || event.type === 'check_in_missed') {
      const suspect = state.suspects.find((p) => p.suspectId === event.suspectId);
      if (suspect && supervisingUnit(state, suspect) !== actor.organisationId) refuse();
    }
  }

  /** A suspect must be a person the actor may see (404 otherwise, as for any unseen record). */
  private async checkPersonVisible(personId: string): Promise<void> {
    const row = await this.tx.trx.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirst();
    if (!row) throw new InputError('personId', 'is not a person in CTIS — create the person first');
    this.tx.authorize('person.read', 'person', factsOf(row, await accessLists(this.tx, personId)));
  }

  /** A linked victim case must exist; the link is pseudonymous, the victim's identity is not read. */
  private async checkVictimCase(victimCaseId: string): Promise<void> {
    const found = await this.tx.trx
      .selectFrom('victim_cases')
      .select('id')
      .where('id', '=', victimCaseId)
      .executeTakeFirst();
    if (!found) throw new InputError('victimCaseId', 'is not a victim case in CTIS — check the case id');
  }

  /**
   * Keeps the case's compartments, and its suspects' person records', in step with the state.
   * Organisations never lose access to a criminal file once given it. Returns the case's receivers.
   */
  private async syncAccess(
    id: string,
    owner: string,
    before: CriminalCaseState,
    after: CriminalCaseState,
  ): Promise<string[]> {
    const oversightOrganisationIds = this.config()
      .organisations.filter((o) => o.type === 'oversight')
      .map((o) => o.id);
    const had = criminalCaseOrganisations(before, { oversightOrganisationIds });
    const has = criminalCaseOrganisations(after, { oversightOrganisationIds });
    const receivers = has.filter((o) => o !== owner);
    const changed = had.length !== has.length || before.suspects.length !== after.suspects.length;
    if (!changed) return receivers;
    await syncShares(this.tx, id, receivers);
    const personIds = after.suspects.map((p) => p.personId);
    // Oversight reads the case, never a suspect's identity through it.
    const personReceivers = receivers.filter((o) => !oversightOrganisationIds.includes(o));
    if (personIds.length === 0 || personReceivers.length === 0) return receivers;
    await this.tx.trx
      .insertInto('record_access')
      .values(
        personIds.flatMap((personId) =>
          personReceivers.map((subject) => ({ record_id: personId, kind: 'shared' as const, subject })),
        ),
      )
      .onConflict((c) => c.doNothing())
      .execute();
    return receivers;
  }

  private async load(id: string, action: string, opts: { lock?: boolean } = {}) {
    let q = this.tx.trx.selectFrom('criminal_cases').selectAll().where('id', '=', id);
    if (opts.lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) return this.tx.notFound(action, 'criminal_case', id);
    return { row, facts: factsOf(row, await accessLists(this.tx, id)) };
  }

  private async insertEvent(caseId: string, seq: number, event: CriminalCaseEvent): Promise<void> {
    await this.tx.trx
      .insertInto('criminal_case_events')
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

  /** Human-readable numbers, e.g. KHM-CR-KH-12-2017-00042: country, criminal, province, year, sequence. */
  private async nextCaseNumber(province: string | null, on: string): Promise<string> {
    const prefix = `${this.config().country}-CR-${province ?? 'NAT'}-${on.slice(0, 4)}`;
    return nextNumber(this.tx, prefix);
  }
}

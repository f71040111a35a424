import {
  ConflictError,
  derivedFields,
  parseRegisterRecord,
  REGISTERS,
  type RecordFacts,
  type RegisterDefinition,
  type RegisterId,
  type RegisterRecord,
} from '@ctis/core';
import { sql, type Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { AccessError } from '../access-error.ts';
import type { RegisterRecordsTable } from '../schema.ts';
import type { ScopedTx } from '../scoped-db.ts';
import { accessLists, collectVisible, factsOf, reachOf } from './record-access.ts';

export interface RegisterView {
  readonly id: string;
  readonly register: RegisterId;
  readonly organisationId: string;
  readonly province: string | null;
  readonly data: RegisterRecord;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly facts: RecordFacts;
  readonly hiddenFields: readonly string[];
}

export interface RegisterHistoryEntry {
  readonly seq: number;
  readonly kind: 'created' | 'updated' | 'imported';
  readonly data: RegisterRecord;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

/** Rows per INSERT when importing: well under PostgreSQL's 65,535 bind parameters. */
const IMPORT_BATCH = 2_000;

/**
 * The prevention registers, one generic store: each record is validated by its register's definition
 * (core/registers) and the configuration, owned by the recorder's organisation, labelled N, and every
 * version kept in register_record_events. Only organisations of the types the register names may
 * record it; the scopes of `register.read` / `register.write` decide the rest.
 */
export class RegistersRepo {
  constructor(private readonly tx: ScopedTx) {}

  async create(register: RegisterId, raw: unknown): Promise<RegisterView> {
    const def = REGISTERS[register];
    const facts = this.newFacts(def, null);
    const d = this.tx.authorize('register.write', `register:${register}`, facts);
    this.checkRecorder(def, facts.id);
    const data = parseRegisterRecord(def, raw, this.tx.ctx.config);
    const province = provinceOf(def, data);
    const now = this.tx.ctx.now();
    await this.tx.trx
      .insertInto('register_records')
      .values({
        id: facts.id,
        register,
        owner_user_id: this.tx.actor.userId,
        organisation_id: this.orgId(),
        province,
        label: 'N',
        data: JSON.stringify(data),
        version: 1,
        import_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await this.insertEvent(facts.id, 1, 'created', data);
    await this.auditWrite('register.create', register, facts.id, d.rule.id);
    return this.view(register, { ...facts, province }, data, 1, now, now, d.hiddenFields);
  }

  async update(
    register: RegisterId,
    id: string,
    raw: unknown,
    opts: { expectedVersion?: number | undefined; keep?: readonly string[] } = {},
  ): Promise<RegisterView> {
    const def = REGISTERS[register];
    const { row, facts } = await this.load(register, id, 'register.write', true);
    const d = this.tx.authorize('register.write', `register:${register}`, facts, 'register.read');
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) {
      throw new ConflictError(
        `The record changed since you loaded it (version ${row.version}, you had ${opts.expectedVersion}); reload and try again.`,
      );
    }
    const before = row.data as Record<string, unknown>;
    // Fields set by one-step actions (links, referrals) survive an edit of the form's fields.
    const kept = Object.fromEntries((opts.keep ?? []).filter((k) => k in before).map((k) => [k, before[k]]));
    // Derived fields sent back with a whole record are recomputed, not refused.
    const derived = new Set(derivedFields(def));
    const input = Object.fromEntries(Object.entries(raw as object).filter(([k]) => !derived.has(k)));
    const data = parseRegisterRecord(def, { ...input, ...kept }, this.tx.ctx.config);
    const province = provinceOf(def, data);
    const now = this.tx.ctx.now();
    const version = row.version + 1;
    await this.tx.trx
      .updateTable('register_records')
      .set({ data: JSON.stringify(data), province, version, updated_at: now })
      .where('id', '=', id)
      .execute();
    await this.insertEvent(id, version, 'updated', data);
    await this.auditWrite('register.update', register, id, d.rule.id);
    return this.view(register, { ...facts, province }, data, version, row.created_at, now, d.hiddenFields);
  }

  async get(register: RegisterId, id: string): Promise<RegisterView & { history: RegisterHistoryEntry[] }> {
    const { row, facts } = await this.load(register, id, 'register.read');
    const d = this.tx.authorize('register.read', `register:${register}`, facts);
    const events = await this.tx.trx
      .selectFrom('register_record_events')
      .selectAll()
      .where('record_id', '=', id)
      .orderBy('seq')
      .execute();
    const view = this.view(
      register,
      facts,
      row.data as RegisterRecord,
      row.version,
      row.created_at,
      row.updated_at,
      d.hiddenFields,
    );
    return {
      ...view,
      history: events.map((e) => ({
        seq: e.seq,
        kind: e.kind,
        data: e.data as RegisterRecord,
        recordedBy: e.recorded_by,
        recordedAt: e.recorded_at,
      })),
    };
  }

  /** The records of a register the actor may read, most recently changed first. */
  async list(register: RegisterId, opts: { limit: number }): Promise<RegisterView[]> {
    this.tx.authorize('register.read', `register:${register}`);
    const actor = this.tx.actor;
    const reach = reachOf(this.tx, 'register.read');
    const found = await collectVisible(
      this.tx,
      'register.read',
      opts.limit,
      (after: Selectable<RegisterRecordsTable> | null, size) => {
        let q = this.tx.trx
          .selectFrom('register_records')
          .selectAll()
          .where('register', '=', register)
          .orderBy('updated_at', 'desc')
          .orderBy('id', 'desc')
          .limit(size);
        if (after) q = q.where(sql<boolean>`(updated_at, id) < (${after.updated_at}, ${after.id})`);
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
    return found.map(({ row, facts, hiddenFields }) =>
      this.view(register, facts, row.data as RegisterRecord, row.version, row.created_at, row.updated_at, hiddenFields),
    );
  }

  /**
   * Stores records already validated by the import (checkRegisterRecord), in the caller's
   * transaction: all or nothing. One audit row for the import, with its size and the file's hash.
   */
  async importRecords(
    register: RegisterId,
    records: readonly RegisterRecord[],
    meta: { format: 'csv' | 'xlsx'; sha256: string },
  ): Promise<{ importId: string; rows: number }> {
    const def = REGISTERS[register];
    const importId = uuidv7();
    const facts = this.newFacts(def, null);
    const d = this.tx.authorize('register.write', `register:${register}`, facts);
    this.checkRecorder(def, null);
    const actor = this.tx.actor;
    const orgId = this.orgId();
    const now = this.tx.ctx.now();
    await this.tx.trx
      .insertInto('register_imports')
      .values({
        id: importId,
        register,
        organisation_id: orgId,
        format: meta.format,
        sha256: meta.sha256,
        rows: records.length,
        imported_by: actor.userId,
        imported_at: now,
      })
      .execute();
    for (let i = 0; i < records.length; i += IMPORT_BATCH) {
      const batch = records.slice(i, i + IMPORT_BATCH).map((data) => ({ id: uuidv7(), data }));
      // Each row must be within the actor's write scope, as a single create would be.
      for (const b of batch) {
        const f = { ...facts, id: b.id, province: provinceOf(def, b.data) };
        this.tx.authorize('register.write', `register:${register}`, f);
      }
      await this.tx.trx
        .insertInto('register_records')
        .values(
          batch.map(({ id, data }) => ({
            id,
            register,
            owner_user_id: actor.userId,
            organisation_id: orgId,
            province: provinceOf(def, data),
            label: 'N' as const,
            data: JSON.stringify(data),
            version: 1,
            import_id: importId,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      await this.tx.trx
        .insertInto('register_record_events')
        .values(
          batch.map(({ id, data }) => ({
            record_id: id,
            seq: 1,
            kind: 'imported' as const,
            data: JSON.stringify(data),
            recorded_by: actor.userId,
            recorded_at: now,
          })),
        )
        .execute();
    }
    await this.tx.audit({
      action: 'register.import',
      resourceType: `register:${register}`,
      resourceId: importId,
      rule: d.rule.id,
      reason: null,
      details: { rows: records.length, format: meta.format, sha256: meta.sha256 },
    });
    return { importId, rows: records.length };
  }

  /** Shares a record with another organisation (a compartment), e.g. an inspection referred to police. */
  async share(register: RegisterId, id: string, organisationId: string): Promise<void> {
    const { facts } = await this.load(register, id, 'register.write');
    const d = this.tx.authorize('register.write', `register:${register}`, facts, 'register.read');
    await this.tx.trx
      .insertInto('record_access')
      .values({ record_id: id, kind: 'shared', subject: organisationId })
      .onConflict((c) => c.doNothing())
      .execute();
    await this.tx.audit({
      action: 'register.share',
      resourceType: `register:${register}`,
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { organisationId },
    });
  }

  private orgId(): string {
    return this.tx.actor.organisationId ?? 'system';
  }

  /** A register is recorded only by the organisation types its definition names. */
  private checkRecorder(def: RegisterDefinition, id: string | null): void {
    const actor = this.tx.actor;
    if (actor.kind === 'system') return;
    const type = this.tx.ctx.config.organisations.find((o) => o.id === actor.organisationId)?.type;
    if (type === undefined || !def.recordedBy.includes(type)) {
      throw new AccessError(403, 'out-of-scope', 'register.write', `register:${def.id}`, id);
    }
  }

  private newFacts(def: RegisterDefinition, province: string | null): RecordFacts {
    const actor = this.tx.actor;
    return {
      id: uuidv7(),
      ownerUserId: actor.userId,
      organisationId: this.orgId(),
      province,
      label: 'N',
      teamUserIds: [],
      sharedWithOrganisationIds: [],
      namedUserIds: [],
    };
  }

  private async load(register: RegisterId, id: string, action: string, lock = false) {
    let q = this.tx.trx
      .selectFrom('register_records')
      .selectAll()
      .where('id', '=', id)
      .where('register', '=', register);
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) return this.tx.notFound(action, `register:${register}`, id);
    return { row, facts: factsOf(row, await accessLists(this.tx, id)) };
  }

  private async insertEvent(id: string, seq: number, kind: 'created' | 'updated', data: RegisterRecord) {
    await this.tx.trx
      .insertInto('register_record_events')
      .values({
        record_id: id,
        seq,
        kind,
        data: JSON.stringify(data),
        recorded_by: this.tx.actor.userId,
        recorded_at: this.tx.ctx.now(),
      })
      .execute();
  }

  private async auditWrite(action: string, register: RegisterId, id: string, rule: string) {
    await this.tx.audit({
      action,
      resourceType: `register:${register}`,
      resourceId: id,
      rule,
      reason: null,
      details: {},
    });
  }

  private view(
    register: RegisterId,
    facts: RecordFacts,
    data: RegisterRecord,
    version: number,
    createdAt: Date,
    updatedAt: Date,
    hiddenFields: readonly string[],
  ): RegisterView {
    return {
      id: facts.id,
      register,
      organisationId: facts.organisationId ?? 'system',
      province: facts.province,
      data,
      version,
      createdAt,
      updatedAt,
      facts,
      hiddenFields,
    };
  }
}

function provinceOf(def: RegisterDefinition, data: RegisterRecord): string | null {
  const v = def.provinceField ? data[def.provinceField] : undefined;
  return typeof v === 'string' ? v : null;
}

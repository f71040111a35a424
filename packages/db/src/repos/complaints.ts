import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { can, ConflictError, InputError } from '@ctis/core';
import type { KeyRing } from '../crypto/key-ring.ts';
import type {
  ComplaintCategory,
  ComplaintStatus,
  CorruptionComplaintEventsTable,
  CorruptionComplaintsTable,
} from '../schema.ts';
import type { ScopedTx } from '../scoped-db.ts';
import { accessLists, factsOf, nationalFacts } from './record-access.ts';

export const COMPLAINT_CATEGORIES = [
  'bribery',
  'extortion',
  'protection_of_traffickers',
  'leaking_operations',
  'obstruction_of_justice',
  'other',
] as const satisfies readonly ComplaintCategory[];

export const COMPLAINT_STATUSES = [
  'received',
  'under_review',
  'referred',
  'closed',
] as const satisfies readonly ComplaintStatus[];

/** The statuses oversight may set ('received' is the intake's). */
export const COMPLAINT_DECISIONS = ['under_review', 'referred', 'closed'] as const satisfies readonly ComplaintStatus[];

/** The system actor that receives complaints from the public (no account, no identity). */
export const PUBLIC_INTAKE_ACTOR = 'public-intake';

// Receipt codes: 20 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V pairs
// confusable in handwriting), about 98 bits, shown as XXXX-XXXX-XXXX-XXXX-XXXX.
const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const RECEIPT_LENGTH = 20;

/** A new receipt code, grouped by four for reading and writing down. */
export function newReceiptCode(): string {
  let code = '';
  for (let i = 0; i < RECEIPT_LENGTH; i++) code += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return code.match(/.{4}/g)!.join('-');
}

/**
 * The stored form of a receipt code: SHA-256 of its characters, upper case, without separators,
 * so "abcd efgh-…" typed by hand finds the same complaint. Any input hashes (a malformed code
 * costs the same lookup as a wrong one and finds nothing).
 */
export function receiptHash(receipt: string): string {
  const chars = receipt.toUpperCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(`ctis-complaint-receipt\n${chars}`).digest('hex');
}

// Associated data binds each ciphertext to its column and complaint: it cannot be moved to another.
const aad = (column: 'description' | 'contact', id: string) => `corruption_complaints.${column}:${id}`;

type Sealer = Pick<KeyRing, 'seal' | 'open'>;
type ComplaintRow = Selectable<CorruptionComplaintsTable>;
type EventRow = Selectable<CorruptionComplaintEventsTable>;

export interface NewComplaint {
  readonly category: ComplaintCategory;
  readonly province?: string | null | undefined;
  readonly agency?: string | null | undefined;
  readonly description: string;
  readonly contact?: string | null | undefined;
}

/** A complaint as listed: no description, no contact (those are opened one complaint at a time). */
export interface ComplaintSummary {
  readonly id: string;
  readonly receivedOn: string;
  readonly category: ComplaintCategory;
  readonly province: string | null;
  readonly agency: string | null;
  readonly status: ComplaintStatus;
  readonly outcome: string | null;
  readonly criminalCaseId: string | null;
  readonly hasContact: boolean;
  readonly version: number;
  readonly updatedAt: Date | null;
}

export interface ComplaintEventView {
  readonly seq: number;
  readonly status: ComplaintStatus;
  readonly outcome: string | null;
  readonly criminalCaseId: string | null;
  readonly recordedBy: string;
  readonly recordedOn: string;
}

export interface ComplaintView extends ComplaintSummary {
  readonly description: string;
  readonly contact: string | null;
  readonly history: readonly ComplaintEventView[];
}

/** What the holder of a receipt learns: the status, the day it last changed, the outcome. */
export interface ReceiptStatus {
  readonly status: ComplaintStatus;
  readonly updatedOn: string;
  readonly outcome: string | null;
}

export interface ComplaintDecision {
  readonly status: (typeof COMPLAINT_DECISIONS)[number];
  /** Shown to the reporter; required to close. Undefined keeps the current one. */
  readonly outcome?: string | null | undefined;
  /** A complicit-official criminal case; null unlinks, undefined keeps the current link. */
  readonly criminalCaseId?: string | null | undefined;
  readonly expectedVersion?: number | undefined;
}

/**
 * Corruption complaints. The public files them without an account (`submit`, as the system actor
 * `public-intake`) and follows them with a receipt code (`byReceipt`); only oversight
 * (complaint.read / complaint.manage, national scope) lists, opens and decides them.
 *
 * Nothing identifies the reporter: no address, no account, the day of receipt only, a random id,
 * and intake audit rows name no complaint. The description and contact details are sealed with
 * the key ring (bound to the complaint id) and never go into audit rows.
 */
export class ComplaintsRepo {
  constructor(private readonly tx: ScopedTx) {}

  /** Files a complaint; returns the receipt code, which is shown once (only its hash is kept). */
  async submit(input: NewComplaint, ring: Sealer): Promise<{ receipt: string }> {
    const id = randomUUID();
    const d = this.tx.authorize('complaint.manage', 'complaint', facts(id));
    if (input.province && !this.tx.ctx.config.provinces.some((p) => p.code === input.province))
      throw new InputError('province', `"${input.province}" is not a province of this country`);
    const receipt = newReceiptCode();
    const receivedOn = this.today();
    await this.tx.trx
      .insertInto('corruption_complaints')
      .values({
        id,
        receipt_hash: receiptHash(receipt),
        received_on: receivedOn,
        category: input.category,
        province: input.province || null,
        agency: input.agency || null,
        description: ring.seal(input.description, aad('description', id)),
        contact: input.contact ? ring.seal(input.contact, aad('contact', id)) : null,
        status: 'received',
        outcome: null,
        criminal_case_id: null,
        version: 1,
        updated_at: null,
      })
      .execute();
    await this.appendEvent(id, 1, { status: 'received', outcome: null, criminal_case_id: null }, receivedOn);
    // No complaint id, no details: the row's exact time must not point at one complaint.
    await this.tx.audit({
      action: 'complaint.submit',
      resourceType: 'complaint',
      resourceId: null,
      rule: d.rule.id,
      reason: null,
      details: {},
    });
    return { receipt };
  }

  /**
   * The status for the holder of a receipt, or null for an unknown (or malformed) code. The
   * lookup is audited without the complaint id, so lookups cannot be tied to a complaint's file.
   */
  async byReceipt(receipt: string): Promise<ReceiptStatus | null> {
    const d = this.tx.authorize('complaint.read', 'complaint');
    const row = await this.tx.trx
      .selectFrom('corruption_complaints')
      .select(['status', 'outcome', 'received_on', 'updated_at'])
      .where('receipt_hash', '=', receiptHash(receipt))
      .executeTakeFirst();
    await this.tx.audit({
      action: 'complaint.receipt_lookup',
      resourceType: 'complaint',
      resourceId: null,
      rule: d.rule.id,
      reason: null,
      details: { found: Boolean(row) },
    });
    if (!row) return null;
    return {
      status: row.status,
      updatedOn: row.updated_at ? this.dayOf(row.updated_at) : row.received_on,
      outcome: row.outcome,
    };
  }

  /** Complaints, most recently received first (no description or contact: those are opened one by one). */
  async list(opts: { status?: ComplaintStatus | undefined; limit: number }): Promise<ComplaintSummary[]> {
    const d = this.tx.authorize('complaint.read', 'complaint');
    const now = this.tx.ctx.now();
    let q = this.tx.trx
      .selectFrom('corruption_complaints')
      .selectAll()
      .orderBy('received_on', 'desc')
      .orderBy('id', 'desc')
      .limit(opts.limit);
    if (opts.status) q = q.where('status', '=', opts.status);
    const rows = (await q.execute()).filter((r) => can(this.tx.actor, 'complaint.read', facts(r.id), now).allowed);
    await this.tx.audit({
      action: 'complaint.list',
      resourceType: 'complaint',
      resourceId: null,
      rule: d.rule.id,
      reason: null,
      details: { count: rows.length, ...(opts.status ? { status: opts.status } : {}) },
    });
    return rows.map(summary);
  }

  /** One complaint with its description, contact details and history; audited as a reading. */
  async get(id: string, ring: Sealer): Promise<ComplaintView> {
    const row = await this.load(id, 'complaint.read');
    const d = this.tx.authorize('complaint.read', 'complaint', facts(id));
    await this.tx.audit({
      action: 'complaint.read',
      resourceType: 'complaint',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { contact: row.contact !== null },
    });
    return this.view(row, ring);
  }

  /** Oversight's decision: a new status, the outcome told to the reporter, a criminal case linked. */
  async decide(id: string, input: ComplaintDecision, ring: Sealer): Promise<ComplaintView> {
    const row = await this.load(id, 'complaint.manage', { lock: true });
    const d = this.tx.authorize('complaint.manage', 'complaint', facts(id), 'complaint.read');
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
      throw new ConflictError(
        `The complaint changed since you opened it (version ${row.version}, not ${input.expectedVersion}): reload it.`,
      );
    const outcome = input.outcome === undefined ? row.outcome : input.outcome || null;
    if (input.status === 'closed' && !outcome)
      throw new InputError('outcome', 'is required to close a complaint — say what came of it (the reporter sees it)');
    const criminalCaseId = input.criminalCaseId === undefined ? row.criminal_case_id : input.criminalCaseId;
    if (criminalCaseId && criminalCaseId !== row.criminal_case_id) await this.checkCriminalCase(criminalCaseId);
    const now = this.tx.ctx.now();
    const version = row.version + 1;
    const updated = await this.tx.trx
      .updateTable('corruption_complaints')
      .set({ status: input.status, outcome, criminal_case_id: criminalCaseId, version, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.appendEvent(
      id,
      version,
      { status: input.status, outcome, criminal_case_id: criminalCaseId },
      this.dayOf(now),
    );
    await this.tx.audit({
      action: 'complaint.status',
      resourceType: 'complaint',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      // The outcome is free text that may name people: it stays in the record.
      details: {
        from: row.status,
        to: input.status,
        version,
        criminalCaseId: criminalCaseId ?? null,
      },
    });
    return this.view(updated, ring);
  }

  private async view(row: ComplaintRow, ring: Sealer): Promise<ComplaintView> {
    const events = await this.tx.trx
      .selectFrom('corruption_complaint_events')
      .selectAll()
      .where('complaint_id', '=', row.id)
      .orderBy('seq')
      .execute();
    return {
      ...summary(row),
      description: ring.open(row.description, aad('description', row.id)),
      contact: row.contact === null ? null : ring.open(row.contact, aad('contact', row.id)),
      history: events.map(eventView),
    };
  }

  private async appendEvent(
    id: string,
    seq: number,
    e: Pick<EventRow, 'status' | 'outcome' | 'criminal_case_id'>,
    on: string,
  ): Promise<void> {
    await this.tx.trx
      .insertInto('corruption_complaint_events')
      .values({ complaint_id: id, seq, ...e, recorded_by: this.tx.actor.userId, recorded_on: on })
      .execute();
  }

  /**
   * A linked case must exist and be one the actor may read; otherwise a 400 on the field (the same
   * answer for both, so the link does not reveal cases the actor cannot see). Linking is not reading.
   */
  private async checkCriminalCase(caseId: string): Promise<void> {
    const row = await this.tx.trx
      .selectFrom('criminal_cases')
      .select(['id', 'owner_user_id', 'organisation_id', 'province', 'label'])
      .where('id', '=', caseId)
      .executeTakeFirst();
    const readable =
      row &&
      can(this.tx.actor, 'criminal_case.read', factsOf(row, await accessLists(this.tx, caseId)), this.tx.ctx.now());
    if (!readable?.allowed)
      throw new InputError('criminalCaseId', 'is not a criminal case you can read — check the case id');
  }

  private async load(id: string, action: string, opts: { lock?: boolean } = {}): Promise<ComplaintRow> {
    let q = this.tx.trx.selectFrom('corruption_complaints').selectAll().where('id', '=', id);
    if (opts.lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) return this.tx.notFound(action, 'complaint', id);
    return row;
  }

  /** Today in the country's time zone, YYYY-MM-DD. */
  private today(): string {
    return this.dayOf(this.tx.ctx.now());
  }

  private dayOf(at: Date): string {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: this.tx.ctx.config.timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at);
  }
}

/**
 * A complaint belongs to no organisation, owner or province (the province named in it is where the
 * facts happened, not who may see it): only a national-scope rule reaches it, i.e. oversight.
 */
const facts = nationalFacts;

function summary(row: ComplaintRow): ComplaintSummary {
  return {
    id: row.id,
    receivedOn: row.received_on,
    category: row.category,
    province: row.province,
    agency: row.agency,
    status: row.status,
    outcome: row.outcome,
    criminalCaseId: row.criminal_case_id,
    hasContact: row.contact !== null,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

function eventView(e: EventRow): ComplaintEventView {
  return {
    seq: e.seq,
    status: e.status,
    outcome: e.outcome,
    criminalCaseId: e.criminal_case_id,
    recordedBy: e.recorded_by,
    recordedOn: e.recorded_on,
  };
}

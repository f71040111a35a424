import { can, ConflictError, InputError, type Identity, type Label, type RecordFacts } from '@ctis/core';
import { v7 as uuidv7 } from 'uuid';
import type { PersonRow } from '../schema.ts';
import type { ScopedTx } from '../scoped-db.ts';

export interface NewPerson {
  readonly province: string | null;
  readonly label: Label;
  readonly sex: string | null;
  readonly birthYear: number | null;
  readonly nationality: string | null;
  readonly identity: Identity | null;
  readonly team?: readonly string[];
  readonly named?: readonly string[];
}

export interface PersonView {
  readonly row: PersonRow;
  readonly facts: RecordFacts;
  /** Fields the deciding rule hides from this actor. */
  readonly hiddenFields: readonly string[];
  readonly identityVisible: boolean;
  /** Decrypted only when the deciding rule lets this actor see it. */
  readonly identity: Identity | null;
}

const BREAK_GLASS_MAX_MINUTES = 240;

/** Persons with need-to-know access: scope, compartments (shares), labels, break-glass. */
export class PersonsRepo {
  constructor(private readonly tx: ScopedTx) {}

  async create(input: NewPerson): Promise<PersonRow> {
    const actor = this.tx.actor;
    const id = uuidv7();
    const now = this.tx.ctx.now();
    const orgId = actor.organisationId ?? 'system';
    const facts: RecordFacts = {
      id,
      ownerUserId: actor.userId,
      organisationId: orgId,
      province: input.province,
      label: input.label,
      teamUserIds: input.team ?? [],
      sharedWithOrganisationIds: [],
      namedUserIds: input.label === 'V' ? [actor.userId, ...(input.named ?? [])] : [],
    };
    const d = this.tx.authorize('person.write', 'person', facts);
    const row = await this.tx.trx
      .insertInto('persons')
      .values({
        id,
        owner_user_id: actor.userId,
        organisation_id: orgId,
        province: input.province,
        label: input.label,
        sex: input.sex,
        birth_year: input.birthYear,
        nationality: input.nationality,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const access = [
      ...facts.teamUserIds.map((s) => ({ record_id: id, kind: 'team' as const, subject: s })),
      ...facts.namedUserIds.map((s) => ({ record_id: id, kind: 'named' as const, subject: s })),
    ];
    if (input.identity) await this.tx.ctx.vault.write(this.tx.trx, id, input.identity, now);
    if (access.length)
      await this.tx.trx
        .insertInto('record_access')
        .values(access)
        .onConflict((c) => c.doNothing())
        .execute();
    await this.tx.audit({
      action: 'person.create',
      resourceType: 'person',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { label: input.label },
    });
    return row;
  }

  /** Read a person; identity fields are returned (and the read audited) only when allowed. */
  async get(id: string, opts: { identity: boolean }): Promise<PersonView> {
    const { row, facts } = await this.load(id, 'person.read');
    const read = this.tx.authorize('person.read', 'person', facts);
    let identityVisible = false;
    let rule = read.rule.id;
    if (opts.identity && !read.hiddenFields.includes('identity')) {
      const idDecision = this.tx.authorize('person.read_identity', 'person', facts, 'person.read');
      identityVisible = true;
      rule = idDecision.rule.id;
    }
    await this.tx.audit({
      action: identityVisible ? 'person.read_identity' : 'person.read',
      resourceType: 'person',
      resourceId: id,
      rule,
      reason: null,
      details: identityVisible && read.via === 'break-glass' ? { via: 'break-glass' } : {},
    });
    return {
      row,
      facts,
      hiddenFields: identityVisible ? read.hiddenFields : [...read.hiddenFields, 'identity'],
      identityVisible,
      identity: identityVisible ? await this.tx.ctx.vault.read(this.tx.trx, id) : null,
    };
  }

  /** Share with another organisation (a compartment), e.g. on referral. */
  async share(id: string, organisationId: string): Promise<void> {
    const { facts } = await this.load(id, 'person.write');
    const d = this.tx.authorize('person.write', 'person', facts, 'person.read');
    await this.tx.trx
      .insertInto('record_access')
      .values({ record_id: id, kind: 'shared', subject: organisationId })
      .onConflict((c) => c.doNothing())
      .execute();
    await this.tx.audit({
      action: 'person.share',
      resourceType: 'person',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { organisationId },
    });
  }

  /**
   * Break the glass on a restricted (R) record in the actor's scope: time-boxed, with a reason of
   * at least 20 characters, audited, and listed for a supervisor's review. Never for V records.
   */
  async breakGlass(id: string, reason: string, minutes: number): Promise<{ expiresAt: Date }> {
    const { facts } = await this.load(id, 'person.break_glass');
    if (reason.trim().length < 20)
      throw new InputError('reason', 'give at least 20 characters explaining why you need this record');
    const now = this.tx.ctx.now();
    const decision = can({ ...this.tx.actor, breakGlass: [] }, 'person.read', facts, now);
    if (decision.allowed) throw new ConflictError('This record is already open to you; break-glass is not needed.');
    // Only a rule that allows break-glass, on an R record within its scope: otherwise 404 or 403.
    if (decision.reason !== 'break-glass-required') this.tx.authorize('person.read', 'person', facts);
    const expiresAt = new Date(now.getTime() + Math.min(Math.max(minutes, 1), BREAK_GLASS_MAX_MINUTES) * 60_000);
    await this.tx.trx
      .insertInto('break_glass')
      .values({
        id: uuidv7(),
        user_id: this.tx.actor.userId,
        resource_type: 'person',
        record_id: id,
        reason: reason.trim(),
        granted_at: now,
        expires_at: expiresAt,
        reviewed_by: null,
        reviewed_at: null,
        review_note: null,
      })
      .execute();
    // The reason is the actor's own words about why, never an identity value.
    await this.tx.audit({
      action: 'person.break_glass',
      resourceType: 'person',
      resourceId: id,
      rule: null,
      reason: reason.trim(),
      details: { expiresAt: expiresAt.toISOString() },
    });
    return { expiresAt };
  }

  /**
   * Name search through blind indexes. Only people the actor may see with identity are returned;
   * every match whose identity is shown is an audited identity read.
   */
  async searchByName(name: string, limit: number): Promise<PersonView[]> {
    this.tx.authorize('person.read_identity', 'person');
    const ids = await this.tx.ctx.vault.search(this.tx.trx, this.tx.ctx.vault.queryTokens(name), limit * 5);
    const views: PersonView[] = [];
    for (const id of ids) {
      const { facts } = await this.load(id, 'person.read');
      const now = this.tx.ctx.now();
      if (
        !can(this.tx.actor, 'person.read', facts, now).allowed ||
        !can(this.tx.actor, 'person.read_identity', facts, now).allowed
      )
        continue;
      views.push(await this.get(id, { identity: true }));
      if (views.length >= limit) break;
    }
    await this.tx.audit({
      action: 'person.search',
      resourceType: 'person',
      resourceId: null,
      rule: null,
      reason: null,
      details: { matches: views.length },
    });
    return views;
  }

  /** Erase a person's identity by destroying their data key; statistical attributes remain. */
  async erase(id: string, reason: string): Promise<void> {
    const { row, facts } = await this.load(id, 'person.erase');
    const now = this.tx.ctx.now();
    // Erasing a restricted record the actor is not on the team of is a break-glass act: the reason
    // is recorded and listed for a supervisor's review like any other.
    const decision = can(this.tx.actor, 'person.erase', facts, now);
    const viaBreakGlass = !decision.allowed && decision.reason === 'break-glass-required';
    const rule = viaBreakGlass ? null : this.tx.authorize('person.erase', 'person', facts, 'person.read').rule.id;
    if (row.erased_at) throw new ConflictError('This person was already erased.');
    if (viaBreakGlass) {
      await this.tx.trx
        .insertInto('break_glass')
        .values({
          id: uuidv7(),
          user_id: this.tx.actor.userId,
          resource_type: 'person',
          record_id: id,
          reason,
          granted_at: now,
          expires_at: now,
          reviewed_by: null,
          reviewed_at: null,
          review_note: null,
        })
        .execute();
    }
    await this.tx.ctx.vault.shred(this.tx.trx, id, now);
    await this.tx.trx.updateTable('persons').set({ erased_at: now, updated_at: now }).where('id', '=', id).execute();
    await this.tx.audit({
      action: 'person.erase',
      resourceType: 'person',
      resourceId: id,
      rule,
      reason,
      details: viaBreakGlass ? { via: 'break-glass' } : {},
    });
  }

  /** Add a photo (already cleaned of metadata by the caller), encrypted under the person's key. */
  async addPhoto(id: string, jpeg: Buffer): Promise<string> {
    const { row, facts } = await this.load(id, 'person.write');
    const d = this.tx.authorize('person.write', 'person', facts, 'person.read');
    if (row.erased_at) throw new ConflictError('This person was erased.');
    const photoId = uuidv7();
    await this.tx.ctx.vault.writePhoto(this.tx.trx, id, photoId, 'image/jpeg', jpeg, this.tx.ctx.now());
    await this.tx.audit({
      action: 'person.photo_add',
      resourceType: 'person',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { photoId },
    });
    return photoId;
  }

  /** A photo is identity data: reading it needs person.read_identity and is audited. */
  async photo(id: string, photoId: string): Promise<{ contentType: string; bytes: Buffer }> {
    const { facts } = await this.load(id, 'person.read_identity');
    this.tx.authorize('person.read', 'person', facts);
    const d = this.tx.authorize('person.read_identity', 'person', facts, 'person.read');
    const photo = await this.tx.ctx.vault.readPhoto(this.tx.trx, id, photoId);
    if (!photo) return this.tx.notFound('person.read_identity', 'person_photo', photoId);
    await this.tx.audit({
      action: 'person.photo_read',
      resourceType: 'person',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { photoId },
    });
    return photo;
  }

  /** Birth years (a statistical attribute) of persons whose cases the caller already holds. */
  async birthYears(ids: readonly string[]): Promise<Map<string, number | null>> {
    if (ids.length === 0) return new Map();
    const rows = await this.tx.trx
      .selectFrom('persons')
      .select(['id', 'birth_year'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.birth_year]));
  }

  private async load(id: string, action: string): Promise<{ row: PersonRow; facts: RecordFacts }> {
    const row = await this.tx.trx.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return this.tx.notFound(action, 'person', id);
    const access = await this.tx.trx.selectFrom('record_access').selectAll().where('record_id', '=', id).execute();
    const of = (kind: string) => access.filter((a) => a.kind === kind).map((a) => a.subject);
    return {
      row,
      facts: {
        id,
        ownerUserId: row.owner_user_id,
        organisationId: row.organisation_id,
        province: row.province,
        label: row.label,
        teamUserIds: of('team'),
        sharedWithOrganisationIds: of('shared'),
        namedUserIds: of('named'),
      },
    };
  }
}

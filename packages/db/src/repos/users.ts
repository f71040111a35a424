import { can, type RecordFacts } from '@ctis/core';
import { v7 as uuidv7 } from 'uuid';
import type { UserRow } from '../schema.ts';
import type { ScopedTx } from '../scoped-db.ts';

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly organisationId: string;
  readonly roles: readonly string[];
}

/** Users as records under the access policy: an account belongs to its organisation. */
export class UsersRepo {
  constructor(private readonly tx: ScopedTx) {}

  facts(u: Pick<UserRow, 'id' | 'organisation_id'>): RecordFacts {
    return {
      id: u.id,
      ownerUserId: u.id,
      organisationId: u.organisation_id,
      province: this.tx.ctx.provinceOf(u.organisation_id),
      label: 'N',
      teamUserIds: [],
      sharedWithOrganisationIds: [],
      namedUserIds: [],
    };
  }

  async list(): Promise<UserRow[]> {
    this.tx.authorize('user.read', 'user');
    const rows = await this.tx.trx.selectFrom('users').selectAll().orderBy('username').execute();
    const visible = rows.filter((u) => this.tryRead(u));
    await this.tx.audit({
      action: 'user.list',
      resourceType: 'user',
      resourceId: null,
      rule: null,
      reason: null,
      details: { count: visible.length },
    });
    return visible;
  }

  async get(id: string): Promise<UserRow> {
    const row = await this.load(id, 'user.read');
    const d = this.tx.authorize('user.read', 'user', this.facts(row));
    await this.tx.audit({
      action: 'user.read',
      resourceType: 'user',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: {},
    });
    return row;
  }

  async create(input: NewUser): Promise<UserRow> {
    const id = uuidv7();
    const d = this.tx.authorize('user.manage', 'user', this.facts({ id, organisation_id: input.organisationId }));
    const row = await this.tx.trx
      .insertInto('users')
      .values({
        id,
        username: input.username,
        display_name: input.displayName,
        organisation_id: input.organisationId,
        roles: [...input.roles],
        status: 'pending',
        password_hash: null,
        mfa_secret: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.tx.audit({
      action: 'user.create',
      resourceType: 'user',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { organisationId: input.organisationId, roles: input.roles },
    });
    return row;
  }

  /** Update an account the actor may manage (checked before and after the change). */
  async update(
    id: string,
    action: 'user.disable' | 'user.mfa_reset' | 'user.password_reset',
    patch: Partial<Pick<UserRow, 'status' | 'mfa_secret' | 'password_hash'>>,
  ): Promise<UserRow> {
    const before = await this.load(id, 'user.manage');
    const d = this.tx.authorize('user.manage', 'user', this.facts(before), 'user.read');
    const after = await this.tx.trx
      .updateTable('users')
      .set({ ...patch, updated_at: this.tx.ctx.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    this.tx.authorize('user.manage', 'user', this.facts(after), 'user.read');
    await this.tx.audit({ action, resourceType: 'user', resourceId: id, rule: d.rule.id, reason: null, details: {} });
    return after;
  }

  private tryRead(u: UserRow): boolean {
    return can(this.tx.actor, 'user.read', this.facts(u), this.tx.ctx.now()).allowed;
  }

  private async load(id: string, action: string): Promise<UserRow> {
    const row = await this.tx.trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ?? this.tx.notFound(action, 'user', id);
  }
}

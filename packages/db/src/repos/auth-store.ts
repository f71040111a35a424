import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../schema.ts';
import { appendAudit } from '../audit/append.ts';

/**
 * The authentication store: sessions, login attempts and one-time tokens. It is the named escape
 * hatch that runs before an actor exists (login) and is used only by the API's auth plugin and
 * the CLI's user commands.
 */
export class AuthStore {
  constructor(readonly db: Kysely<Database>) {}

  userByUsername(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
  }

  userById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async recordAttempt(username: string, ip: string, success: boolean, at: Date): Promise<void> {
    await this.db.insertInto('login_attempts').values({ username: username.toLowerCase(), ip, success, at }).execute();
  }

  /** Failure times since `since` for an account and for an address. */
  async recentFailures(username: string, ip: string, since: Date): Promise<{ account: Date[]; address: Date[] }> {
    const rows = await this.db
      .selectFrom('login_attempts')
      .select(['at', 'username', 'ip'])
      .where('success', '=', false)
      .where('at', '>=', since)
      .where((eb) => eb.or([eb('username', '=', username.toLowerCase()), eb('ip', '=', ip)]))
      .execute();
    return {
      account: rows.filter((r) => r.username === username.toLowerCase()).map((r) => r.at),
      address: rows.filter((r) => r.ip === ip).map((r) => r.at),
    };
  }

  async createSession(s: {
    id: string;
    userId: string;
    csrfToken: string;
    now: Date;
    ip: string | null;
  }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: s.id,
        user_id: s.userId,
        csrf_token: s.csrfToken,
        created_at: s.now,
        last_seen_at: s.now,
        ended_at: null,
        end_reason: null,
        ip: s.ip,
      })
      .execute();
  }

  session(id: string) {
    return this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
  }

  async touchSession(id: string, now: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }

  async endSession(id: string, reason: string, now: Date): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ ended_at: now, end_reason: reason })
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .execute();
  }

  async endUserSessions(userId: string, reason: string, now: Date): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ ended_at: now, end_reason: reason })
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .execute();
  }

  async activeBreakGlass(userId: string, now: Date): Promise<{ recordId: string; expiresAt: Date }[]> {
    const rows = await this.db
      .selectFrom('break_glass')
      .select(['record_id', 'expires_at'])
      .where('user_id', '=', userId)
      .where('expires_at', '>', now)
      .execute();
    return rows.map((r) => ({ recordId: r.record_id, expiresAt: r.expires_at }));
  }

  async createPasswordToken(t: {
    id: string;
    userId: string;
    createdBy: string | null;
    now: Date;
    expiresAt: Date;
  }): Promise<void> {
    // A new token voids the older unused ones of the same user.
    await this.db
      .updateTable('password_tokens')
      .set({ used_at: t.now })
      .where('user_id', '=', t.userId)
      .where('used_at', 'is', null)
      .execute();
    await this.db
      .insertInto('password_tokens')
      .values({
        id: t.id,
        user_id: t.userId,
        created_by: t.createdBy,
        created_at: t.now,
        expires_at: t.expiresAt,
        used_at: null,
        pending_mfa_secret: null,
      })
      .execute();
  }

  passwordToken(id: string, now: Date) {
    return this.db
      .selectFrom('password_tokens')
      .selectAll()
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  }

  async setPendingMfaSecret(tokenId: string, secret: string): Promise<void> {
    await this.db
      .updateTable('password_tokens')
      .set({ pending_mfa_secret: secret })
      .where('id', '=', tokenId)
      .execute();
  }

  /** Set the password (and MFA secret) from a one-time token, in one transaction with its audit row. */
  async completePasswordReset(r: {
    tokenId: string;
    userId: string;
    passwordHash: string;
    mfaSecret: string | null;
    now: Date;
    ip: string | null;
    requestId: string | null;
  }): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable('password_tokens')
        .set({ used_at: r.now })
        .where('id', '=', r.tokenId)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return false;
      const patch = r.mfaSecret
        ? { password_hash: r.passwordHash, mfa_secret: r.mfaSecret }
        : { password_hash: r.passwordHash };
      await trx
        .updateTable('users')
        .set({ ...patch, status: 'active', updated_at: r.now })
        .where('id', '=', r.userId)
        .where('status', '!=', 'disabled')
        .execute();
      await trx
        .updateTable('sessions')
        .set({ ended_at: r.now, end_reason: 'password-reset' })
        .where('user_id', '=', r.userId)
        .where('ended_at', 'is', null)
        .execute();
      await appendAudit(trx, {
        actorId: r.userId,
        actorOrganisationId: null,
        action: 'auth.password_set',
        resourceType: 'user',
        resourceId: r.userId,
        outcome: 'allowed',
        rule: null,
        reason: null,
        ip: r.ip,
        requestId: r.requestId,
        details: { mfaEnrolled: r.mfaSecret !== null },
        at: r.now,
      });
      return true;
    });
  }
}

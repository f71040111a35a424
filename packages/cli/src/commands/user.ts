import { issuePasswordToken } from '@ctis/api';
import { AuthStore, type ScopedDb } from '@ctis/db';
import { InputError } from '@ctis/core';
import { openRuntime, type Runtime } from '../runtime.ts';
import { systemScopedDb } from './shared.ts';

async function withSystem<T>(
  name: string,
  work: (rt: Runtime, scoped: ScopedDb, store: AuthStore) => Promise<T>,
): Promise<T> {
  const rt = await openRuntime({ exclusive: false });
  try {
    const scoped = systemScopedDb(rt, name);
    return await work(rt, scoped, new AuthStore(rt.db));
  } finally {
    await rt.close();
  }
}

async function userId(store: AuthStore, username: string): Promise<string> {
  const user = await store.userByUsername(username);
  if (!user) throw new InputError('username', `no user "${username}"`);
  return user.id;
}

function link(token: string): string {
  return `one-time set-password link (valid 72 hours): http://localhost:${process.env.PORT ?? 3000}/reset-password?token=${token}`;
}

export async function userAdd(username: string, opts: { name: string; org: string; role: string[] }): Promise<void> {
  await withSystem('cli-user-add', async (rt, scoped, store) => {
    if (!rt.config.organisations.some((o) => o.id === opts.org))
      throw new InputError(
        '--org',
        `unknown organisation "${opts.org}"; see the organisations in ${rt.settings.configPath}`,
      );
    for (const role of opts.role)
      if (!rt.config.roles.some((r) => r.id === role))
        throw new InputError(
          '--role',
          `unknown role "${role}"; one of: ${rt.config.roles.map((r) => r.id).join(', ')}`,
        );
    if (await store.userByUsername(username)) throw new InputError('username', `"${username}" is already in use`);
    const user = await scoped.transaction((tx) =>
      tx.users.create({
        username: username.toLowerCase(),
        displayName: opts.name,
        organisationId: opts.org,
        roles: opts.role,
      }),
    );
    console.log(`created ${user.username}\n${link(await issuePasswordToken(store, user.id, null, new Date()))}`);
  });
}

export async function userDisable(username: string): Promise<void> {
  await withSystem('cli-user-disable', async (_rt, scoped, store) => {
    const id = await userId(store, username);
    await scoped.transaction((tx) => tx.users.update(id, 'user.disable', { status: 'disabled' }));
    await store.endUserSessions(id, 'user-disabled', new Date());
    console.log(`disabled ${username}; their sessions are ended`);
  });
}

export async function userReset(username: string): Promise<void> {
  await withSystem('cli-user-reset', async (_rt, scoped, store) => {
    const id = await userId(store, username);
    await scoped.transaction((tx) => tx.users.update(id, 'user.password_reset', {}));
    console.log(link(await issuePasswordToken(store, id, null, new Date())));
  });
}

export async function userMfaReset(username: string): Promise<void> {
  await withSystem('cli-user-mfa-reset', async (_rt, scoped, store) => {
    const id = await userId(store, username);
    await scoped.transaction((tx) => tx.users.update(id, 'user.mfa_reset', { mfa_secret: null }));
    await store.endUserSessions(id, 'mfa-reset', new Date());
    console.log(
      `MFA cleared for ${username}; they enrol again through this\n${link(await issuePasswordToken(store, id, null, new Date()))}`,
    );
  });
}

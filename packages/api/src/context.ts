import { AuthStore, openMfaSecret, sealMfaSecret, SecretBox, type UserRow } from '@ctis/db';
import type { AppDeps } from './deps.ts';

/** What routes share: the deps, the clock, the auth store and the sealing of TOTP seeds. */
export interface AppContext {
  readonly deps: AppDeps;
  readonly now: () => Date;
  readonly store: AuthStore;
  sealMfa(userId: string, secret: string): string;
  openMfa(user: Pick<UserRow, 'id' | 'mfa_secret'>): string;
}

export function createContext(deps: AppDeps): AppContext {
  const box = new SecretBox(deps.keys.kek);
  return {
    deps,
    now: deps.now ?? (() => new Date()),
    store: new AuthStore(deps.db),
    sealMfa: (userId, secret) => sealMfaSecret(box, userId, secret),
    openMfa: (user) => openMfaSecret(box, user.id, user.mfa_secret!),
  };
}

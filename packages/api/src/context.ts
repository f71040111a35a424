import type { FastifyBaseLogger } from 'fastify';
import { AuthStore, openMfaSecret, type IdentityVault, sealMfaSecret, type UserRow } from '@ctis/db';
import type { AppDeps } from './deps.ts';
import { identityVault } from './name-indexer.ts';
import { BackgroundJobs } from './jobs.ts';

/** What routes share: the deps, the clock, the auth store and the sealing of TOTP seeds. */
export interface AppContext {
  readonly deps: AppDeps;
  readonly now: () => Date;
  readonly store: AuthStore;
  readonly vault: IdentityVault;
  /** Work that runs after its request has answered (linkage runs); closing the server waits for it. */
  readonly jobs: BackgroundJobs;
  sealMfa(userId: string, secret: string): string;
  openMfa(user: Pick<UserRow, 'id' | 'mfa_secret'>): string;
}

export function createContext(deps: AppDeps, log: () => FastifyBaseLogger): AppContext {
  const box = deps.keys.ring;
  return {
    deps,
    now: deps.now ?? (() => new Date()),
    store: new AuthStore(deps.db),
    vault: identityVault(deps.keys, deps.config),
    jobs: new BackgroundJobs(log),
    sealMfa: (userId, secret) => sealMfaSecret(box, userId, secret),
    openMfa: (user) => openMfaSecret(box, user.id, user.mfa_secret!),
  };
}

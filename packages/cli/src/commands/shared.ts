import type { CountryConfig } from '@ctis/core';
import { identityVault } from '@ctis/api';
import { ScopedDb, systemActor } from '@ctis/db';
import type { Runtime } from '../runtime.ts';

function organisationProvinceOf(config: CountryConfig): (orgId: string) => string | null {
  return (orgId) => config.organisations.find((o) => o.id === orgId)?.province ?? null;
}

/** A scoped database acting as the system user `name` (a command run by the operator), audited as such. */
export function systemScopedDb(rt: Runtime, name: string): ScopedDb {
  return new ScopedDb(rt.db, systemActor(name), {
    ip: null,
    requestId: null,
    now: () => new Date(),
    provinceOf: organisationProvinceOf(rt.config),
    vault: identityVault(rt.keys, rt.config),
    config: rt.config,
  });
}

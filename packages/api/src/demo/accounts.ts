import { createHash } from 'node:crypto';
import type { CountryConfig } from '@ctis/core';
import { base32 } from './base32.ts';

/**
 * Demo accounts: one per configured role. DEMO ONLY — the password and TOTP secrets are
 * published in the README so anyone can try the system on their own machine.
 */
export const DEMO_PASSWORD = 'ctis-demo-2026';

/** Where each platform role typically works, by organisation type (falls back to the first organisation). */
const PREFERRED_TYPES: Record<string, readonly string[]> = {
  national_admin: ['national-committee'],
  national_analyst: ['national-committee'],
  secretariat_officer: ['national-committee'],
  provincial_coordinator: ['provincial-committee'],
  investigator: ['police'],
  police_supervisor: ['police'],
  prosecutor: ['prosecutor'],
  court_clerk: ['court'],
  social_worker: ['social-affairs'],
  identification_officer: ['ministry'],
  consular_officer: ['consular', 'diplomatic-mission'],
  labour_inspector: ['labour-inspectorate'],
  ngo_case_worker: ['ngo'],
  oversight_auditor: ['oversight'],
};

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  readonly organisationId: string;
  readonly totpSecret: string;
}

export function demoAccounts(config: CountryConfig): DemoAccount[] {
  return config.roles.map((role) => {
    const types = PREFERRED_TYPES[role.id] ?? [];
    // Prefer a provincial unit for field roles, so province scopes have something to show.
    const candidates = config.organisations.filter((o) => types.includes(o.type));
    const org = candidates.find((o) => o.province) ?? candidates[0] ?? config.organisations[0]!;
    const username = role.id.replaceAll('_', '.');
    return {
      username,
      displayName: `Demo ${role.name.en ?? role.id}`,
      role: role.id,
      organisationId: org.id,
      totpSecret: base32(createHash('sha256').update(`ctis-demo-totp:${username}`).digest().subarray(0, 20)),
    };
  });
}

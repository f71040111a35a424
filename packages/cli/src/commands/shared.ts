import type { CountryConfig } from '@ctis/core';

export function organisationProvinceOf(config: CountryConfig): (orgId: string) => string | null {
  return (orgId) => config.organisations.find((o) => o.id === orgId)?.province ?? null;
}

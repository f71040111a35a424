import { readFileSync } from 'node:fs';
import { ACTIONS, ConfigError, parseCountryConfig, type CountryConfig } from '@ctis/core';

/** Read and validate a country configuration file; a bad file throws naming each bad key. */
export function loadCountryConfigFile(path: string): Readonly<CountryConfig> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(
      [
        {
          path: '(root)',
          message: `cannot read it as JSON — ${(err as Error).message}; set CTIS_CONFIG to a valid file`,
        },
      ],
      path,
    );
  }
  return parseCountryConfig(raw, { actions: ACTIONS, source: path });
}

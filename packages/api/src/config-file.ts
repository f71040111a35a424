import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACTIONS,
  ConfigError,
  parseCountryConfig,
  parseQuestionnaire,
  type CountryConfig,
  type Questionnaire,
} from '@ctis/core';

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

/** Every questionnaire in a folder (the screening protocols, versioned as data). */
export function loadQuestionnaires(folder: string): Readonly<Questionnaire>[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseQuestionnaire(JSON.parse(readFileSync(join(folder, f), 'utf8')), { source: join(folder, f) }));
}

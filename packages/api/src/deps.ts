import type { Kysely } from 'kysely';
import type { CountryConfig, Questionnaire } from '@ctis/core';
import type { Database, Keys } from '@ctis/db';

/** Everything the API needs, passed in: buildApp never reads the environment or opens files. */
export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly config: Readonly<CountryConfig>;
  readonly keys: Keys;
  /** The screening questionnaires (versioned data); an empty list disables screening. */
  readonly questionnaires?: readonly Readonly<Questionnaire>[];
  /** The built web app to serve at /, if any. */
  readonly webRoot?: string | undefined;
  readonly now?: () => Date;
  /** Structured JSON logs (pino); identity fields and secrets are always redacted. */
  readonly logger?: false | { readonly level?: string; readonly stream?: NodeJS.WritableStream };
  /** Login rate limit per address per minute (the lockout policy applies on top). */
  readonly loginRateLimit?: number;
  readonly trustProxy?: boolean;
}

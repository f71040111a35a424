import type { Migration } from 'kysely';
import * as platform from './2026-11-28T00-00-00_platform.ts';

/** Every migration, by its ISO-dated name. Add new ones at the end; never edit an applied one. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T00-00-00_platform': platform,
};

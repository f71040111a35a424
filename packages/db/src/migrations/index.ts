import type { Migration } from 'kysely';
import * as platform from './2026-11-28T00-00-00_platform.ts';
import * as protectedIdentity from './2026-11-28T01-00-00_protected-identity.ts';
import * as protection from './2026-11-28T02-00-00_protection.ts';
import * as prosecution from './2026-11-28T03-00-00_prosecution.ts';

/** Every migration, by its ISO-dated name. Add new ones at the end; never edit an applied one. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T00-00-00_platform': platform,
  '2026-11-28T01-00-00_protected-identity': protectedIdentity,
  '2026-11-28T02-00-00_protection': protection,
  '2026-11-28T03-00-00_prosecution': prosecution,
};

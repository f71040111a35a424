import type { Migration } from 'kysely';
import * as platform from './2026-11-28T00-00-00_platform.ts';
import * as protectedIdentity from './2026-11-28T01-00-00_protected-identity.ts';
import * as protection from './2026-11-28T02-00-00_protection.ts';
import * as prosecution from './2026-11-28T03-00-00_prosecution.ts';
import * as registers from './2026-11-28T04-00-00_registers.ts';
import * as complaints from './2026-11-28T05-00-00_complaints.ts';
import * as linkage from './2026-11-28T06-00-00_linkage.ts';
import * as statistics from './2026-11-28T07-00-00_statistics.ts';
import * as linkageJobs from './2026-11-28T08-00-00_linkage-jobs.ts';

/** Every migration, by its ISO-dated name. Add new ones at the end; never edit an applied one. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T00-00-00_platform': platform,
  '2026-11-28T01-00-00_protected-identity': protectedIdentity,
  '2026-11-28T02-00-00_protection': protection,
  '2026-11-28T03-00-00_prosecution': prosecution,
  '2026-11-28T04-00-00_registers': registers,
  '2026-11-28T05-00-00_complaints': complaints,
  '2026-11-28T06-00-00_linkage': linkage,
  '2026-11-28T07-00-00_statistics': statistics,
  '2026-11-28T08-00-00_linkage-jobs': linkageJobs,
};

import { sql } from 'kysely';
import type { TestApp } from './test-app.ts';

/** Everything linkage wrote (runs, proposals, links, its audit rows' details and reasons) as one text. */
export async function linkageDump(t: TestApp): Promise<string> {
  const rows = await sql<{ line: string }>`
    SELECT row_to_json(r)::text AS line FROM linkage_runs r
    UNION ALL SELECT row_to_json(p)::text FROM linkage_proposals p
    UNION ALL SELECT row_to_json(l)::text FROM person_links l
    UNION ALL SELECT coalesce(details::text, '') || ' ' || coalesce(reason, '') FROM audit_log
      WHERE action LIKE 'linkage.%'
  `.execute(t.t.owner);
  return rows.rows.map((r) => r.line).join('\n');
}

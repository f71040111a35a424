import { clusters, exportMicrodata, type MicrodataExport, type MicrodataInput, type VictimCaseFacts } from '@ctis/core';
import { chainHeadAt, streamVictimCases, type Database, type ScopedDb } from '@ctis/db';
import type { Kysely } from 'kysely';
import { links } from './deduplication.ts';

/** What one victim case of the year contributes to its person's microdata record. */
interface CaseFacts {
  readonly caseId: string;
  readonly personId: string;
  readonly openedOn: string;
  readonly sex: string | null;
  readonly birthYear: number | null;
  readonly nationality: string | null;
  /** The latest exploitation recorded on the case (by date of the fact, then by order recorded). */
  readonly exploitation: {
    readonly on: string;
    readonly types: readonly string[];
    readonly sectors: readonly string[];
    readonly methodsOfControl: readonly string[];
    readonly recruitmentMethods: readonly string[];
    readonly country: string | null;
  } | null;
}

const SEXES = new Set(['female', 'male', 'other', 'unknown']);

/**
 * The victims registered in `year`, one record per de-duplicated person: every victim case opened
 * in the year (as recorded by `asOf`), its person's statistical attributes, and the latest
 * exploitation recorded; person records joined by confirmed links (in force at `asOf`) are one
 * person, as in the national counts (`deduplication.ts`). Only statistical attributes are read:
 * no identity, no id reaches the result.
 */
export async function microdataInputs(db: Kysely<Database>, year: number, asOf: Date): Promise<MicrodataInput[]> {
  const prefix = `${year}-`;
  const cases: CaseFacts[] = [];
  await streamVictimCases(db, asOf, (c) => {
    const facts = caseFacts(c);
    if (facts && facts.openedOn.startsWith(prefix)) cases.push(facts);
  });
  const clusterOf = clusters([...new Set(cases.map((c) => c.personId))], await links(db, asOf, 'confirmed'));
  const byPerson = new Map<string, CaseFacts[]>();
  for (const c of cases) {
    const key = clusterOf.get(c.personId) ?? c.personId;
    const list = byPerson.get(key);
    if (list) list.push(c);
    else byPerson.set(key, [c]);
  }
  return [...byPerson.values()].map(personRecord);
}

/** The k-anonymous export of `microdataInputs` (k = 11 unless said otherwise). */
export async function microdataExport(
  db: Kysely<Database>,
  year: number,
  asOf: Date,
  k?: number,
): Promise<MicrodataExport> {
  return exportMicrodata(await microdataInputs(db, year, asOf), k === undefined ? {} : { k });
}

/**
 * The audit row of a microdata export (`stats.microdata`): what was exported, with the audit chain's head
 * as of the export, so that the file can be tied to the records it came from. The route and the command
 * both write it.
 */
export async function auditMicrodataExport(
  db: Kysely<Database>,
  scoped: ScopedDb,
  year: number,
  asOf: Date,
  out: MicrodataExport,
): Promise<void> {
  const checkpoint = await chainHeadAt(db, asOf);
  await scoped.transaction((tx) =>
    tx.audit({
      action: 'stats.microdata',
      resourceType: 'statistics',
      resourceId: null,
      rule: null,
      reason: null,
      details: {
        year,
        k: out.k,
        records: out.stats.input,
        exported: out.stats.exported,
        withheld: out.stats.withheld,
        classes: out.stats.classes,
        checkpointSeq: checkpoint.seq,
      },
    }),
  );
}

function caseFacts(c: VictimCaseFacts): CaseFacts | null {
  let openedOn: string | null = null;
  let exploitation: CaseFacts['exploitation'] = null;
  for (const e of c.events) {
    if (e.type === 'case_opened' && openedOn === null) openedOn = e.occurredOn;
    if (e.type === 'exploitation_recorded' && (exploitation === null || e.occurredOn >= exploitation.on))
      exploitation = {
        on: e.occurredOn,
        types: e.types,
        sectors: e.sectors,
        methodsOfControl: e.methodsOfControl,
        recruitmentMethods: e.recruitmentMethods,
        country: e.exploitationCountry ?? null,
      };
  }
  if (openedOn === null) return null;
  return {
    caseId: c.id,
    personId: c.personId,
    openedOn,
    sex: c.person?.sex ?? null,
    birthYear: c.person?.birthYear ?? null,
    nationality: c.person?.nationality ?? null,
    exploitation,
  };
}

/**
 * One person's record from the cases of its person records: registered on the earliest opening;
 * sex, birth year and nationality from the first case (in order of opening) that records them; the
 * latest exploitation recorded on any of them.
 */
function personRecord(cases: CaseFacts[]): MicrodataInput {
  const ordered = [...cases].sort((a, b) => cmp(a.openedOn, b.openedOn) || cmp(a.caseId, b.caseId));
  const first = <T>(pick: (c: CaseFacts) => T | null): T | null => {
    for (const c of ordered) {
      const v = pick(c);
      if (v !== null) return v;
    }
    return null;
  };
  let exploitation: CaseFacts['exploitation'] = null;
  for (const c of ordered)
    if (c.exploitation && (exploitation === null || c.exploitation.on >= exploitation.on))
      exploitation = c.exploitation;
  const sex = first((c) => (c.sex && SEXES.has(c.sex) ? c.sex : null)) as MicrodataInput['sex'];
  return {
    registeredOn: ordered[0]!.openedOn,
    sex,
    birthYear: first((c) => c.birthYear),
    citizenship: first((c) => c.nationality),
    countryOfExploitation: exploitation?.country ?? null,
    exploitationTypes: exploitation?.types ?? null,
    sectors: exploitation?.sectors ?? null,
    methodsOfControl: exploitation?.methodsOfControl ?? null,
    recruitmentMethods: exploitation?.recruitmentMethods ?? null,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

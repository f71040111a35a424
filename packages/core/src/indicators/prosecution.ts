import type { CriminalCaseEvent } from '../criminal-case/events.ts';
import { YearBreakdowns, YearCounts, YearDistinct, yearOf } from './counters.ts';
import type { CriminalCaseFacts, Indicator } from './types.ts';

type Opened = Extract<CriminalCaseEvent, { type: 'investigation_opened' }>;
const opening = (c: CriminalCaseFacts): Opened | undefined =>
  c.events.find((e): e is Opened => e.type === 'investigation_opened');
/** Only trafficking offences count: rape and other crimes investigated by the same units do not. */
const trafficking = (c: CriminalCaseFacts) => opening(c)?.traffickingOffence === true;

/** A defendant's breakdown categories: the case's province and exploitation, the suspect's nationality. */
function suspectCategories(c: CriminalCaseFacts, suspectId: string) {
  let nationality: string | undefined;
  for (const e of c.events) if (e.type === 'suspect_added' && e.suspectId === suspectId) nationality = e.nationality;
  return { province: c.province, nationality, trafficking_type: opening(c)?.exploitation };
}

export const individualsProsecuted: Indicator<{ suspects: YearDistinct; breakdowns: YearBreakdowns }> = {
  id: 'individuals_prosecuted',
  version: 1,
  absent: 0,
  rule: 'Distinct suspects charged in the year, in cases of a trafficking offence (the 2008 law or related penal-code articles).',
  init: () => ({ suspects: new YearDistinct(), breakdowns: new YearBreakdowns() }),
  criminalCase(acc, c) {
    if (!trafficking(c)) return;
    for (const e of c.events)
      if (e.type === 'charged') {
        const key = `${c.id}:${e.suspectId}`;
        const y = yearOf(e.occurredOn);
        if (acc.suspects.n.get(y)?.has(key)) continue;
        acc.suspects.add(y, key);
        acc.breakdowns.add(y, suspectCategories(c, e.suspectId));
      }
  },
  finish: (acc) => ({ values: acc.suspects.values(), breakdowns: acc.breakdowns.values() }),
};

export const traffickersConvicted: Indicator<{ verdicts: YearCounts; breakdowns: YearBreakdowns }> = {
  id: 'traffickers_convicted',
  version: 1,
  absent: 0,
  rule: 'Verdicts convicting a defendant (in person or in absentia) in the year, in trafficking-offence cases.',
  init: () => ({ verdicts: new YearCounts(), breakdowns: new YearBreakdowns() }),
  criminalCase(acc, c) {
    if (!trafficking(c)) return;
    for (const e of c.events)
      if (e.type === 'verdict' && (e.outcome === 'convicted' || e.outcome === 'in_absentia')) {
        acc.verdicts.add(yearOf(e.occurredOn));
        acc.breakdowns.add(yearOf(e.occurredOn), suspectCategories(c, e.suspectId));
      }
  },
  finish: (acc) => ({ values: acc.verdicts.values(), breakdowns: acc.breakdowns.values() }),
};

export const sentencesRecorded: Indicator<YearCounts> = {
  id: 'sentences_recorded',
  version: 1,
  absent: 0,
  rule: 'Sentences recorded in the year in trafficking-offence cases.',
  init: () => new YearCounts(),
  criminalCase(acc, c) {
    if (!trafficking(c)) return;
    for (const e of c.events) if (e.type === 'sentence') acc.add(yearOf(e.occurredOn));
  },
  finish: (acc) => ({ values: acc.values() }),
};

export const complicitOfficialsInvestigated: Indicator<YearCounts> = {
  id: 'complicit_officials_investigated',
  version: 1,
  absent: 0,
  rule: 'Suspects flagged as public officials, added in the year to trafficking-offence cases.',
  init: () => new YearCounts(),
  criminalCase(acc, c) {
    if (!trafficking(c)) return;
    for (const e of c.events) if (e.type === 'suspect_added' && e.publicOfficial) acc.add(yearOf(e.occurredOn));
  },
  finish: (acc) => ({ values: acc.values() }),
};

export const cstForeignSuspectsArrested: Indicator<YearCounts> = {
  id: 'cst_foreign_suspects_arrested',
  version: 1,
  absent: 0,
  rule: 'Foreign suspects arrested (added as arrested) in the year in child-sex-tourism cases.',
  init: () => new YearCounts(),
  criminalCase(acc, c, ctx) {
    if (opening(c)?.childSexTourism !== true) return;
    for (const e of c.events)
      if (e.type === 'suspect_added' && e.arrested === true && e.nationality !== ctx.country)
        acc.add(yearOf(e.occurredOn));
  },
  finish: (acc) => ({ values: acc.values() }),
};

export const corruptionComplaintsReceived: Indicator<YearCounts> = {
  id: 'corruption_complaints_received',
  version: 1,
  absent: 0,
  rule: 'Corruption complaints received in the year (public intake).',
  init: () => new YearCounts(),
  complaint(acc, c) {
    acc.add(yearOf(c.receivedOn));
  },
  finish: (acc) => ({ values: acc.values() }),
};

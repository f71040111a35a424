import type { CriminalCaseEvent, CriminalEventOf } from './events.ts';

/** Test data: fixed ids and one valid event of each type (not exported from the package). */
export const ID = {
  suspect: '0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6f01',
  suspect2: '0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6f02',
  person: '0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6f11',
  person2: '0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6f12',
  victimCase: '0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6f21',
  victimCase2: '0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6f22',
  unknown: '0190f5c2-7d3a-7b4e-9c1d-2a3b4c5d6fff',
} as const;

export const LEAD = 'ahtjp-banteay-meanchey';
export const PROSECUTOR = 'prosecutor-banteay-meanchey';
export const COURT = 'court-banteay-meanchey';

type Fields<T extends CriminalCaseEvent['type']> = Partial<Omit<CriminalEventOf<T>, 'type'>>;

export const ev = {
  opened: (f: Fields<'investigation_opened'> = {}): CriminalEventOf<'investigation_opened'> => ({
    type: 'investigation_opened',
    occurredOn: '2017-03-01',
    leadUnitOrganisationId: LEAD,
    province: 'KH-1',
    legalBasis: { lawId: 'law-2008-trafficking', article: '15' },
    exploitation: 'labour',
    traffickingOffence: true,
    ...f,
  }),
  suspect: (f: Fields<'suspect_added'> = {}): CriminalEventOf<'suspect_added'> => ({
    type: 'suspect_added',
    occurredOn: '2017-03-02',
    suspectId: ID.suspect,
    personId: ID.person,
    nationality: 'KHM',
    ...f,
  }),
  victim: (f: Fields<'victim_linked'> = {}): CriminalEventOf<'victim_linked'> => ({
    type: 'victim_linked',
    occurredOn: '2017-03-02',
    victimCaseId: ID.victimCase,
    ...f,
  }),
  evidence: (f: Fields<'evidence_supplied'> = {}): CriminalEventOf<'evidence_supplied'> => ({
    type: 'evidence_supplied',
    occurredOn: '2017-03-10',
    prosecutorOrganisationId: PROSECUTOR,
    ...f,
  }),
  charged: (f: Fields<'charged'> = {}): CriminalEventOf<'charged'> => ({
    type: 'charged',
    occurredOn: '2017-03-20',
    suspectId: ID.suspect,
    prosecutorOrganisationId: PROSECUTOR,
    courtOrganisationId: COURT,
    articles: ['law-2008-trafficking:15'],
    ...f,
  }),
  trial: (f: Fields<'trial_opened'> = {}): CriminalEventOf<'trial_opened'> => ({
    type: 'trial_opened',
    occurredOn: '2017-08-01',
    courtOrganisationId: COURT,
    ...f,
  }),
  supervised: (f: Fields<'pretrial_measure'> = {}): CriminalEventOf<'pretrial_measure'> => ({
    type: 'pretrial_measure',
    occurredOn: '2017-03-21',
    suspectId: ID.suspect,
    measure: 'judicial_supervision',
    checkInEveryDays: 7,
    ...f,
  }),
  detained: (f: Fields<'pretrial_measure'> = {}): CriminalEventOf<'pretrial_measure'> => ({
    type: 'pretrial_measure',
    occurredOn: '2017-03-21',
    suspectId: ID.suspect,
    measure: 'detention',
    ...f,
  }),
  checkIn: (f: Fields<'check_in_recorded'> = {}): CriminalEventOf<'check_in_recorded'> => ({
    type: 'check_in_recorded',
    occurredOn: '2017-03-28',
    suspectId: ID.suspect,
    ...f,
  }),
  missed: (f: Fields<'check_in_missed'> = {}): CriminalEventOf<'check_in_missed'> => ({
    type: 'check_in_missed',
    occurredOn: '2017-04-04',
    suspectId: ID.suspect,
    ...f,
  }),
  absconded: (f: Fields<'absconded'> = {}): CriminalEventOf<'absconded'> => ({
    type: 'absconded',
    occurredOn: '2017-04-10',
    suspectId: ID.suspect,
    ...f,
  }),
  warrant: (f: Fields<'arrest_warrant_issued'> = {}): CriminalEventOf<'arrest_warrant_issued'> => ({
    type: 'arrest_warrant_issued',
    occurredOn: '2017-05-01',
    suspectId: ID.suspect,
    ...f,
  }),
  rearrested: (f: Fields<'rearrested'> = {}): CriminalEventOf<'rearrested'> => ({
    type: 'rearrested',
    occurredOn: '2017-06-01',
    suspectId: ID.suspect,
    ...f,
  }),
  verdict: (f: Fields<'verdict'> = {}): CriminalEventOf<'verdict'> => ({
    type: 'verdict',
    occurredOn: '2017-09-01',
    suspectId: ID.suspect,
    outcome: 'convicted',
    ...f,
  }),
  sentence: (f: Fields<'sentence'> = {}): CriminalEventOf<'sentence'> => ({
    type: 'sentence',
    occurredOn: '2017-09-01',
    suspectId: ID.suspect,
    prisonMonths: 84,
    suspendedMonths: 12,
    fine: { amount: 10_000_000, currency: 'KHR' },
    restitution: [{ victimCaseId: ID.victimCase, amount: 2000, currency: 'USD' }],
    ...f,
  }),
  appeal: (f: Fields<'appeal'> = {}): CriminalEventOf<'appeal'> => ({
    type: 'appeal',
    occurredOn: '2017-10-01',
    suspectId: ID.suspect,
    courtOrganisationId: 'court-of-appeal',
    ...f,
  }),
  closed: (f: Fields<'case_closed'> = {}): CriminalEventOf<'case_closed'> => ({
    type: 'case_closed',
    occurredOn: '2017-12-01',
    reason: 'judgment_final',
    ...f,
  }),
};

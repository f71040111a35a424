/** Translation keys for the codes of the prosecution API (its enums, the same in every country). */
import { tk } from '../i18n';
import type { Labels } from '../protection/labels';

export const CRIMINAL_EXPLOITATION: Labels = {
  sex: tk('Sexual exploitation'),
  labour: tk('Labour exploitation'),
  both: tk('Sexual and labour exploitation'),
};

export const SUSPECT_STATUSES: Labels = {
  investigated: tk('Under investigation'),
  charged: tk('Charged'),
  detained: tk('In pre-trial detention'),
  supervised: tk('Under judicial supervision'),
  absconded: tk('Absconded'),
  warrant_issued: tk('Arrest warrant issued'),
  rearrested: tk('Re-arrested'),
  judged: tk('Judged'),
};

export const MEASURES: Labels = {
  detention: tk('Pre-trial detention'),
  judicial_supervision: tk('Judicial supervision'),
};

export const VERDICT_OUTCOMES: Labels = {
  convicted: tk('Convicted'),
  acquitted: tk('Acquitted'),
  dismissed: tk('Dismissed'),
  settled_out_of_court: tk('Settled out of court'),
  in_absentia: tk('Convicted in absentia'),
};

export const APPEAL_OUTCOMES: Labels = {
  upheld: tk('Judgment upheld'),
  overturned: tk('Judgment overturned'),
  sentence_reduced: tk('Sentence reduced'),
  sentence_increased: tk('Sentence increased'),
  retrial_ordered: tk('Retrial ordered'),
};

export const CRIMINAL_CLOSURE_REASONS: Labels = {
  judgment_final: tk('Judgment final'),
  no_suspect_identified: tk('No suspect identified'),
  insufficient_evidence: tk('Insufficient evidence'),
  not_prosecuted: tk('Not prosecuted'),
  transferred: tk('Transferred'),
  other: tk('Other'),
};

export const CRIMINAL_EVENT_TYPES: Labels = {
  investigation_opened: tk('Investigation opened'),
  suspect_added: tk('Suspect added'),
  victim_linked: tk('Victim case linked'),
  evidence_supplied: tk('Evidence supplied to the prosecutor'),
  charged: tk('Charged'),
  trial_opened: tk('Trial opened'),
  pretrial_measure: tk('Pre-trial measure'),
  check_in_recorded: tk('Check-in recorded'),
  check_in_missed: tk('Check-in missed'),
  absconded: tk('Absconded'),
  arrest_warrant_issued: tk('Arrest warrant issued'),
  rearrested: tk('Re-arrested'),
  verdict: tk('Verdict'),
  sentence: tk('Sentence'),
  appeal: tk('Appeal'),
  case_closed: tk('Case closed'),
};

export const CRIMINAL_ALERT_KINDS: Labels = {
  missed_check_in: tk('Check-in missed'),
  absconded_without_warrant: tk('Absconded, no arrest warrant'),
  stalled_after_evidence: tk('No charge since the evidence was supplied'),
  settled_out_of_court: tk('Settled out of court'),
  public_official_suspect: tk('Public official suspected'),
};

export const MISSED_BASIS: Labels = {
  recorded: tk('recorded by the supervising unit'),
  schedule: tk('due by the schedule, no check-in recorded'),
};

export const OPERATION_STATUSES: Labels = {
  planned: tk('Planned'),
  executed: tk('Carried out'),
  cancelled: tk('Cancelled'),
};

/** Record labels of operations: V (need to know until carried out) and N (organisation). */
export const RECORD_LABELS: Labels = {
  V: tk('Named officers only'),
  N: tk('Organisation'),
  R: tk('Restricted'),
};

/** How far a criminal case has gone (see stage.ts). */
export const STAGES: Labels = {
  investigation: tk('Investigation'),
  evidence: tk('With the prosecutor'),
  charged: tk('Charged'),
  trial: tk('At trial'),
  judged: tk('Judged'),
  closed: tk('Closed'),
};

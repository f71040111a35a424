import { z } from 'zod';
import {
  alpha3,
  currency,
  event,
  organisationId,
  positiveAmount,
  shortText,
  text,
  uuid,
} from '../contracts/event-fields.ts';
import { InputError } from '../errors.ts';

/**
 * The events of a criminal case: the API contracts (zod) and their types. Like the victim case, an
 * event is flat, `{ type, occurredOn, ...fields }`, so a field path in a validation error
 * (`checkInEveryDays`, `restitution.0.amount`) is the same whether zod or the state machine reports
 * it. `occurredOn` is the date of the fact (YYYY-MM-DD). Laws, articles and organisation ids come
 * from the country configuration; nothing here is Cambodian.
 */

export const EXPLOITATION_KINDS = ['sex', 'labour', 'both'] as const;
export const PRETRIAL_MEASURES = ['detention', 'judicial_supervision'] as const;
export const VERDICT_OUTCOMES = ['convicted', 'acquitted', 'dismissed', 'settled_out_of_court', 'in_absentia'] as const;
export const APPEAL_OUTCOMES = [
  'upheld',
  'overturned',
  'sentence_reduced',
  'sentence_increased',
  'retrial_ordered',
] as const;
export const CRIMINAL_CLOSURE_REASONS = [
  'judgment_final',
  'no_suspect_identified',
  'insufficient_evidence',
  'not_prosecuted',
  'transferred',
  'other',
] as const;

const months = z
  .number()
  .int('is not a whole number — write the number of months')
  .min(0, 'is negative — write 0 or more months');

const suspectEvent = <T extends string>(type: T) => event(type, { suspectId: uuid });

export const investigationOpenedSchema = event('investigation_opened', {
  leadUnitOrganisationId: organisationId,
  province: shortText.optional(),
  /** The law (e.g. the 2008 trafficking law, or the penal code) and the article the case is opened under. */
  legalBasis: z.strictObject({ lawId: shortText, article: shortText }),
  exploitation: z.enum(EXPLOITATION_KINDS),
  /** False for rape and other crimes investigated by the same units: they must not count as trafficking. */
  traffickingOffence: z.boolean(),
  /** Child sex tourism: a foreigner suspected of sexually exploiting children (a prevention figure). */
  childSexTourism: z.boolean().optional(),
});
export const suspectAddedSchema = event('suspect_added', {
  suspectId: uuid,
  /** The person record (identity encrypted there, never here). */
  personId: uuid,
  nationality: alpha3,
  /** Present for a public official (complicity): their position and agency. */
  publicOfficial: z.strictObject({ position: shortText, agency: shortText }).optional(),
  /** True when the suspect was arrested on this date (counted as an arrest); false or absent: at large or summoned. */
  arrested: z.boolean().optional(),
});
export const victimLinkedSchema = event('victim_linked', { victimCaseId: uuid });
export const evidenceSuppliedSchema = event('evidence_supplied', { prosecutorOrganisationId: organisationId });
export const chargedSchema = event('charged', {
  suspectId: uuid,
  prosecutorOrganisationId: organisationId,
  courtOrganisationId: organisationId,
  articles: z
    .array(shortText)
    .min(1, 'is empty — list at least one article charged')
    .refine((xs) => new Set(xs).size === xs.length, 'lists an article twice — remove the repeat'),
  /** The investigating judge the case is sent to (a title or court office, not a victim's identity). */
  investigatingJudge: shortText.optional(),
});
export const trialOpenedSchema = event('trial_opened', { courtOrganisationId: organisationId });
export const pretrialMeasureSchema = event('pretrial_measure', {
  suspectId: uuid,
  measure: z.enum(PRETRIAL_MEASURES),
  checkInEveryDays: z
    .number()
    .int('is not a whole number — write the number of days between check-ins')
    .min(1, 'must be at least 1 day')
    .max(365, 'is more than a year — check the schedule')
    .optional(),
  /** Judicial supervision: the unit the defendant reports to, which records the check-ins (default: the lead unit). */
  supervisingOrganisationId: organisationId.optional(),
})
  .refine((e) => e.measure !== 'judicial_supervision' || e.checkInEveryDays !== undefined, {
    path: ['checkInEveryDays'],
    message: 'is missing — judicial supervision needs a check-in schedule (every how many days)',
  })
  .refine((e) => e.measure !== 'detention' || e.checkInEveryDays === undefined, {
    path: ['checkInEveryDays'],
    message: 'applies only to judicial supervision — remove it for detention',
  })
  .refine((e) => e.measure !== 'detention' || e.supervisingOrganisationId === undefined, {
    path: ['supervisingOrganisationId'],
    message: 'applies only to judicial supervision — remove it for detention',
  });
export const checkInRecordedSchema = suspectEvent('check_in_recorded');
export const checkInMissedSchema = suspectEvent('check_in_missed');
export const abscondedSchema = suspectEvent('absconded');
export const arrestWarrantIssuedSchema = suspectEvent('arrest_warrant_issued');
export const rearrestedSchema = suspectEvent('rearrested');
export const verdictSchema = event('verdict', { suspectId: uuid, outcome: z.enum(VERDICT_OUTCOMES) });
export const sentenceSchema = event('sentence', {
  suspectId: uuid,
  prisonMonths: months,
  /** The suspended part of `prisonMonths`. */
  suspendedMonths: months,
  fine: z.strictObject({ amount: positiveAmount, currency }).optional(),
  restitution: z
    .array(z.strictObject({ victimCaseId: uuid, amount: positiveAmount, currency }))
    .refine(
      (xs) => new Set(xs.map((x) => x.victimCaseId)).size === xs.length,
      'orders restitution to a victim twice — one line per victim',
    )
    .optional(),
}).refine((e) => e.suspendedMonths <= e.prisonMonths, {
  path: ['suspendedMonths'],
  message: 'is more than the prison term — the suspended part is at most prisonMonths',
});
export const appealSchema = event('appeal', {
  suspectId: uuid,
  courtOrganisationId: organisationId,
  /** Absent while the appeal is pending; a later appeal event to the same court records the outcome. */
  outcome: z.enum(APPEAL_OUTCOMES).optional(),
});
export const criminalCaseClosedSchema = event('case_closed', {
  reason: z.enum(CRIMINAL_CLOSURE_REASONS),
  note: text.optional(),
});

export const criminalCaseEventSchema = z.discriminatedUnion('type', [
  investigationOpenedSchema,
  suspectAddedSchema,
  victimLinkedSchema,
  evidenceSuppliedSchema,
  chargedSchema,
  trialOpenedSchema,
  pretrialMeasureSchema,
  checkInRecordedSchema,
  checkInMissedSchema,
  abscondedSchema,
  arrestWarrantIssuedSchema,
  rearrestedSchema,
  verdictSchema,
  sentenceSchema,
  appealSchema,
  criminalCaseClosedSchema,
]);

export type CriminalCaseEvent = z.infer<typeof criminalCaseEventSchema>;
export type CriminalCaseEventType = CriminalCaseEvent['type'];
/** The event of one type, e.g. `CriminalEventOf<'charged'>`. */
export type CriminalEventOf<T extends CriminalCaseEventType> = Extract<CriminalCaseEvent, { type: T }>;
export const CRIMINAL_CASE_EVENT_TYPES = criminalCaseEventSchema.options.map((o) => o.shape.type.value);

export type ExploitationKind = (typeof EXPLOITATION_KINDS)[number];
export type PretrialMeasureKind = (typeof PRETRIAL_MEASURES)[number];
export type VerdictOutcome = (typeof VERDICT_OUTCOMES)[number];
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export type CriminalClosureReason = (typeof CRIMINAL_CLOSURE_REASONS)[number];

/**
 * Parses raw input into an event, or throws an InputError naming the first bad field
 * (`restitution.0.amount`; the empty path when the object itself is wrong, e.g. an unknown field).
 */
export function parseCriminalEvent(raw: unknown): CriminalCaseEvent {
  const r = criminalCaseEventSchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new InputError(issue.path.join('.'), issue.message);
}

import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  CASE_SOURCES,
  CLOSURE_REASONS,
  CONSENT_PURPOSES,
  DIRECTIONS,
  EVENT_TYPES,
  FOLLOW_UP_OUTCOMES,
  GUARDIANSHIP_BY,
  IDENTIFICATION,
  label,
  type Labels,
  REFERRAL_STATUSES,
  RISK_LEVELS,
  SERVICE_TYPES,
} from '../../protection/labels';
import { useNames } from '../../protection/names';
import type { CaseEventInput, CaseEventRow } from '../../protection/types';
import { formatDateTime } from '../format';
import { Section } from './section';

export type Names = ReturnType<typeof useNames>;

/** A one-line account of what an event recorded (the summary above has the detail). */
export type DescribeEvent = (e: CaseEventInput, t: TFunction, names: Names, lang: string) => string;

const describeVictimEvent: DescribeEvent = (e, t, names, lang) => {
  const amount = () => Number(e['amount']).toLocaleString(lang);
  const s = (key: string) => (typeof e[key] === 'string' ? (e[key] as string) : '');
  const list = (key: string) => (Array.isArray(e[key]) ? (e[key] as string[]) : []);
  switch (e.type) {
    case 'case_opened':
      return `${label(CASE_SOURCES, s('source'), t)} — ${names.org(s('organisationId'))}`;
    case 'identification_recorded':
      return `${label(IDENTIFICATION, s('status'), t)} — ${names.org(s('authorityOrganisationId'))}`;
    case 'exploitation_recorded':
      return list('types')
        .map((c) => names.code('exploitationTypes', c))
        .join(', ');
    case 'consent_given':
      return list('purposes')
        .map((p) => label(CONSENT_PURPOSES, p, t))
        .join(', ');
    case 'referral_made':
      return `${names.org(s('fromOrganisationId'))} → ${names.org(s('toOrganisationId'))}`;
    case 'referral_answered':
      return label(REFERRAL_STATUSES, s('answer'), t);
    case 'service_started':
      return `${label(SERVICE_TYPES, s('serviceType'), t)} — ${names.org(s('providerOrganisationId'))}`;
    case 'custody_transferred':
      return names.org(s('toOrganisationId'));
    case 'guardianship_consent_recorded':
      return label(GUARDIANSHIP_BY, s('by'), t);
    case 'returned_to_family':
      return t('{{risk}} risk', { risk: label(RISK_LEVELS, s('riskAssessment'), t) });
    case 'repatriation_recorded':
      return `${label(DIRECTIONS, s('direction'), t)} — ${names.country(s('country'))}`;
    case 'follow_up_recorded':
      return label(FOLLOW_UP_OUTCOMES, s('outcome'), t);
    case 'restitution_ordered':
      return `${amount()} ${s('currency')}`;
    case 'restitution_paid':
      return amount();
    case 'case_closed':
      return label(CLOSURE_REASONS, s('reason'), t);
    case 'case_reopened':
      return s('reason');
    default:
      return '';
  }
};

interface Props {
  events: CaseEventRow[];
  /** The events' names and one-line accounts: a victim case's unless given (e.g. a criminal case's). */
  types?: Labels;
  describe?: DescribeEvent;
}

/** Every event of the case, oldest first: the date of the fact, what, and when it was recorded. */
export function EventHistory({ events, types = EVENT_TYPES, describe = describeVictimEvent }: Props) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  return (
    <Section title={t('History')} testId="case-history">
      <ol className="history">
        {events.map(({ seq, event, recordedAt }) => (
          <li key={seq} data-testid={`history-${event.type}`}>
            <span className="history-date">{event.occurredOn}</span>
            <span>
              <strong>{label(types, event.type, t)}</strong>
              {describe(event, t, names, i18n.language) && <span> — {describe(event, t, names, i18n.language)}</span>}
            </span>
            <span className="muted history-recorded">
              {t('recorded {{when}}', { when: formatDateTime(recordedAt, i18n.language) })}
            </span>
          </li>
        ))}
      </ol>
    </Section>
  );
}

import { useTranslation } from 'react-i18next';
import {
  CLOSURE_REASONS,
  FOLLOW_UP_OUTCOMES,
  GUARDIANSHIP_BY,
  IDENTIFICATION,
  label,
  RISK_LEVELS,
} from '../../protection/labels';
import { useNames } from '../../protection/names';
import type { CaseState } from '../../protection/types';
import { Facts, Section } from './section';

/** Identification, exploitation, custody, follow-ups and closure of a case. */
export function CaseSummary({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  const names = useNames();
  const { identification: id, exploitation: ex, custody } = state;
  const codes = (list: string, values: string[]) => values.map((v) => names.code(list, v)).join(', ');
  const hasCustody = custody.formal || custody.guardianshipConsent || custody.returnedToFamily;
  const given = custody.guardianshipConsent;
  const consentBy = { who: label(GUARDIANSHIP_BY, given?.by, t), date: given?.on };

  return (
    <>
      <Section title={t('Identification')} testId="case-identification">
        <Facts
          items={[
            [t('Status'), <strong key="s">{label(IDENTIFICATION, id.status, t)}</strong>],
            [t('Date'), id.on],
            [t('Designated authority'), names.org(id.authorityOrganisationId)],
            [t('Reference'), id.reference],
          ]}
        />
      </Section>
      <Section title={t('Exploitation')} testId="case-exploitation">
        {ex ? (
          <Facts
            items={[
              [t('Types'), codes('exploitationTypes', ex.types)],
              [t('Sectors'), codes('sectors', ex.sectors)],
              [t('Methods of control'), codes('methodsOfControl', ex.methodsOfControl)],
              [t('Recruitment'), codes('recruitmentMethods', ex.recruitmentMethods)],
              [t('Country of recruitment'), names.country(ex.recruitmentCountry)],
              [t('Province of recruitment'), names.province(ex.recruitmentProvince)],
              [t('Country of exploitation'), names.country(ex.exploitationCountry)],
              [t('Province of exploitation'), names.province(ex.exploitationProvince)],
              [t('From'), ex.from],
              [t('To'), ex.to],
            ]}
          />
        ) : (
          <p className="muted">{t('Not recorded yet.')}</p>
        )}
      </Section>
      {hasCustody && (
        <Section title={t('Custody')} testId="case-custody">
          <Facts
            items={[
              [t('Formal custody'), custody.formal ? names.org(custody.toOrganisationId) : t('None')],
              [t('Since'), custody.since],
              [t('Legal reference'), custody.legalReference],
              [
                t('Guardianship consent'),
                given &&
                  (given.temporary
                    ? t('{{who}}, temporary, on {{date}}', consentBy)
                    : t('{{who}}, on {{date}}', consentBy)),
              ],
              [
                t('Returned to family'),
                custody.returnedToFamily &&
                  t('{{date}}, {{risk}} risk, assessed by {{org}}', {
                    date: custody.returnedToFamily.on,
                    risk: label(RISK_LEVELS, custody.returnedToFamily.riskAssessment, t),
                    org: names.org(custody.returnedToFamily.assessedBy),
                  }),
              ],
            ]}
          />
        </Section>
      )}
      {state.followUps.length > 0 && (
        <Section title={t('Follow-ups')} testId="case-follow-ups">
          <ul className="items">
            {state.followUps.map((f, i) => (
              <li key={i}>
                {f.on}: {label(FOLLOW_UP_OUTCOMES, f.outcome, t)}
                {f.note && <span className="muted"> — {f.note}</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {state.closure && (
        <Section title={t('Closure')} testId="case-closure">
          <Facts
            items={[
              [t('Closed on'), state.closure.on],
              [t('Reason'), label(CLOSURE_REASONS, state.closure.reason, t)],
              [t('Note'), state.closure.note],
            ]}
          />
        </Section>
      )}
    </>
  );
}

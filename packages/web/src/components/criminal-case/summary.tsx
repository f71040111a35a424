import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CRIMINAL_CLOSURE_REASONS, CRIMINAL_EXPLOITATION } from '../../prosecution/labels';
import { useLaws } from '../../prosecution/laws';
import type { CriminalCaseRecord } from '../../prosecution/types';
import { label } from '../../protection/labels';
import { useNames } from '../../protection/names';
import { Facts, Section } from '../case/section';

/** What the case is: lead unit, legal basis, exploitation, and whether it counts as trafficking. */
export function CriminalCaseFacts({ record }: { record: CriminalCaseRecord }) {
  const { t } = useTranslation();
  const names = useNames();
  const { lawName } = useLaws();
  const s = record.state;
  return (
    <Facts
      items={[
        [t('Opened'), s.openedOn],
        [t('Lead unit'), names.org(s.leadUnitOrganisationId)],
        [t('Province'), names.province(s.province)],
        [
          t('Legal basis'),
          t('{{law}}, article {{article}}', { law: lawName(s.legalBasis.lawId), article: s.legalBasis.article }),
        ],
        [t('Exploitation'), label(CRIMINAL_EXPLOITATION, s.exploitation, t)],
        [t('Trafficking offence'), s.traffickingOffence ? t('Yes') : t('No')],
        [t('Child sex tourism'), s.childSexTourism && t('Yes')],
      ]}
    />
  );
}

/** The victim cases linked (pseudonymous links), the evidence supplied, the trials, the closure. */
export function CriminalCaseSections({ record }: { record: CriminalCaseRecord }) {
  const { t } = useTranslation();
  const names = useNames();
  const s = record.state;
  return (
    <>
      {s.victims && (
        <Section title={t('Victim cases')} testId="criminal-victims">
          {s.victims.length === 0 && <p className="muted">{t('None recorded.')}</p>}
          <ul className="items">
            {s.victims.map((v, i) => (
              <li key={v.victimCaseId}>
                <Link to={`/cases/${v.victimCaseId}`} data-testid="victim-case-link">
                  {t('Victim case {{n}}', { n: i + 1 })}
                </Link>{' '}
                <span className="muted">{t('linked on {{date}}', { date: v.linkedOn })}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title={t('Evidence')} testId="criminal-evidence">
        {s.evidence.length === 0 && <p className="muted">{t('None recorded.')}</p>}
        <ul className="items">
          {s.evidence.map((e, i) => (
            <li key={i} data-testid="evidence-item">
              {t('Supplied to {{org}} on {{date}}', { org: names.org(e.prosecutorOrganisationId), date: e.on })}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('Trials')} testId="criminal-trials">
        {s.trials.length === 0 && <p className="muted">{t('None recorded.')}</p>}
        <ul className="items">
          {s.trials.map((tr) => (
            <li key={tr.courtOrganisationId}>
              {t('Opened at {{court}} on {{date}}', { court: names.org(tr.courtOrganisationId), date: tr.on })}
            </li>
          ))}
        </ul>
      </Section>
      {s.closure && (
        <Section title={t('Closure')} testId="criminal-closure">
          <Facts
            items={[
              [t('Closed on'), s.closure.on],
              [t('Reason'), label(CRIMINAL_CLOSURE_REASONS, s.closure.reason, t)],
              [t('Note'), s.closure.note],
            ]}
          />
        </Section>
      )}
    </>
  );
}

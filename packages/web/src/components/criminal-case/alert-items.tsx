import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CRIMINAL_ALERT_KINDS, MISSED_BASIS } from '../../prosecution/labels';
import type { CriminalCaseAlert } from '../../prosecution/types';
import { label } from '../../protection/labels';
import { useNames } from '../../protection/names';

/** The criminal-case alerts of the work queue; oversight alerts (complicity, settlements) say so. */
export function CriminalAlertItems({ alerts }: { alerts: CriminalCaseAlert[] }) {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <ul className="items" data-testid="criminal-alerts">
      {alerts.map((a) => (
        <li
          key={`${a.caseId}-${a.kind}-${a.suspectId ?? a.prosecutorOrganisationId ?? ''}`}
          data-testid={`criminal-alert-${a.kind}`}
          data-audience={a.audience}
          data-days={a.days}
        >
          <Link to={`/criminal-cases/${a.caseId}`} translate="no">
            {a.caseNumber}
          </Link>{' '}
          <strong>{label(CRIMINAL_ALERT_KINDS, a.kind, t)}</strong>{' '}
          {a.audience === 'oversight' && <span className="badge badge-oversight">{t('Oversight')}</span>}
          <div className="muted">
            {t('{{days}} days since {{date}}', { days: a.days, date: a.since })}
            {a.basis && ` — ${label(MISSED_BASIS, a.basis, t)}`}
            {a.organisationIds.length > 1 && ` — ${a.organisationIds.map(names.org).join(', ')}`}
          </div>
        </li>
      ))}
    </ul>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCriminalAlerts } from '../prosecution/queries';
import { ALERT_KINDS, label } from '../protection/labels';
import { useNames } from '../protection/names';
import { useAlerts, useCases } from '../protection/queries';
import type { CaseAlert } from '../protection/types';
import { useCurrentUser } from '../queries';
import { CriminalAlertItems } from './criminal-case/alert-items';
import { ErrorPanel, Loading } from './status';

/**
 * The alerts this user’s organisation should act on: victim cases (overdue repatriations,
 * unanswered referrals...) for case workers, criminal cases (missed check-ins, absconders without
 * a warrant...) for the justice chain and oversight.
 */
export function WorkQueue() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const victimCases = user.actions.includes('case.write');
  const criminalCases = user.actions.includes('criminal_case.read');
  const alerts = useAlerts(victimCases);
  const criminal = useCriminalAlerts(criminalCases);
  const queries = [...(victimCases ? [alerts] : []), ...(criminalCases ? [criminal] : [])];
  const empty = queries.every((q) => q.data && q.data.alerts.length === 0);

  return (
    <section className="panel work-queue" aria-labelledby="work-queue-title" data-testid="work-queue">
      <h2 id="work-queue-title">{t('Work queue')}</h2>
      {queries.some((q) => q.isPending) && <Loading />}
      {queries.map((q, i) => q.isError && <ErrorPanel key={i} error={q.error} onRetry={() => void q.refetch()} />)}
      {empty && (
        <p className="muted" data-testid="work-queue-empty">
          {t('Nothing is waiting for your organisation.')}
        </p>
      )}
      {victimCases && alerts.data && alerts.data.alerts.length > 0 && <VictimAlertItems alerts={alerts.data.alerts} />}
      {criminalCases && criminal.data && criminal.data.alerts.length > 0 && (
        <CriminalAlertItems alerts={criminal.data.alerts} />
      )}
    </section>
  );
}

function VictimAlertItems({ alerts }: { alerts: CaseAlert[] }) {
  const { t } = useTranslation();
  const names = useNames();
  // The alerts name cases by id; the case list gives their numbers.
  const cases = useCases('', alerts.length > 0);
  const numberOf = (id: string) => cases.data?.cases.find((c) => c.id === id)?.caseNumber ?? t('Case');
  return (
    <ul className="items">
      {alerts.map((a) => (
        <li key={`${a.caseId}-${a.kind}-${a.subjectId ?? ''}`} data-testid={`alert-${a.kind}`}>
          <Link to={`/cases/${a.caseId}`} translate="no">
            {numberOf(a.caseId)}
          </Link>{' '}
          <strong>{label(ALERT_KINDS, a.kind, t)}</strong>
          <div className="muted">
            {t('{{days}} days since {{date}}', { days: a.days, date: a.since })}
            {a.organisationIds.length > 1 && ` — ${a.organisationIds.map(names.org).join(', ')}`}
          </div>
        </li>
      ))}
    </ul>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ALERT_KINDS, label } from '../protection/labels';
import { useNames } from '../protection/names';
import { useAlerts, useCases } from '../protection/queries';
import { ErrorPanel, Loading } from './status';

/** The alerts this user’s organisation should act on (overdue repatriations, unanswered referrals...). */
export function WorkQueue() {
  const { t } = useTranslation();
  const names = useNames();
  const alerts = useAlerts(true);
  // The alerts name cases by id; the case list gives their numbers.
  const cases = useCases('', (alerts.data?.alerts.length ?? 0) > 0);
  const numberOf = (id: string) => cases.data?.cases.find((c) => c.id === id)?.caseNumber ?? t('Case');

  return (
    <section className="panel work-queue" aria-labelledby="work-queue-title" data-testid="work-queue">
      <h2 id="work-queue-title">{t('Work queue')}</h2>
      {alerts.isPending && <Loading />}
      {alerts.isError && <ErrorPanel error={alerts.error} onRetry={() => void alerts.refetch()} />}
      {alerts.data && alerts.data.alerts.length === 0 && (
        <p className="muted" data-testid="work-queue-empty">
          {t('Nothing is waiting for your organisation.')}
        </p>
      )}
      {alerts.data && alerts.data.alerts.length > 0 && (
        <ul className="items">
          {alerts.data.alerts.map((a) => (
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
      )}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CreateOperationForm } from '../components/operation/create-form';
import { usePageTitle } from '../components/page-title';
import { ErrorPanel, Loading } from '../components/status';
import { OPERATION_STATUSES, RECORD_LABELS } from '../prosecution/labels';
import { useOperations } from '../prosecution/operation-queries';
import { label } from '../protection/labels';
import { useCurrentUser } from '../queries';

/** The operations the user may see (before execution, only those naming them), and planning one. */
export function OperationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('Operations'));
  const user = useCurrentUser();
  const operations = useOperations();
  const [planning, setPlanning] = useState(false);
  const canPlan = user.actions.includes('operation.write');

  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('Operations')}</h1>
      </div>
      {canPlan && !planning && (
        <p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setPlanning(true)}
            data-testid="plan-operation"
          >
            {t('Plan an operation')}
          </button>
        </p>
      )}
      {planning && <CreateOperationForm onDone={() => setPlanning(false)} />}
      {operations.isPending && <Loading />}
      {operations.isError && <ErrorPanel error={operations.error} onRetry={() => void operations.refetch()} />}
      {operations.data && operations.data.operations.length === 0 && (
        <p data-testid="operations-empty">{t('No operations.')}</p>
      )}
      {operations.data && operations.data.operations.length > 0 && (
        <table className="table" data-testid="operations-table">
          <caption className="visually-hidden">{t('Operations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Code name')}</th>
              <th scope="col">{t('Planned for')}</th>
              <th scope="col">{t('Status')}</th>
              <th scope="col">{t('Who may see it')}</th>
            </tr>
          </thead>
          <tbody>
            {operations.data.operations.map((o) => (
              <tr key={o.id} data-testid={`operation-row-${o.codeName}`}>
                <td data-label={t('Code name')}>
                  <Link to={`/operations/${o.id}`} data-testid="operation-link">
                    {o.codeName}
                  </Link>
                </td>
                <td data-label={t('Planned for')}>{o.plannedFor}</td>
                <td data-label={t('Status')}>
                  <span className={`badge badge-operation-${o.status}`}>{label(OPERATION_STATUSES, o.status, t)}</span>
                </td>
                <td data-label={t('Who may see it')}>{label(RECORD_LABELS, o.label, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

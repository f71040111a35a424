import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Facts } from '../components/case/section';
import { CancelOperationForm } from '../components/operation/cancel-form';
import { ExecuteOperationForm } from '../components/operation/execute-form';
import { OperationOpeners } from '../components/operation/openers';
import { usePageTitle } from '../components/page-title';
import { ErrorPanel, Loading } from '../components/status';
import { OPERATION_STATUSES, RECORD_LABELS } from '../prosecution/labels';
import { useOperation } from '../prosecution/operation-queries';
import { label } from '../protection/labels';
import { useNames } from '../protection/names';
import { useCurrentUser } from '../queries';

/** One operation: its plan, carrying it out or cancelling it, and (for its owner) who opened it. */
export function OperationPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const user = useCurrentUser();
  const names = useNames();
  const query = useOperation(id);
  const [step, setStep] = useState<'execute' | 'cancel' | null>(null);
  const operation = query.data?.operation;
  usePageTitle(operation?.codeName ?? t('Operation'));

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const o = query.data.operation;
  const canAct = user.actions.includes('operation.write') && o.status === 'planned';

  return (
    <section className="page case-page">
      <p>
        <Link to="/operations">{t('← Operations')}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="operation-code-name">{o.codeName}</h1>
        <span className={`badge badge-operation-${o.status}`} data-testid="operation-status">
          {label(OPERATION_STATUSES, o.status, t)}
        </span>
      </div>
      <Facts
        items={[
          [t('Planned for'), o.plannedFor],
          [t('Target'), o.target],
          [t('Briefing'), o.briefing],
          [t('Organisation'), names.org(o.organisationId)],
          [t('Who may see it'), label(RECORD_LABELS, o.label, t)],
          [
            t('Criminal case'),
            o.criminalCaseId && user.actions.includes('criminal_case.read') && (
              <Link to={`/criminal-cases/${o.criminalCaseId}`}>{t('View the criminal case')}</Link>
            ),
          ],
          [t('Carried out on'), o.executedOn],
          [t('Outcome'), o.outcome],
        ]}
      />
      {canAct && step === null && (
        <div className="row-actions">
          <button type="button" className="button" onClick={() => setStep('execute')} data-testid="action-execute">
            {t('Record the operation carried out')}
          </button>
          <button type="button" className="button" onClick={() => setStep('cancel')} data-testid="action-cancel">
            {t('Cancel the operation')}
          </button>
        </div>
      )}
      {canAct && step === 'execute' && <ExecuteOperationForm operationId={id} onDone={() => setStep(null)} />}
      {canAct && step === 'cancel' && <CancelOperationForm operationId={id} onDone={() => setStep(null)} />}
      {o.isOwner && <OperationOpeners operationId={id} />}
    </section>
  );
}

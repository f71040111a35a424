import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../../api';
import type { VerifyReport } from '../../audit/types';
import { Alert } from '../field';
import { problemMessage } from '../problem';

/** Re-hashes the whole audit chain on the server and shows whether it is intact. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: () => post<VerifyReport>('/api/audit/verify') });
  const report = verify.data;

  return (
    <div className="panel" data-testid="audit-verify">
      <h2>{t('Audit chain')}</h2>
      <p className="muted">{t('Checks that no audit entry was changed, removed or reordered.')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={verify.isPending}
          onClick={() => verify.mutate()}
          data-testid="audit-verify-button"
        >
          {verify.isPending ? t('Verifying…') : t('Verify the audit chain')}
        </button>
      </div>
      {verify.isError && <Alert>{problemMessage(verify.error, t)}</Alert>}
      {report && <VerifyResult report={report} />}
    </div>
  );
}

function VerifyResult({ report }: { report: VerifyReport }) {
  const { t } = useTranslation();
  const { chain, checkpoints } = report;
  const intact = chain.ok && checkpoints.firstBad === null;
  return (
    <Alert kind={intact ? 'success' : 'error'} testId="audit-verify-result">
      {chain.ok ? (
        <p>
          {t('The chain is intact: {{rows}} entries, last entry {{seq}}.', { rows: chain.rows, seq: chain.headSeq })}{' '}
          <span className="muted" translate="no">
            {t('Head hash: {{hash}}', { hash: chain.headHash })}
          </span>
        </p>
      ) : (
        <p>
          {t('The chain is broken at entry {{seq}}: {{problem}}', { seq: chain.firstBadSeq, problem: chain.problem })}
        </p>
      )}
      {checkpoints.firstBad === null ? (
        <p>{t('Signed checkpoints checked: {{count}}, all match.', { count: checkpoints.checked })}</p>
      ) : (
        <p>
          {t('Signed checkpoint at entry {{seq}} fails: {{problem}}', {
            seq: checkpoints.firstBad,
            problem: checkpoints.problem ?? '',
          })}
        </p>
      )}
    </Alert>
  );
}

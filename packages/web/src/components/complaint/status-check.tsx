import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { label } from '../../protection/labels';
import { Alert, TextField } from '../field';
import { problemMessage } from '../problem';
import { COMPLAINT_STATUSES } from './labels';
import { complaintStatus } from './public-api';

/** "Check status": the receipt code in, the status, the day it last changed and the outcome out. */
export function StatusCheck() {
  const { t } = useTranslation();
  const [receipt, setReceipt] = useState('');
  const check = useMutation({ mutationFn: complaintStatus });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (receipt.trim()) check.mutate(receipt);
  };

  let failure: string | undefined;
  if (check.error) {
    if (isApiError(check.error) && check.error.status === 404)
      failure = t('No complaint has this receipt code. Check the code as you wrote it down.');
    else if (isApiError(check.error) && check.error.status === 429)
      failure = t('Too many attempts from your connection. Wait a few minutes and try again.');
    else failure = problemMessage(check.error, t);
  }
  const result = check.data;

  return (
    <section className="complaint-status" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('Check the status of a complaint')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="status-form">
        <TextField
          label={t('Receipt code')}
          value={receipt}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={100}
          placeholder="XXXX-XXXX-XXXX-XXXX-XXXX"
          onChange={(e) => setReceipt(e.target.value)}
          data-testid="status-receipt"
        />
        <button type="submit" className="button" disabled={check.isPending} data-testid="status-submit">
          {t('Check status')}
        </button>
      </form>
      {failure && <Alert testId="status-error">{failure}</Alert>}
      {result && !check.error && (
        <dl className="facts" data-testid="status-result">
          <div className="fact">
            <dt>{t('Status')}</dt>
            <dd data-testid="status-value" data-status={result.status}>
              {label(COMPLAINT_STATUSES, result.status, t)}
            </dd>
          </div>
          <div className="fact">
            <dt>{t('Last changed on')}</dt>
            <dd>{result.updatedOn}</dd>
          </div>
          {result.outcome && (
            <div className="fact">
              <dt>{t('Outcome')}</dt>
              <dd className="complaint-text">{result.outcome}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useExecuteOperation } from '../../prosecution/operation-queries';
import { today } from '../../protection/queries';
import { TextAreaField, TextField } from '../field';
import { OperationStepForm } from './step-form';

/** The operation was carried out: when, and what came of it (it becomes visible to the organisation). */
export function ExecuteOperationForm({ operationId, onDone }: { operationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const execute = useExecuteOperation(operationId);
  const [executedOn, setExecutedOn] = useState(today);
  const [outcome, setOutcome] = useState('');
  return (
    <OperationStepForm
      title={t('Record the operation carried out')}
      submitLabel={t('Record the operation carried out')}
      testId="execute-form"
      fields={['executedOn', 'outcome']}
      request={execute}
      onDone={onDone}
      submit={() => {
        if (!executedOn || !outcome.trim()) return;
        execute.mutate({ executedOn, outcome: outcome.trim() }, { onSuccess: onDone });
      }}
    >
      {(error) => (
        <>
          <TextField
            label={t('Carried out on')}
            type="date"
            value={executedOn}
            onChange={(e) => setExecutedOn(e.target.value)}
            error={error('executedOn', executedOn)}
            data-testid="execute-date"
          />
          <TextAreaField
            label={t('Outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            error={error('outcome', outcome)}
            data-testid="execute-outcome"
          />
        </>
      )}
    </OperationStepForm>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCancelOperation } from '../../prosecution/operation-queries';
import { TextAreaField } from '../field';
import { OperationStepForm } from './step-form';

/** The operation is called off, saying why (it becomes visible to the organisation). */
export function CancelOperationForm({ operationId, onDone }: { operationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelOperation(operationId);
  const [reason, setReason] = useState('');
  return (
    <OperationStepForm
      title={t('Cancel the operation')}
      submitLabel={t('Cancel the operation')}
      testId="cancel-form"
      fields={['reason']}
      request={cancel}
      onDone={onDone}
      submit={() => {
        if (!reason.trim()) return;
        cancel.mutate({ reason: reason.trim() }, { onSuccess: onDone });
      }}
    >
      {(error) => (
        <TextAreaField
          label={t('Why the operation is cancelled')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error('reason', reason)}
          data-testid="cancel-reason"
        />
      )}
    </OperationStepForm>
  );
}

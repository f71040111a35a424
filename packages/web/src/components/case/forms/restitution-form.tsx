import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../protection/queries';
import { useConfig } from '../../../queries';
import { TextField } from '../../field';
import { EventForm } from '../event-form';
import type { CaseFormProps } from './props';

/** A court orders restitution to the victim: amount, currency, court case. */
export function RestitutionForm({ caseId, state, onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(useConfig().data?.currency ?? '');
  const [reference, setReference] = useState('');
  return (
    <EventForm
      caseId={caseId}
      version={state.version}
      title={t('Order restitution')}
      submitLabel={t('Record the order')}
      testId="restitution-form"
      fields={['amount', 'currency', 'courtCaseReference', 'orderId']}
      onDone={onDone}
      build={(occurredOn) =>
        amount && currency
          ? {
              type: 'restitution_ordered',
              occurredOn,
              orderId: newId(),
              amount: Number(amount),
              currency,
              ...(reference.trim() && { courtCaseReference: reference.trim() }),
            }
          : null
      }
    >
      {(error) => (
        <>
          <TextField
            label={t('Amount ordered')}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value.replace(/[^\d.]/g, ''))}
            error={error('amount', amount)}
            data-testid="restitution-amount"
          />
          <TextField
            label={t('Currency')}
            hint={t('ISO 4217 code, e.g. USD.')}
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            error={error('currency', currency)}
          />
          <TextField
            label={t('Court case reference (optional)')}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            error={error('courtCaseReference')}
          />
        </>
      )}
    </EventForm>
  );
}

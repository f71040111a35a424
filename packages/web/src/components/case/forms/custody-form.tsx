import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../field';
import { OrgSelect } from '../../protection/config-fields';
import { EventForm } from '../event-form';
import type { CaseFormProps } from './props';

/** A child is placed in the formal custody of an organisation, under a court or agency decision. */
export function CustodyForm({ caseId, state, onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  const [reference, setReference] = useState('');
  const holder = state.custody.formal ? state.custody.toOrganisationId : undefined;
  return (
    <EventForm
      caseId={caseId}
      version={state.version}
      title={t('Transfer custody of the child')}
      submitLabel={t('Record the transfer')}
      testId="custody-form"
      fields={['toOrganisationId', 'legalReference']}
      onDone={onDone}
      build={(occurredOn) =>
        to
          ? {
              type: 'custody_transferred',
              occurredOn,
              toOrganisationId: to,
              ...(reference.trim() && { legalReference: reference.trim() }),
            }
          : null
      }
    >
      {(error) => (
        <>
          <OrgSelect
            label={t('Custody given to')}
            value={to}
            onChange={setTo}
            exclude={holder ? [holder] : []}
            error={error('toOrganisationId', to)}
            data-testid="custody-to"
          />
          <TextField
            label={t('Legal reference (optional)')}
            hint={t('The court order or decision, e.g. its number.')}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            error={error('legalReference')}
            data-testid="custody-reference"
          />
        </>
      )}
    </EventForm>
  );
}

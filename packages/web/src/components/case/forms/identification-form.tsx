import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../field';
import { OrgSelect } from '../../protection/config-fields';
import { EventForm } from '../event-form';
import type { CaseFormProps } from './props';

/** The designated authority's finding: formally identified as a victim, or not. */
export function IdentificationForm({ caseId, state, onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('identified');
  const [authority, setAuthority] = useState('');
  const [reference, setReference] = useState('');
  return (
    <EventForm
      caseId={caseId}
      version={state.version}
      title={t('Record identification')}
      submitLabel={t('Record identification')}
      testId="identification-form"
      fields={['status', 'authorityOrganisationId', 'reference']}
      onDone={onDone}
      build={(occurredOn) =>
        authority
          ? {
              type: 'identification_recorded',
              occurredOn,
              status,
              authorityOrganisationId: authority,
              ...(reference.trim() && { reference: reference.trim() }),
            }
          : null
      }
    >
      {(error) => (
        <>
          <SelectField
            label={t('Finding')}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            error={error('status')}
            data-testid="identification-status"
          >
            <option value="identified">{t('Formally identified as a victim')}</option>
            <option value="not_identified">{t('Not identified as a victim')}</option>
          </SelectField>
          <OrgSelect
            label={t('Designated authority')}
            value={authority}
            onChange={setAuthority}
            error={error('authorityOrganisationId', authority)}
            data-testid="identification-authority"
          />
          <TextField
            label={t('Reference (optional)')}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            error={error('reference')}
          />
        </>
      )}
    </EventForm>
  );
}

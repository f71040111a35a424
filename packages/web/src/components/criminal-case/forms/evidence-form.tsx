import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../protection/config-fields';
import { CriminalEventForm } from '../criminal-event-form';
import type { CriminalFormProps } from './props';

/** The police supply the evidence to a prosecutor (who then sees the case). */
export function EvidenceForm({ caseId, record, onDone }: CriminalFormProps) {
  const { t } = useTranslation();
  const [prosecutor, setProsecutor] = useState('');
  return (
    <CriminalEventForm
      caseId={caseId}
      version={record.state.version}
      title={t('Supply evidence to a prosecutor')}
      submitLabel={t('Record the evidence supplied')}
      testId="evidence-form"
      fields={['prosecutorOrganisationId']}
      onDone={onDone}
      build={(occurredOn) =>
        prosecutor ? { type: 'evidence_supplied', occurredOn, prosecutorOrganisationId: prosecutor } : null
      }
    >
      {(error) => (
        <OrgSelect
          label={t('Prosecutor')}
          types={['prosecutor']}
          value={prosecutor}
          onChange={setProsecutor}
          error={error('prosecutorOrganisationId', prosecutor)}
          data-testid="evidence-prosecutor"
        />
      )}
    </CriminalEventForm>
  );
}

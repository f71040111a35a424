import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../protection/config-fields';
import { CriminalEventForm } from '../criminal-event-form';
import type { CriminalFormProps } from './props';

/** A court opens the trial of the suspects charged before it. */
export function TrialForm({ caseId, record, onDone }: CriminalFormProps) {
  const { t } = useTranslation();
  const courts = [...new Set(record.state.suspects.flatMap((s) => (s.charge ? [s.charge.courtOrganisationId] : [])))];
  const [court, setCourt] = useState(courts.length === 1 ? courts[0]! : '');
  return (
    <CriminalEventForm
      caseId={caseId}
      version={record.state.version}
      title={t('Open the trial')}
      submitLabel={t('Record the trial opened')}
      testId="trial-form"
      fields={['courtOrganisationId']}
      onDone={onDone}
      build={(occurredOn) => (court ? { type: 'trial_opened', occurredOn, courtOrganisationId: court } : null)}
    >
      {(error) => (
        <OrgSelect
          label={t('Court')}
          types={['court']}
          value={court}
          onChange={setCourt}
          error={error('courtOrganisationId', court)}
          data-testid="trial-court"
        />
      )}
    </CriminalEventForm>
  );
}

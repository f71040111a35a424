import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../field';
import { CriminalEventForm } from '../criminal-event-form';
import type { CriminalFormProps } from './props';

/** Links a victim case (by its id; never the victim's identity) to the criminal case. */
export function VictimLinkForm({ caseId, record, onDone }: CriminalFormProps) {
  const { t } = useTranslation();
  const [victimCaseId, setVictimCaseId] = useState('');
  return (
    <CriminalEventForm
      caseId={caseId}
      version={record.state.version}
      title={t('Link a victim case')}
      submitLabel={t('Link the victim case')}
      testId="victim-form"
      fields={['victimCaseId']}
      onDone={onDone}
      build={(occurredOn) =>
        victimCaseId.trim() ? { type: 'victim_linked', occurredOn, victimCaseId: victimCaseId.trim() } : null
      }
    >
      {(error) => (
        <TextField
          label={t('Victim case id')}
          hint={t('The id at the end of the victim case’s address (/cases/…).')}
          spellCheck={false}
          value={victimCaseId}
          onChange={(e) => setVictimCaseId(e.target.value)}
          error={error('victimCaseId', victimCaseId)}
          data-testid="victim-case-id"
        />
      )}
    </CriminalEventForm>
  );
}

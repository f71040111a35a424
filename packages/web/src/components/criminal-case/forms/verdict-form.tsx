import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VERDICT_OUTCOMES } from '../../../prosecution/labels';
import { suspectsFor } from '../../../prosecution/suspects';
import { SelectField } from '../../field';
import { CriminalEventForm } from '../criminal-event-form';
import { onlySuspect, SuspectSelect } from '../suspect-select';
import type { CriminalFormProps } from './props';

/** The court's judgment on one suspect. */
export function VerdictForm({ caseId, record, onDone }: CriminalFormProps) {
  const { t } = useTranslation();
  const suspects = suspectsFor(record.state, 'verdict');
  const [suspectId, setSuspectId] = useState(onlySuspect(suspects));
  const [outcome, setOutcome] = useState('');
  return (
    <CriminalEventForm
      caseId={caseId}
      version={record.state.version}
      title={t('Record the verdict')}
      submitLabel={t('Record the verdict')}
      testId="verdict-form"
      fields={['suspectId', 'outcome']}
      onDone={onDone}
      build={(occurredOn) => (suspectId && outcome ? { type: 'verdict', occurredOn, suspectId, outcome } : null)}
    >
      {(error) => (
        <>
          <SuspectSelect
            state={record.state}
            suspects={suspects}
            value={suspectId}
            onChange={setSuspectId}
            error={error('suspectId', suspectId)}
            testId="verdict-suspect"
          />
          <SelectField
            label={t('Verdict')}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            error={error('outcome', outcome)}
            data-testid="verdict-outcome"
          >
            <option value="">{t('Choose…')}</option>
            {Object.entries(VERDICT_OUTCOMES).map(([code, key]) => (
              <option key={code} value={code}>
                {t(key)}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </CriminalEventForm>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPEAL_OUTCOMES } from '../../../prosecution/labels';
import { suspectsFor } from '../../../prosecution/suspects';
import { SelectField } from '../../field';
import { OrgSelect } from '../../protection/config-fields';
import { CriminalEventForm } from '../criminal-event-form';
import { onlySuspect, SuspectSelect } from '../suspect-select';
import type { CriminalFormProps } from './props';

/** An appeal lodged against a judgment, or (a second time, same court) its outcome. */
export function AppealForm({ caseId, record, onDone }: CriminalFormProps) {
  const { t } = useTranslation();
  const suspects = suspectsFor(record.state, 'appeal');
  const [suspectId, setSuspectId] = useState(onlySuspect(suspects));
  const [court, setCourt] = useState('');
  const [outcome, setOutcome] = useState('');
  return (
    <CriminalEventForm
      caseId={caseId}
      version={record.state.version}
      title={t('Record an appeal')}
      submitLabel={t('Record the appeal')}
      testId="appeal-form"
      fields={['suspectId', 'courtOrganisationId', 'outcome']}
      onDone={onDone}
      build={(occurredOn) =>
        suspectId && court
          ? { type: 'appeal', occurredOn, suspectId, courtOrganisationId: court, ...(outcome && { outcome }) }
          : null
      }
    >
      {(error) => (
        <>
          <SuspectSelect
            state={record.state}
            suspects={suspects}
            value={suspectId}
            onChange={setSuspectId}
            error={error('suspectId', suspectId)}
            testId="appeal-suspect"
          />
          <OrgSelect
            label={t('Appeal court')}
            types={['court']}
            value={court}
            onChange={setCourt}
            error={error('courtOrganisationId', court)}
            data-testid="appeal-court"
          />
          <SelectField
            label={t('Outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            error={error('outcome')}
            data-testid="appeal-outcome"
          >
            <option value="">{t('Pending (appeal lodged)')}</option>
            {Object.entries(APPEAL_OUTCOMES).map(([code, key]) => (
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

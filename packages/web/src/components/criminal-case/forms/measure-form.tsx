import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURES } from '../../../prosecution/labels';
import { suspectsFor } from '../../../prosecution/suspects';
import { SelectField, TextField } from '../../field';
import { OrgSelect } from '../../protection/config-fields';
import { CriminalEventForm } from '../criminal-event-form';
import { onlySuspect, SuspectSelect } from '../suspect-select';
import type { CriminalFormProps } from './props';

/** Pre-trial detention, or release under judicial supervision with a check-in schedule. */
export function MeasureForm({ caseId, record, onDone }: CriminalFormProps) {
  const { t } = useTranslation();
  const suspects = suspectsFor(record.state, 'pretrial_measure');
  const [suspectId, setSuspectId] = useState(onlySuspect(suspects));
  const [measure, setMeasure] = useState('');
  const [every, setEvery] = useState('');
  const [supervisor, setSupervisor] = useState('');
  const supervised = measure === 'judicial_supervision';
  return (
    <CriminalEventForm
      caseId={caseId}
      version={record.state.version}
      title={t('Order a pre-trial measure')}
      submitLabel={t('Record the measure')}
      testId="measure-form"
      fields={['suspectId', 'measure', 'checkInEveryDays', 'supervisingOrganisationId']}
      onDone={onDone}
      build={(occurredOn) => {
        if (!suspectId || !measure || (supervised && !every)) return null;
        return {
          type: 'pretrial_measure',
          occurredOn,
          suspectId,
          measure,
          ...(supervised && { checkInEveryDays: Number(every) }),
          ...(supervised && supervisor && { supervisingOrganisationId: supervisor }),
        };
      }}
    >
      {(error) => (
        <>
          <SuspectSelect
            state={record.state}
            suspects={suspects}
            value={suspectId}
            onChange={setSuspectId}
            error={error('suspectId', suspectId)}
            testId="measure-suspect"
          />
          <SelectField
            label={t('Measure')}
            value={measure}
            onChange={(e) => setMeasure(e.target.value)}
            error={error('measure', measure)}
            data-testid="measure-kind"
          >
            <option value="">{t('Choose…')}</option>
            {Object.entries(MEASURES).map(([code, key]) => (
              <option key={code} value={code}>
                {t(key)}
              </option>
            ))}
          </SelectField>
          {supervised && (
            <>
              <TextField
                label={t('Check in every (days)')}
                inputMode="numeric"
                maxLength={3}
                value={every}
                onChange={(e) => setEvery(e.target.value.replace(/\D/g, ''))}
                error={error('checkInEveryDays', every)}
                data-testid="measure-every"
              />
              <OrgSelect
                label={t('Supervising unit')}
                placeholder={t('The lead unit')}
                value={supervisor}
                onChange={setSupervisor}
                error={error('supervisingOrganisationId')}
                data-testid="measure-supervisor"
              />
            </>
          )}
        </>
      )}
    </CriminalEventForm>
  );
}

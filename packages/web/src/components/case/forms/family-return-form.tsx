import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS } from '../../../protection/labels';
import { SelectField } from '../../field';
import { OrgSelect } from '../../protection/config-fields';
import { EventForm } from '../event-form';
import type { CaseFormProps } from './props';

/** The child goes back to the family, after an organisation assessed the risk of doing so. */
export function FamilyReturnForm({ caseId, state, onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const [risk, setRisk] = useState('');
  const [assessedBy, setAssessedBy] = useState('');
  return (
    <EventForm
      caseId={caseId}
      version={state.version}
      title={t('Return the child to the family')}
      submitLabel={t('Record the return')}
      testId="family-return-form"
      fields={['riskAssessment', 'assessedBy']}
      onDone={onDone}
      build={(occurredOn) =>
        risk && assessedBy ? { type: 'returned_to_family', occurredOn, riskAssessment: risk, assessedBy } : null
      }
    >
      {(error) => (
        <>
          <SelectField
            label={t('Assessed risk')}
            value={risk}
            onChange={(e) => setRisk(e.target.value)}
            error={error('riskAssessment', risk)}
            data-testid="family-return-risk"
          >
            <option value="">{t('Choose…')}</option>
            {Object.entries(RISK_LEVELS).map(([code, key]) => (
              <option key={code} value={code}>
                {t(key)}
              </option>
            ))}
          </SelectField>
          <OrgSelect
            label={t('Risk assessed by')}
            value={assessedBy}
            onChange={setAssessedBy}
            error={error('assessedBy', assessedBy)}
            data-testid="family-return-assessed-by"
          />
        </>
      )}
    </EventForm>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GUARDIANSHIP_BY } from '../../../protection/labels';
import { SelectField } from '../../field';
import { EventForm } from '../event-form';
import type { CaseFormProps } from './props';

/** Who consented, for the child, to the care arrangement, and whether for a limited time. */
export function GuardianshipForm({ caseId, state, onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const [by, setBy] = useState('');
  const [temporary, setTemporary] = useState('');
  return (
    <EventForm
      caseId={caseId}
      version={state.version}
      title={t('Record guardianship consent')}
      submitLabel={t('Record the consent')}
      testId="guardianship-form"
      fields={['by', 'temporary']}
      onDone={onDone}
      build={(occurredOn) =>
        by && temporary
          ? { type: 'guardianship_consent_recorded', occurredOn, by, temporary: temporary === 'yes' }
          : null
      }
    >
      {(error) => (
        <>
          <SelectField
            label={t('Consent given by')}
            value={by}
            onChange={(e) => setBy(e.target.value)}
            error={error('by', by)}
            data-testid="guardianship-by"
          >
            <option value="">{t('Choose…')}</option>
            {Object.entries(GUARDIANSHIP_BY).map(([code, key]) => (
              <option key={code} value={code}>
                {t(key)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('Temporary consent')}
            value={temporary}
            onChange={(e) => setTemporary(e.target.value)}
            error={error('temporary', temporary)}
            data-testid="guardianship-temporary"
          >
            <option value="">{t('Choose…')}</option>
            <option value="yes">{t('Yes, for a limited time')}</option>
            <option value="no">{t('No, until further notice')}</option>
          </SelectField>
        </>
      )}
    </EventForm>
  );
}

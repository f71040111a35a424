import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_GIVERS, CONSENT_PURPOSES } from '../../../protection/labels';
import { newId } from '../../../protection/queries';
import { SelectField } from '../../field';
import { EventForm } from '../event-form';
import type { CaseFormProps } from './props';

/** The person’s (or guardian’s) consent, for the purposes it covers; it can be withdrawn later. */
export function ConsentForm({ caseId, state, onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const [purposes, setPurposes] = useState<string[]>([]);
  const [givenBy, setGivenBy] = useState('person');
  const toggle = (p: string, on: boolean) => setPurposes((list) => (on ? [...list, p] : list.filter((x) => x !== p)));
  return (
    <EventForm
      caseId={caseId}
      version={state.version}
      title={t('Record consent')}
      submitLabel={t('Record consent')}
      testId="consent-form"
      fields={['purposes', 'givenBy', 'consentId']}
      onDone={onDone}
      build={(occurredOn) =>
        purposes.length > 0 ? { type: 'consent_given', occurredOn, consentId: newId(), purposes, givenBy } : null
      }
    >
      {(error) => {
        const purposesError = error('purposes', purposes);
        return (
          <>
            <fieldset className={`field checkboxes${purposesError ? ' field-invalid' : ''}`}>
              <legend>{t('Consent to')}</legend>
              {Object.entries(CONSENT_PURPOSES).map(([code, key]) => (
                <label key={code} className="checkbox">
                  <input
                    type="checkbox"
                    checked={purposes.includes(code)}
                    onChange={(e) => toggle(code, e.target.checked)}
                    data-testid={`consent-purpose-${code}`}
                  />
                  <span>{t(key)}</span>
                </label>
              ))}
              {purposesError && <p className="field-error">{purposesError}</p>}
            </fieldset>
            <SelectField
              label={t('Given by')}
              value={givenBy}
              onChange={(e) => setGivenBy(e.target.value)}
              error={error('givenBy')}
            >
              {Object.entries(CONSENT_GIVERS).map(([code, key]) => (
                <option key={code} value={code}>
                  {t(key)}
                </option>
              ))}
            </SelectField>
          </>
        );
      }}
    </EventForm>
  );
}

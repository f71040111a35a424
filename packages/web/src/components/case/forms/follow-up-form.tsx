import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_OUTCOMES } from '../../../protection/labels';
import { SelectField, TextAreaField } from '../../field';
import { EventForm } from '../event-form';
import type { CaseFormProps } from './props';

/** A follow-up visit or call after reintegration: how the person is doing. */
export function FollowUpForm({ caseId, state, onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  return (
    <EventForm
      caseId={caseId}
      version={state.version}
      title={t('Record a follow-up')}
      submitLabel={t('Record the follow-up')}
      testId="follow-up-form"
      fields={['outcome', 'note']}
      onDone={onDone}
      build={(occurredOn) =>
        outcome ? { type: 'follow_up_recorded', occurredOn, outcome, ...(note.trim() && { note: note.trim() }) } : null
      }
    >
      {(error) => (
        <>
          <SelectField
            label={t('Outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            error={error('outcome', outcome)}
            data-testid="follow-up-outcome"
          >
            <option value="">{t('Choose…')}</option>
            {Object.entries(FOLLOW_UP_OUTCOMES).map(([code, key]) => (
              <option key={code} value={code}>
                {t(key)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t('Note (optional)')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={error('note')}
            data-testid="follow-up-note"
          />
        </>
      )}
    </EventForm>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSURE_REASONS } from '../../../protection/labels';
import { SelectField, TextAreaField } from '../../field';
import { EventForm } from '../event-form';
import type { CaseFormProps } from './props';

/** Closes the case with its reason. */
export function ClosureForm({ caseId, state, onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  return (
    <EventForm
      caseId={caseId}
      version={state.version}
      title={t('Close the case')}
      submitLabel={t('Close the case')}
      testId="closure-form"
      fields={['reason', 'note']}
      onDone={onDone}
      build={(occurredOn) =>
        reason ? { type: 'case_closed', occurredOn, reason, ...(note.trim() && { note: note.trim() }) } : null
      }
    >
      {(error) => (
        <>
          <SelectField
            label={t('Reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={error('reason', reason)}
            data-testid="closure-reason"
          >
            <option value="">{t('Choose…')}</option>
            {Object.entries(CLOSURE_REASONS).map(([code, key]) => (
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
          />
        </>
      )}
    </EventForm>
  );
}

/** Reopens a closed case, saying why. */
export function ReopenForm({ caseId, state, onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <EventForm
      caseId={caseId}
      version={state.version}
      title={t('Reopen the case')}
      submitLabel={t('Reopen the case')}
      testId="reopen-form"
      fields={['reason']}
      onDone={onDone}
      build={(occurredOn) => (reason.trim() ? { type: 'case_reopened', occurredOn, reason: reason.trim() } : null)}
    >
      {(error) => (
        <TextAreaField
          label={t('Why the case is reopened')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error('reason', reason)}
        />
      )}
    </EventForm>
  );
}

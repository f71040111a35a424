import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSURE_REASONS } from '../../../protection/labels';
import { TextAreaField } from '../../field';
import { EventForm } from '../event-form';
import { CodeNoteForm } from './code-note-form';
import type { CaseFormProps } from './props';

/** Closes the case with its reason. */
export function ClosureForm(props: CaseFormProps) {
  const { t } = useTranslation();
  return (
    <CodeNoteForm
      {...props}
      eventType="case_closed"
      codeField="reason"
      codes={CLOSURE_REASONS}
      title={t('Close the case')}
      submitLabel={t('Close the case')}
      codeLabel={t('Reason')}
      testId="closure"
    />
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

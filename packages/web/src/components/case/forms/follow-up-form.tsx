import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_OUTCOMES } from '../../../protection/labels';
import { CodeNoteForm } from './code-note-form';
import type { CaseFormProps } from './props';

/** A follow-up visit or call after reintegration: how the person is doing. */
export function FollowUpForm(props: CaseFormProps) {
  const { t } = useTranslation();
  return (
    <CodeNoteForm
      {...props}
      eventType="follow_up_recorded"
      codeField="outcome"
      codes={FOLLOW_UP_OUTCOMES}
      title={t('Record a follow-up')}
      submitLabel={t('Record the follow-up')}
      codeLabel={t('Outcome')}
      testId="follow-up"
    />
  );
}

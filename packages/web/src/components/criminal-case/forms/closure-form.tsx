import { useTranslation } from 'react-i18next';
import { CRIMINAL_CLOSURE_REASONS } from '../../../prosecution/labels';
import { useCriminalCaseEvent } from '../../../prosecution/queries';
import { CodeNoteForm } from '../../case/forms/code-note-form';
import type { CriminalFormProps } from './props';

/** Closes the criminal case with its reason. */
export function CriminalClosureForm({ caseId, record, onDone }: CriminalFormProps) {
  const { t } = useTranslation();
  const recorder = useCriminalCaseEvent(caseId);
  return (
    <CodeNoteForm
      caseId={caseId}
      state={record.state}
      onDone={onDone}
      recorder={recorder}
      eventType="case_closed"
      codeField="reason"
      codes={CRIMINAL_CLOSURE_REASONS}
      title={t('Close the case')}
      submitLabel={t('Close the case')}
      codeLabel={t('Reason')}
      testId="criminal-closure"
    />
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Labels } from '../../../protection/labels';
import { SelectField, TextAreaField } from '../../field';
import { EventForm, type EventRecorder } from '../event-form';

interface CodeNoteFormProps {
  readonly caseId: string;
  /** The case as read (a victim or a criminal case): its version guards against a concurrent change. */
  readonly state: { readonly version: number };
  readonly onDone: () => void;
  /** Where the event goes when not on a victim case. */
  readonly recorder?: EventRecorder;
  /** The event recorded, and the name of its code field (e.g. case_closed / reason). */
  readonly eventType: string;
  readonly codeField: string;
  readonly codes: Labels;
  readonly title: string;
  readonly submitLabel: string;
  readonly codeLabel: string;
  readonly testId: string;
}

/** An event that is one code from a list plus an optional note (closure, follow-up, …). */
export function CodeNoteForm(props: CodeNoteFormProps) {
  const { caseId, state, onDone, eventType, codeField, codes, testId, recorder } = props;
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  return (
    <EventForm
      caseId={caseId}
      version={state.version}
      title={props.title}
      submitLabel={props.submitLabel}
      testId={`${testId}-form`}
      fields={[codeField, 'note']}
      onDone={onDone}
      recorder={recorder}
      build={(occurredOn) =>
        code ? { type: eventType, occurredOn, [codeField]: code, ...(note.trim() && { note: note.trim() }) } : null
      }
    >
      {(error) => (
        <>
          <SelectField
            label={props.codeLabel}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={error(codeField, code)}
            data-testid={`${testId}-${codeField}`}
          >
            <option value="">{t('Choose…')}</option>
            {Object.entries(codes).map(([value, key]) => (
              <option key={value} value={value}>
                {t(key)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t('Note (optional)')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={error('note')}
            data-testid={`${testId}-note`}
          />
        </>
      )}
    </EventForm>
  );
}

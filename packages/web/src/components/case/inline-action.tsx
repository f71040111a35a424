import { useState, type ReactNode } from 'react';
import type { CaseEventInput } from '../../protection/types';
import { EventForm, type EventRecorder, type FieldErrorFn } from './event-form';

interface Props {
  caseId: string;
  version: number;
  /** The button's text, also the confirm button's. */
  label: string;
  testId: string;
  fields?: readonly string[];
  build: (occurredOn: string) => CaseEventInput | null;
  children?: (error: FieldErrorFn) => ReactNode;
  /** Where the event goes when not on a victim case. */
  recorder?: EventRecorder;
}

/** A button on an item of the case (accept a referral, end a service...) that opens a small form: date, confirm. */
export function InlineAction({ caseId, version, label, testId, fields = [], build, children, recorder }: Props) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button button-small" onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <EventForm
      inline
      caseId={caseId}
      version={version}
      title={label}
      submitLabel={label}
      testId={`${testId}-form`}
      fields={fields}
      build={build}
      onDone={() => setOpen(false)}
      recorder={recorder}
    >
      {children}
    </EventForm>
  );
}

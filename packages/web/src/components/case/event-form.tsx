import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { today, useCaseEvent } from '../../protection/queries';
import type { CaseEventInput } from '../../protection/types';
import { Alert, TextField } from '../field';
import { fieldErrorOf, formProblem } from '../problem';

/**
 * The error to show beside a field: "required" when `required` (the field's value, given for
 * required fields only) is empty after a submit, else the server's message for `path`.
 */
export type FieldErrorFn = (path: string, required?: unknown) => string | undefined;

/** What records the event: a mutation taking the event and the version it was read at. */
export interface EventRecorder {
  mutate(variables: { event: CaseEventInput; version: number }, options: { onSuccess: () => void }): void;
  readonly isPending: boolean;
  readonly error: unknown;
}

interface Props {
  caseId: string;
  version: number;
  title: string;
  submitLabel: string;
  testId: string;
  /** The event's field paths this form shows (their server errors appear beside them). */
  fields: readonly string[];
  /** The event to record, or null when a required field is missing. */
  build: (occurredOn: string) => CaseEventInput | null;
  onDone: () => void;
  /** Inline: a compact form inside a list item rather than a panel of its own. */
  inline?: boolean;
  children?: (error: FieldErrorFn) => ReactNode;
  /** Where the event goes when not on a victim case (e.g. a criminal case's events). */
  recorder?: EventRecorder;
}

/** Records one event on a case: the date of the fact, the form's fields, errors beside them. */
export function EventForm({
  caseId,
  version,
  title,
  submitLabel,
  testId,
  fields,
  build,
  onDone,
  inline,
  children,
  recorder,
}: Props) {
  const { t } = useTranslation();
  const [occurredOn, setOccurredOn] = useState(today);
  const [checked, setChecked] = useState(false);
  const victimCaseEvent = useCaseEvent(caseId);
  const record: EventRecorder = recorder ?? victimCaseEvent;
  const serverError = record.error;

  const isEmpty = (value: unknown) =>
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0);
  const error: FieldErrorFn = (path, required) =>
    required !== undefined && checked && isEmpty(required)
      ? t('This field is required.')
      : fieldErrorOf(serverError, path);
  const general = formProblem(serverError, [...fields, 'occurredOn'], t);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!occurredOn) return;
    const built = build(occurredOn);
    if (built) record.mutate({ event: built, version }, { onSuccess: onDone });
  };

  return (
    <form
      className={inline ? 'inline-form form' : 'panel form'}
      onSubmit={onSubmit}
      noValidate
      aria-label={title}
      data-testid={testId}
    >
      {!inline && <h2>{title}</h2>}
      {general && <Alert>{general}</Alert>}
      <div className="form-grid">
        <TextField
          label={t('Date')}
          type="date"
          value={occurredOn}
          onChange={(e) => setOccurredOn(e.target.value)}
          error={
            (checked && !occurredOn ? t('This field is required.') : undefined) ??
            fieldErrorOf(serverError, 'occurredOn')
          }
          data-testid={`${testId}-date`}
        />
        {children?.(error)}
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={record.isPending}
          data-testid={`${testId}-submit`}
        >
          {submitLabel}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../field';
import { fieldErrorOf, formProblem } from '../problem';

/** The error beside a field: "required" when `required` is empty after a submit, else the server's. */
type ErrorFn = (path: string, required?: string) => string | undefined;

interface Props {
  title: string;
  submitLabel: string;
  testId: string;
  fields: readonly string[];
  /** The request (e.g. the execute mutation), and what sends it (unless a required field is empty). */
  request: { isPending: boolean; error: unknown };
  submit: () => void;
  onDone: () => void;
  children: (error: ErrorFn) => ReactNode;
}

/** A small form for one step of an operation (carry it out, cancel it), errors beside its fields. */
export function OperationStepForm({ title, submitLabel, testId, fields, request, submit, onDone, children }: Props) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(false);
  const error: ErrorFn = (path, required) =>
    checked && required !== undefined && !required.trim()
      ? t('This field is required.')
      : fieldErrorOf(request.error, path);
  const general = formProblem(request.error, fields, t);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    submit();
  };
  return (
    <form className="panel form" onSubmit={onSubmit} noValidate aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      {general && <Alert>{general}</Alert>}
      <div className="form-grid">{children(error)}</div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={request.isPending}
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

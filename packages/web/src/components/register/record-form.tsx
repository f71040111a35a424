import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { editableFields, fromDraft, toDraft, type Draft } from '../../registers/form';
import type { FieldSpec, RecordData, RegisterInfo } from '../../registers/types';
import { Alert } from '../field';
import { fieldErrorOf, formProblem } from '../problem';
import { RegisterFieldInput } from './field-input';

interface Props {
  register: RegisterInfo;
  title: string;
  submitLabel: string;
  /** The record's current data (editing), or the values a new record starts with. */
  initial?: RecordData;
  /** Inspection sector -> its checklist's indicators (when the server sends them). */
  checklists?: Record<string, string[]> | undefined;
  /** Indicators that amount to debt bondage, marked in the checklist (when the server sends them). */
  bondage?: readonly string[] | undefined;
  pending: boolean;
  /** The last request's error: field problems are shown beside the fields, the rest above. */
  error: unknown;
  onSubmit: (data: RecordData) => void;
  onCancel: () => void;
  testId?: string;
}

/** A register's form, generated from its field specs: a control per field, each with its error beside it. */
export function RegisterRecordForm({
  register,
  title,
  submitLabel,
  initial,
  checklists,
  bondage,
  pending,
  error,
  onSubmit,
  onCancel,
  testId = 'register-form',
}: Props) {
  const { t } = useTranslation();
  const fields = editableFields(register.fields);
  const [draft, setDraft] = useState<Draft>(() => toDraft(fields, initial));
  const [checked, setChecked] = useState<Record<string, string>>({});
  const names = fields.map((f) => f.name);
  const general = formProblem(error, names, t);
  const marked = bondage ? new Set(bondage) : undefined;

  const set = (name: string, value: string | string[]) => {
    setDraft((d) => {
      const next = { ...d, [name]: value };
      // A sector's checklist replaces the previous one: keep only the indicators it still offers.
      const offered = indicatorsFor(register, checklists, next);
      if (offered && Array.isArray(next['indicators'])) {
        next['indicators'] = (next['indicators'] as string[]).filter((c) => offered.includes(c));
      }
      return next;
    });
    setChecked(({ [name]: _, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { data, errors } = fromDraft(fields, draft);
    setChecked(errors);
    if (Object.keys(errors).length === 0) onSubmit(data);
  };

  const errorOf = (spec: FieldSpec) =>
    checked[spec.name] ? t(checked[spec.name]!) : pending ? undefined : fieldErrorOf(error, spec.name);

  return (
    <form className="panel form" onSubmit={submit} noValidate data-testid={testId}>
      <h2>{title}</h2>
      {general && !pending && <Alert testId={`${testId}-problem`}>{general}</Alert>}
      <div className="form-grid">
        {fields.map((spec) => {
          const offered = spec.name === 'indicators' ? indicatorsFor(register, checklists, draft) : undefined;
          const hint =
            offered && offered.length === 0 ? t('Choose the sector first: its checklist appears here.') : undefined;
          return (
            <RegisterFieldInput
              key={spec.name}
              register={register.id}
              spec={spec}
              value={draft[spec.name] ?? ''}
              onChange={(v) => set(spec.name, v)}
              error={errorOf(spec)}
              options={offered}
              marked={marked}
              hint={hint}
            />
          );
        })}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending} data-testid={`${testId}-submit`}>
          {submitLabel}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The inspection indicators to offer: the chosen sector's checklist when the server sends the
 * checklists (none before a sector is chosen), else undefined (all of the field's options).
 */
function indicatorsFor(
  register: RegisterInfo,
  checklists: Record<string, string[]> | undefined,
  draft: Draft,
): string[] | undefined {
  if (register.id !== 'inspections' || !checklists) return undefined;
  const sector = typeof draft['sector'] === 'string' ? draft['sector'] : '';
  return sector ? (checklists[sector] ?? []) : [];
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCriminalCases } from '../../prosecution/queries';
import { useCurrentUser } from '../../queries';
import { Alert, SelectField, TextAreaField, TextField } from '../field';
import { fieldErrorOf, formProblem } from '../problem';
import { COMPLAINT_STATUSES, DECISION_STATUSES } from './labels';
import { useDecideComplaint } from './queries';
import type { Complaint, ComplaintDecisionStatus } from './types';

const FIELDS = ['status', 'outcome', 'criminalCaseId'] as const;

/**
 * Oversight's decision on a complaint: its status, the outcome the reporter will see, and a
 * complicit-official criminal case to link (chosen among the cases the user can see, else by id).
 */
export function ComplaintDecisionForm({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const decide = useDecideComplaint(complaint.id);
  const cases = useCriminalCases('', user.actions.includes('criminal_case.read'));
  const [status, setStatus] = useState<ComplaintDecisionStatus>(
    complaint.status === 'received' ? 'under_review' : complaint.status,
  );
  const [outcome, setOutcome] = useState(complaint.outcome ?? '');
  const [criminalCaseId, setCriminalCaseId] = useState(complaint.criminalCaseId ?? '');
  const [saved, setSaved] = useState(false);
  const known = cases.data?.cases ?? [];
  const choose = known.length > 0 && (!criminalCaseId || known.some((c) => c.id === criminalCaseId));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    decide.mutate(
      {
        status,
        outcome: outcome.trim() || null,
        criminalCaseId: criminalCaseId.trim() || null,
        expectedVersion: complaint.version,
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  const general = formProblem(decide.error, FIELDS, t);

  return (
    <form
      className="panel form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('Update the complaint')}
      data-testid="decision-form"
    >
      <h2>{t('Update the complaint')}</h2>
      {general && <Alert>{general}</Alert>}
      {saved && !decide.error && (
        <Alert kind="success" testId="decision-saved">
          {t('Saved.')}
        </Alert>
      )}
      <div className="form-grid">
        <SelectField
          label={t('Status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as ComplaintDecisionStatus)}
          error={fieldErrorOf(decide.error, 'status')}
          data-testid="decision-status"
        >
          {DECISION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(COMPLAINT_STATUSES[s])}
            </option>
          ))}
        </SelectField>
        {choose ? (
          <SelectField
            label={t('Linked criminal case')}
            value={criminalCaseId}
            onChange={(e) => setCriminalCaseId(e.target.value)}
            error={fieldErrorOf(decide.error, 'criminalCaseId')}
            data-testid="decision-case"
          >
            <option value="">{t('None')}</option>
            {known.map((c) => (
              <option key={c.id} value={c.id}>
                {c.caseNumber}
              </option>
            ))}
          </SelectField>
        ) : (
          <TextField
            label={t('Linked criminal case')}
            hint={t('The id of a criminal case you can open (from its page address). Leave empty for none.')}
            value={criminalCaseId}
            onChange={(e) => setCriminalCaseId(e.target.value)}
            error={fieldErrorOf(decide.error, 'criminalCaseId')}
            spellCheck={false}
            data-testid="decision-case-id"
          />
        )}
      </div>
      <TextAreaField
        label={t('Outcome')}
        hint={t('The reporter sees this with the status. Required to close the complaint. Do not name the reporter.')}
        rows={3}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        error={fieldErrorOf(decide.error, 'outcome')}
        data-testid="decision-outcome"
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={decide.isPending}
          data-testid="decision-submit"
        >
          {t('Save')}
        </button>
      </div>
    </form>
  );
}

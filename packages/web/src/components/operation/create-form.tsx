import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateOperation } from '../../prosecution/operation-queries';
import { useCriminalCases } from '../../prosecution/queries';
import { useCurrentUser } from '../../queries';
import { Alert, SelectField, TextAreaField, TextField } from '../field';
import { fieldErrorOf, formProblem } from '../problem';
import { OfficersField } from './officers-field';

const FIELDS = ['codeName', 'plannedFor', 'target', 'briefing', 'criminalCaseId', 'namedOfficerIds'];

/** Plans an operation under a code name; only its named officers see it until it is carried out. */
export function CreateOperationForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const create = useCreateOperation();
  const cases = useCriminalCases('open', user.actions.includes('criminal_case.read'));
  const [codeName, setCodeName] = useState('');
  const [plannedFor, setPlannedFor] = useState('');
  const [target, setTarget] = useState('');
  const [briefing, setBriefing] = useState('');
  const [criminalCaseId, setCriminalCaseId] = useState('');
  const [officers, setOfficers] = useState<string[]>([]);
  const [checked, setChecked] = useState(false);
  const error = (path: string, value?: string) =>
    checked && value !== undefined && !value.trim() ? t('This field is required.') : fieldErrorOf(create.error, path);
  const general = formProblem(create.error, FIELDS, t);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!codeName.trim() || !plannedFor || !target.trim()) return;
    create.mutate(
      {
        codeName: codeName.trim(),
        plannedFor,
        target: target.trim(),
        ...(briefing.trim() && { briefing: briefing.trim() }),
        ...(criminalCaseId && { criminalCaseId }),
        namedOfficerIds: officers,
      },
      { onSuccess: ({ operation }) => void navigate(`/operations/${operation.id}`) },
    );
  };

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate data-testid="operation-form">
      <h2>{t('Plan an operation')}</h2>
      {general && <Alert>{general}</Alert>}
      <div className="form-grid">
        <TextField
          label={t('Code name')}
          value={codeName}
          onChange={(e) => setCodeName(e.target.value)}
          error={error('codeName', codeName)}
          data-testid="operation-code-name"
        />
        <TextField
          label={t('Planned for')}
          type="date"
          value={plannedFor}
          onChange={(e) => setPlannedFor(e.target.value)}
          error={error('plannedFor', plannedFor)}
          data-testid="operation-planned-for"
        />
        <TextField
          label={t('Target')}
          hint={t('The place or business, as briefly as the team needs.')}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          error={error('target', target)}
          data-testid="operation-target"
        />
        {cases.data && (
          <SelectField
            label={t('Criminal case (optional)')}
            value={criminalCaseId}
            onChange={(e) => setCriminalCaseId(e.target.value)}
            error={error('criminalCaseId')}
            data-testid="operation-case"
          >
            <option value="">{t('None')}</option>
            {cases.data.cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.caseNumber}
              </option>
            ))}
          </SelectField>
        )}
        <TextAreaField
          label={t('Briefing (optional)')}
          value={briefing}
          onChange={(e) => setBriefing(e.target.value)}
          error={error('briefing')}
          data-testid="operation-briefing"
        />
        <OfficersField value={officers} onChange={setOfficers} error={error('namedOfficerIds')} />
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending}
          data-testid="operation-submit"
        >
          {t('Plan the operation')}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}

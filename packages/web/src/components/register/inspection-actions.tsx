import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SEXES } from '../../protection/labels';
import { today } from '../../protection/queries';
import { useCurrentUser } from '../../queries';
import { parseNumber } from '../../registers/form';
import { useReferPolice, useReferProtection } from '../../registers/queries';
import type { RegisterRecord } from '../../registers/types';
import { Section } from '../case/section';
import { Alert, SelectField, TextField } from '../field';
import { fieldErrorOf, formProblem } from '../problem';
import { OrgSelect } from '../protection/config-fields';

type Open = 'none' | 'protection' | 'police';

/**
 * An inspection's one-step outcomes: a victim case opened for a worker found (by the inspectorate,
 * source "labour inspection"), or the findings referred to a police unit (which then sees the inspection).
 */
export function InspectionActions({ record }: { record: RegisterRecord }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [open, setOpen] = useState<Open>('none');
  const mayOpenCase = user.actions.includes('case.write');
  return (
    <Section title={t('Act on the findings')} testId="inspection-actions">
      {open === 'none' && (
        <p className="register-buttons register-actions">
          {mayOpenCase && (
            <button
              type="button"
              className="button"
              onClick={() => setOpen('protection')}
              data-testid="refer-protection"
            >
              {t('Open a victim case for a worker found')}
            </button>
          )}
          <button type="button" className="button" onClick={() => setOpen('police')} data-testid="refer-police">
            {t('Refer to police')}
          </button>
        </p>
      )}
      {open === 'protection' && <ReferProtectionForm id={record.id} onDone={() => setOpen('none')} />}
      {open === 'police' && <ReferPoliceForm id={record.id} onDone={() => setOpen('none')} />}
    </Section>
  );
}

function ReferProtectionForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const refer = useReferProtection(id);
  const [occurredOn, setOccurredOn] = useState(today);
  const [sex, setSex] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [checked, setChecked] = useState<Record<string, string>>({});
  const general = formProblem(refer.error, ['occurredOn', 'person'], t);
  const error = (field: string) => checked[field] ?? fieldErrorOf(refer.error, field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const year = birthYear.trim() ? parseNumber(birthYear) : null;
    const problems: Record<string, string> = {};
    if (!occurredOn) problems['occurredOn'] = t('This field is required.');
    if (birthYear.trim() && (year === null || !Number.isInteger(year))) {
      problems['person.birthYear'] = t('Enter a whole number, e.g. 12.');
    }
    setChecked(problems);
    if (Object.keys(problems).length > 0) return;
    const person = sex || year !== null ? { sex: sex || null, birthYear: year } : undefined;
    refer.mutate({ occurredOn, ...(person && { person }) });
  };

  if (refer.isSuccess) {
    return (
      <Alert kind="success" testId="refer-protection-done">
        {t('A victim case was opened.')}{' '}
        <Link to={`/cases/${refer.data.caseId}`} data-testid="refer-protection-case">
          {refer.data.caseNumber ?? t('Open the case')}
        </Link>{' '}
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('Close')}
        </button>
      </Alert>
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="refer-protection-form">
      <h3>{t('Open a victim case for a worker found')}</h3>
      <p className="field-hint">
        {t(
          'The case is opened by your organisation, from this inspection. The worker’s details are optional here and can be added on the case.',
        )}
      </p>
      {general && <Alert>{general}</Alert>}
      <div className="form-grid">
        <TextField
          label={t('Date')}
          type="date"
          value={occurredOn}
          onChange={(e) => setOccurredOn(e.target.value)}
          error={error('occurredOn')}
          data-testid="refer-protection-date"
        />
        <SelectField
          label={t('Sex')}
          value={sex}
          onChange={(e) => setSex(e.target.value)}
          error={error('person.sex')}
          data-testid="refer-protection-sex"
        >
          <option value="">{t('Not recorded')}</option>
          {Object.entries(SEXES).map(([code, key]) => (
            <option key={code} value={code}>
              {t(key)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('Birth year')}
          inputMode="numeric"
          value={birthYear}
          onChange={(e) => setBirthYear(e.target.value)}
          error={error('person.birthYear')}
          data-testid="refer-protection-birth-year"
        />
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={refer.isPending}
          data-testid="refer-protection-submit"
        >
          {t('Open the victim case')}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}

function ReferPoliceForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const refer = useReferPolice(id);
  const [occurredOn, setOccurredOn] = useState(today);
  const [police, setPolice] = useState('');
  const [checked, setChecked] = useState(false);
  const fields = ['occurredOn', 'policeOrganisationId', 'referredToPoliceOrganisationId', 'referredToPoliceOn'];
  const general = formProblem(refer.error, fields, t);
  const required = (value: string) => (checked && !value ? t('This field is required.') : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!occurredOn || !police) return;
    refer.mutate({ occurredOn, policeOrganisationId: police }, { onSuccess: onDone });
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="refer-police-form">
      <h3>{t('Refer to police')}</h3>
      <p className="field-hint">{t('The police unit will see this inspection and its findings.')}</p>
      {general && <Alert>{general}</Alert>}
      <div className="form-grid">
        <TextField
          label={t('Date')}
          type="date"
          value={occurredOn}
          onChange={(e) => setOccurredOn(e.target.value)}
          error={required(occurredOn) ?? fieldErrorOf(refer.error, 'occurredOn')}
          data-testid="refer-police-date"
        />
        <OrgSelect
          label={t('Police unit')}
          types={['police']}
          value={police}
          onChange={setPolice}
          error={
            required(police) ??
            fieldErrorOf(refer.error, 'policeOrganisationId') ??
            fieldErrorOf(refer.error, 'referredToPoliceOrganisationId')
          }
          data-testid="refer-police-unit"
        />
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={refer.isPending}
          data-testid="refer-police-submit"
        >
          {t('Refer to police')}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}

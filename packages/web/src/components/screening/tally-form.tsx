import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api';
import { SITES } from '../../protection/labels';
import { today } from '../../protection/queries';
import { Alert, SelectField, TextField } from '../field';
import { fieldErrorOf, formProblem } from '../problem';

interface Tally {
  site: string;
  day: string;
  screened: number;
  indicated: number;
}

const FIELDS = ['site', 'day', 'screened', 'indicated'];

/** High-volume sites: how many were screened in a day and how many indicated, without identities. */
export function TallyForm() {
  const { t } = useTranslation();
  const [site, setSite] = useState('border_transit_centre');
  const [day, setDay] = useState(today);
  const [screened, setScreened] = useState('');
  const [indicated, setIndicated] = useState('0');
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: (body: Tally) => post<{ screened: number; indicated: number }>('/api/screenings/tallies', body),
  });

  const required = (v: string) => (checked && v.trim() === '' ? t('This field is required.') : undefined);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!site || !day || screened === '' || indicated === '') return;
    save.mutate({ site, day, screened: Number(screened), indicated: Number(indicated) });
  };
  const error = save.error;
  const general = formProblem(error, FIELDS, t);

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="tally-form">
      <p className="field-hint">
        {t('For sites that screen many people a day: record the numbers only. No identity is kept.')}
      </p>
      {general && <Alert>{general}</Alert>}
      {save.data && (
        <Alert kind="success" testId="tally-saved">
          {t('Recorded. Total for the day: {{screened}} screened, {{indicated}} indicated.', save.data)}
        </Alert>
      )}
      <div className="form-grid">
        <SelectField
          label={t('Site')}
          value={site}
          onChange={(e) => setSite(e.target.value)}
          error={fieldErrorOf(error, 'site')}
        >
          {Object.entries(SITES).map(([code, key]) => (
            <option key={code} value={code}>
              {t(key)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('Day')}
          type="date"
          value={day}
          onChange={(e) => setDay(e.target.value)}
          error={required(day) ?? fieldErrorOf(error, 'day')}
        />
        <TextField
          label={t('People screened')}
          inputMode="numeric"
          value={screened}
          onChange={(e) => setScreened(e.target.value.replace(/\D/g, ''))}
          error={required(screened) ?? fieldErrorOf(error, 'screened')}
          data-testid="tally-screened"
        />
        <TextField
          label={t('Of whom possible victims')}
          inputMode="numeric"
          value={indicated}
          onChange={(e) => setIndicated(e.target.value.replace(/\D/g, ''))}
          error={required(indicated) ?? fieldErrorOf(error, 'indicated')}
          data-testid="tally-indicated"
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending} data-testid="tally-submit">
          {t('Record the tally')}
        </button>
      </div>
    </form>
  );
}

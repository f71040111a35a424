import { useTranslation } from 'react-i18next';
import { SEXES } from '../../protection/labels';
import { CountryField } from '../protection/config-fields';
import { SelectField, TextField } from '../field';
import { fieldErrorOf } from '../problem';

export interface PersonInput {
  sex: string;
  birthYear: string;
  nationality: string;
  nameKhmer: string;
  nameLatin: string;
  phone: string;
}

export const EMPTY_PERSON: PersonInput = {
  sex: '',
  birthYear: '',
  nationality: '',
  nameKhmer: '',
  nameLatin: '',
  phone: '',
};

/** The person as the API takes it, or null when nothing was filled in. */
export function personBody(p: PersonInput) {
  const filled = Object.values(p).some((v) => v.trim() !== '');
  if (!filled) return null;
  const names = [
    ...(p.nameKhmer.trim() ? [{ script: 'khmr', full: p.nameKhmer.trim() }] : []),
    ...(p.nameLatin.trim() ? [{ script: 'latn', full: p.nameLatin.trim() }] : []),
  ];
  const phones = p.phone.trim() ? [p.phone.trim()] : [];
  const year = p.birthYear.trim();
  return {
    sex: p.sex || null,
    birthYear: year ? Number(year) : null,
    nationality: p.nationality || null,
    identity: names.length > 0 || phones.length > 0 ? { names, phones } : null,
  };
}

interface Props {
  value: PersonInput;
  onChange: (value: PersonInput) => void;
  consent: boolean;
  onConsent: (consent: boolean) => void;
  error: unknown;
}

/** Optional: who was screened. Identity (names, phone) is stored encrypted, and only when allowed. */
export function PersonBlock({ value, onChange, consent, onConsent, error }: Props) {
  const { t } = useTranslation();
  const set = (key: keyof PersonInput, v: string) => onChange({ ...value, [key]: v });
  // The server's refusals of the person as a whole, said in the user's language.
  const refused = fieldErrorOf(error, 'person', true) !== undefined;
  const blockError = refused
    ? personBody(value)
      ? t('Nothing is indicated, so the person’s details are kept only with their consent.')
      : t('A possible victim must be recorded as a person: give at least the sex or the birth year.')
    : fieldErrorOf(error, 'person.identity.names');
  const sexes = Object.keys(SEXES);
  return (
    <fieldset className="panel form" data-testid="person-block">
      <legend>{t('The person screened (optional)')}</legend>
      <p className="field-hint">
        {t(
          'A possible victim is recorded as a person so that a case can be opened. When nothing is indicated, the person is kept only with their consent.',
        )}
      </p>
      {blockError && (
        <p className="field-error" role="alert" data-testid="person-error">
          {blockError}
        </p>
      )}
      <div className="form-grid">
        <SelectField
          label={t('Sex')}
          value={value.sex}
          onChange={(e) => set('sex', e.target.value)}
          error={fieldErrorOf(error, 'person.sex')}
          data-testid="person-sex"
        >
          <option value="">{t('Not recorded')}</option>
          {sexes.map((s) => (
            <option key={s} value={s}>
              {t(SEXES[s]!)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('Birth year (or estimate)')}
          inputMode="numeric"
          maxLength={4}
          value={value.birthYear}
          onChange={(e) => set('birthYear', e.target.value.replace(/\D/g, ''))}
          error={fieldErrorOf(error, 'person.birthYear')}
          data-testid="person-birth-year"
        />
        <CountryField
          label={t('Nationality')}
          withHome
          placeholder={t('Not recorded')}
          value={value.nationality}
          onChange={(v) => set('nationality', v)}
          error={fieldErrorOf(error, 'person.nationality')}
          data-testid="person-nationality"
        />
        <TextField
          label={t('Name in Khmer script')}
          lang="km"
          value={value.nameKhmer}
          onChange={(e) => set('nameKhmer', e.target.value)}
          data-testid="person-name-khmer"
        />
        <TextField
          label={t('Name in Latin script')}
          lang="en"
          value={value.nameLatin}
          onChange={(e) => set('nameLatin', e.target.value)}
          data-testid="person-name-latin"
        />
        <TextField
          label={t('Phone')}
          type="tel"
          value={value.phone}
          onChange={(e) => set('phone', e.target.value)}
          error={fieldErrorOf(error, 'person.identity.phones')}
          data-testid="person-phone"
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={consent}
          onChange={(e) => onConsent(e.target.checked)}
          data-testid="person-consent"
        />
        <span>{t('The person consents to keeping their identity')}</span>
      </label>
    </fieldset>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddSuspect } from '../../../prosecution/queries';
import { SEXES } from '../../../protection/labels';
import { EventForm } from '../../case/event-form';
import { SelectField, TextField } from '../../field';
import { CountryField } from '../../protection/config-fields';
import { EMPTY_PERSON, personBody, type PersonInput } from '../../screening/person-block';
import type { CriminalFormProps } from './props';

/**
 * Adds a suspect: a new person (names kept encrypted with the person, never in the case), their
 * nationality, whether a public official (complicity: oversight sees the case), arrested or not.
 */
export function SuspectForm({ caseId, record, onDone }: CriminalFormProps) {
  const { t } = useTranslation();
  const recorder = useAddSuspect(caseId);
  const [person, setPerson] = useState<PersonInput>(EMPTY_PERSON);
  const [official, setOfficial] = useState(false);
  const [position, setPosition] = useState('');
  const [agency, setAgency] = useState('');
  const [arrested, setArrested] = useState(false);
  const set = (key: keyof PersonInput, value: string) => setPerson({ ...person, [key]: value });
  return (
    <EventForm
      caseId={caseId}
      version={record.state.version}
      recorder={recorder}
      title={t('Add a suspect')}
      submitLabel={t('Add the suspect')}
      testId="suspect-form"
      fields={['person', 'nationality', 'publicOfficial', 'arrested', 'personId']}
      onDone={onDone}
      build={(occurredOn) => {
        if (!person.nationality || (official && (!position.trim() || !agency.trim()))) return null;
        const body = personBody(person);
        return {
          type: 'suspect_added',
          occurredOn,
          nationality: person.nationality,
          ...(body && { person: body }),
          ...(official && { publicOfficial: { position: position.trim(), agency: agency.trim() } }),
          ...(arrested && { arrested: true }),
        };
      }}
    >
      {(error) => (
        <>
          <TextField
            label={t('Name in Khmer script')}
            lang="km"
            value={person.nameKhmer}
            onChange={(e) => set('nameKhmer', e.target.value)}
            error={error('person.identity.names')}
            data-testid="suspect-name-khmer"
          />
          <TextField
            label={t('Name in Latin script')}
            lang="en"
            value={person.nameLatin}
            onChange={(e) => set('nameLatin', e.target.value)}
            data-testid="suspect-name-latin"
          />
          <SelectField
            label={t('Sex')}
            value={person.sex}
            onChange={(e) => set('sex', e.target.value)}
            error={error('person.sex')}
            data-testid="suspect-sex"
          >
            <option value="">{t('Not recorded')}</option>
            {Object.entries(SEXES).map(([code, key]) => (
              <option key={code} value={code}>
                {t(key)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('Birth year (or estimate)')}
            inputMode="numeric"
            maxLength={4}
            value={person.birthYear}
            onChange={(e) => set('birthYear', e.target.value.replace(/\D/g, ''))}
            error={error('person.birthYear')}
            data-testid="suspect-birth-year"
          />
          <CountryField
            label={t('Nationality')}
            withHome
            value={person.nationality}
            onChange={(v) => set('nationality', v)}
            error={error('nationality', person.nationality) ?? error('person.nationality')}
            data-testid="suspect-nationality"
          />
          <label className="checkbox field-wide">
            <input
              type="checkbox"
              checked={arrested}
              onChange={(e) => setArrested(e.target.checked)}
              data-testid="suspect-arrested"
            />
            <span>{t('Arrested on this date')}</span>
          </label>
          <label className="checkbox field-wide">
            <input
              type="checkbox"
              checked={official}
              onChange={(e) => setOfficial(e.target.checked)}
              data-testid="suspect-official"
            />
            <span>{t('A public official (the oversight body is told)')}</span>
          </label>
          {official && (
            <>
              <TextField
                label={t('Position')}
                value={position}
                onChange={(e) => setPosition(e.target.value)}
                error={error('publicOfficial.position', position)}
                data-testid="suspect-position"
              />
              <TextField
                label={t('Agency')}
                value={agency}
                onChange={(e) => setAgency(e.target.value)}
                error={error('publicOfficial.agency', agency)}
                data-testid="suspect-agency"
              />
            </>
          )}
        </>
      )}
    </EventForm>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS, REPATRIATION_STATUSES } from '../../../protection/labels';
import { newId } from '../../../protection/queries';
import { SelectField } from '../../field';
import { CountryField } from '../../protection/config-fields';
import { OrgListField } from '../../protection/org-list-field';
import { EventForm } from '../event-form';
import type { CaseFormProps } from './props';

/** A victim brought home from abroad, or a foreign victim returned home, with the agencies that helped. */
export function RepatriationForm({ caseId, state, onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const [direction, setDirection] = useState('');
  const [country, setCountry] = useState('');
  const [assisting, setAssisting] = useState<string[]>([]);
  const [status, setStatus] = useState('awaiting');
  const options = (labels: Record<string, string>) =>
    Object.entries(labels).map(([code, key]) => (
      <option key={code} value={code}>
        {t(key)}
      </option>
    ));
  return (
    <EventForm
      caseId={caseId}
      version={state.version}
      title={t('Record a repatriation')}
      submitLabel={t('Record the repatriation')}
      testId="repatriation-form"
      fields={['direction', 'country', 'assistingOrganisationIds', 'status', 'repatriationId']}
      onDone={onDone}
      build={(occurredOn) =>
        direction && country
          ? {
              type: 'repatriation_recorded',
              occurredOn,
              repatriationId: newId(),
              direction,
              country,
              assistingOrganisationIds: assisting,
              status,
            }
          : null
      }
    >
      {(error) => (
        <>
          <SelectField
            label={t('Direction')}
            value={direction}
            onChange={(e) => setDirection(e.target.value)}
            error={error('direction', direction)}
            data-testid="repatriation-direction"
          >
            <option value="">{t('Choose…')}</option>
            {options(DIRECTIONS)}
          </SelectField>
          <CountryField
            label={direction === 'foreign_returned_home' ? t('Country returned to') : t('Country returned from')}
            value={country}
            onChange={setCountry}
            error={error('country', country)}
            data-testid="repatriation-country"
          />
          <SelectField
            label={t('Status')}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            error={error('status')}
            data-testid="repatriation-status"
          >
            {options(REPATRIATION_STATUSES)}
          </SelectField>
          <OrgListField
            label={t('Assisting organisations')}
            value={assisting}
            onChange={setAssisting}
            error={error('assistingOrganisationIds')}
            data-testid="repatriation-orgs"
          />
        </>
      )}
    </EventForm>
  );
}

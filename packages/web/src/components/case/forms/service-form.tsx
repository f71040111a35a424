import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_TYPES } from '../../../protection/labels';
import { newId } from '../../../protection/queries';
import { SelectField } from '../../field';
import { OrgSelect } from '../../protection/config-fields';
import { EventForm } from '../event-form';
import type { CaseFormProps } from './props';

/** A service starts (shelter, medical, legal...): who provides it, and whether the state pays. */
export function ServiceForm({ caseId, state, onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const [serviceType, setServiceType] = useState('');
  const [provider, setProvider] = useState('');
  const [governmentFunded, setGovernmentFunded] = useState(false);
  return (
    <EventForm
      caseId={caseId}
      version={state.version}
      title={t('Start a service')}
      submitLabel={t('Start the service')}
      testId="service-form"
      fields={['serviceType', 'providerOrganisationId', 'governmentFunded', 'serviceId']}
      onDone={onDone}
      build={(occurredOn) =>
        serviceType && provider
          ? {
              type: 'service_started',
              occurredOn,
              serviceId: newId(),
              serviceType,
              providerOrganisationId: provider,
              governmentFunded,
            }
          : null
      }
    >
      {(error) => (
        <>
          <SelectField
            label={t('Service')}
            value={serviceType}
            onChange={(e) => setServiceType(e.target.value)}
            error={error('serviceType', serviceType)}
            data-testid="service-type"
          >
            <option value="">{t('Choose…')}</option>
            {Object.entries(SERVICE_TYPES).map(([code, key]) => (
              <option key={code} value={code}>
                {t(key)}
              </option>
            ))}
          </SelectField>
          <OrgSelect
            label={t('Provider')}
            value={provider}
            onChange={setProvider}
            error={error('providerOrganisationId', provider)}
            data-testid="service-provider"
          />
          <label className="checkbox">
            <input type="checkbox" checked={governmentFunded} onChange={(e) => setGovernmentFunded(e.target.checked)} />
            <span>{t('Funded by the government')}</span>
          </label>
        </>
      )}
    </EventForm>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../protection/queries';
import { useCurrentUser } from '../../../queries';
import { TextAreaField } from '../../field';
import { OrgSelect } from '../../protection/config-fields';
import { EventForm } from '../event-form';
import type { CaseFormProps } from './props';

/**
 * Refers the case to another organisation. Without an active consent to referral, only a user with
 * the consent-override permission may refer, giving the reason the referral cannot wait.
 */
export function ReferralForm({ caseId, state, onDone }: CaseFormProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState('');
  const hasConsent = state.consents.some((c) => c.active && c.purposes.includes('referral'));
  const mayOverride = user.actions.includes('case.consent_override');
  const from = user.organisation.id;
  const showOverride = !hasConsent && mayOverride;

  return (
    <EventForm
      caseId={caseId}
      version={state.version}
      title={t('Refer to an organisation')}
      submitLabel={t('Refer')}
      testId="referral-form"
      fields={['toOrganisationId', 'fromOrganisationId', 'reason', ...(showOverride ? ['consentOverride'] : [])]}
      onDone={onDone}
      build={(occurredOn) => {
        if (!to || !reason.trim() || (showOverride && !override.trim())) return null;
        return {
          type: 'referral_made',
          occurredOn,
          referralId: newId(),
          fromOrganisationId: from,
          toOrganisationId: to,
          reason: reason.trim(),
          ...(!hasConsent && override.trim() && { consentOverride: { reason: override.trim() } }),
        };
      }}
    >
      {(error) => (
        <>
          <OrgSelect
            label={t('Refer to')}
            value={to}
            onChange={setTo}
            exclude={[from]}
            error={error('toOrganisationId', to) ?? error('fromOrganisationId')}
            data-testid="referral-to"
          />
          <TextAreaField
            label={t('Reason for the referral')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={error('reason', reason)}
            data-testid="referral-reason"
          />
          {showOverride && (
            <TextAreaField
              label={t('Why the referral cannot wait for consent')}
              hint={t('No consent to referral is recorded. Give the reason (at least 20 characters); it is audited.')}
              value={override}
              onChange={(e) => setOverride(e.target.value)}
              error={error('consentOverride', override)}
              data-testid="referral-override"
            />
          )}
          {!hasConsent && !mayOverride && (
            <p className="alert alert-info field-wide">
              {t('No consent to referral is recorded. Record the person’s consent first.')}
            </p>
          )}
        </>
      )}
    </EventForm>
  );
}

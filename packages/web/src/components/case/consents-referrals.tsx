import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_GIVERS, CONSENT_PURPOSES, label, REFERRAL_STATUSES } from '../../protection/labels';
import { useNames } from '../../protection/names';
import type { CaseState, Referral } from '../../protection/types';
import { useCurrentUser } from '../../queries';
import { TextAreaField } from '../field';
import { InlineAction } from './inline-action';
import { Section } from './section';

interface Props {
  caseId: string;
  state: CaseState;
  canWrite: boolean;
}

/** The consents (purpose-scoped, withdrawable) and the referrals, with their answers. */
export function ConsentsAndReferrals({ caseId, state, canWrite }: Props) {
  const { t } = useTranslation();
  const names = useNames();
  const user = useCurrentUser();
  const version = state.version;
  return (
    <>
      <Section title={t('Consents')} testId="case-consents">
        {state.consents.length === 0 && <p className="muted">{t('None recorded.')}</p>}
        <ul className="items">
          {state.consents.map((c) => (
            <li key={c.consentId} className={c.active ? '' : 'item-past'} data-testid="consent-item">
              <strong>{c.purposes.map((p) => label(CONSENT_PURPOSES, p, t)).join(', ')}</strong>
              <div className="muted">
                {t('Given by: {{who}}, on {{date}}', { who: label(CONSENT_GIVERS, c.givenBy, t), date: c.givenOn })}
                {c.withdrawnOn && `; ${t('withdrawn on {{date}}', { date: c.withdrawnOn })}`}
              </div>
              {canWrite && c.active && (
                <InlineAction
                  caseId={caseId}
                  version={version}
                  label={t('Withdraw')}
                  testId="consent-withdraw"
                  build={(occurredOn) => ({ type: 'consent_withdrawn', occurredOn, consentId: c.consentId })}
                />
              )}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('Referrals')} testId="case-referrals">
        {state.referrals.length === 0 && <p className="muted">{t('None recorded.')}</p>}
        <ul className="items">
          {state.referrals.map((r) => (
            <li key={r.referralId} data-testid="referral-item" data-status={r.status}>
              <div>
                <strong>
                  {names.org(r.fromOrganisationId)} → {names.org(r.toOrganisationId)}
                </strong>{' '}
                <span className={`badge badge-${r.status}`} data-testid="referral-status">
                  {label(REFERRAL_STATUSES, r.status, t)}
                </span>
              </div>
              <div className="muted">
                {t('Referred on {{date}}', { date: r.madeOn })}
                {r.answeredOn && `; ${t('answered on {{date}}', { date: r.answeredOn })}`}
              </div>
              <div>{r.reason}</div>
              {r.consentOverride && (
                <div className="muted">{t('Without consent: {{reason}}', { reason: r.consentOverride.reason })}</div>
              )}
              {r.answerReason && <div className="muted">{r.answerReason}</div>}
              {canWrite && r.status === 'pending' && r.toOrganisationId === user.organisation.id && (
                <ReferralAnswer caseId={caseId} version={version} referral={r} />
              )}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}

/** The receiving organisation accepts the referral, or declines it saying why. */
function ReferralAnswer({ caseId, version, referral }: { caseId: string; version: number; referral: Referral }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const base = { referralId: referral.referralId };
  return (
    <div className="row-actions">
      <InlineAction
        caseId={caseId}
        version={version}
        label={t('Accept')}
        testId="referral-accept"
        build={(occurredOn) => ({ type: 'referral_answered', occurredOn, ...base, answer: 'accepted' })}
      />
      <InlineAction
        caseId={caseId}
        version={version}
        label={t('Decline')}
        testId="referral-decline"
        fields={['reason']}
        build={(occurredOn) =>
          reason.trim()
            ? { type: 'referral_answered', occurredOn, ...base, answer: 'declined', reason: reason.trim() }
            : null
        }
      >
        {(error) => (
          <TextAreaField
            label={t('Why the referral is declined')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={error('reason', reason)}
          />
        )}
      </InlineAction>
    </div>
  );
}

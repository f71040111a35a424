import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS, label, REPATRIATION_STATUSES, SERVICE_STATUSES, SERVICE_TYPES } from '../../protection/labels';
import { useNames } from '../../protection/names';
import type { CaseState, RestitutionOrder } from '../../protection/types';
import { TextField } from '../field';
import { InlineAction } from './inline-action';
import { Section } from './section';

interface Props {
  caseId: string;
  state: CaseState;
  canWrite: boolean;
}

/** Services, repatriations and restitution orders, each with the step that follows. */
export function ServicesAndRepatriations({ caseId, state, canWrite }: Props) {
  const { t } = useTranslation();
  const names = useNames();
  const version = state.version;
  return (
    <>
      <Section title={t('Services')} testId="case-services">
        {state.services.length === 0 && <p className="muted">{t('None recorded.')}</p>}
        <ul className="items">
          {state.services.map((s) => (
            <li key={s.serviceId} data-testid="service-item" data-status={s.status}>
              <div>
                <strong>{label(SERVICE_TYPES, s.serviceType, t)}</strong> — {names.org(s.providerOrganisationId)}{' '}
                <span className={`badge badge-${s.status}`}>{label(SERVICE_STATUSES, s.status, t)}</span>
              </div>
              <div className="muted">
                {s.endedOn ? `${s.startedOn} – ${s.endedOn}` : t('since {{date}}', { date: s.startedOn })}
                {s.governmentFunded && `; ${t('funded by the government')}`}
              </div>
              {canWrite && s.status === 'open' && (
                <InlineAction
                  caseId={caseId}
                  version={version}
                  label={t('End the service')}
                  testId="service-end"
                  build={(occurredOn) => ({ type: 'service_ended', occurredOn, serviceId: s.serviceId })}
                />
              )}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('Repatriations')} testId="case-repatriations">
        {state.repatriations.length === 0 && <p className="muted">{t('None recorded.')}</p>}
        <ul className="items">
          {state.repatriations.map((r) => (
            <li key={r.repatriationId} data-testid="repatriation-item" data-status={r.status}>
              <div>
                <strong>{label(DIRECTIONS, r.direction, t)}</strong> — {names.country(r.country)}{' '}
                <span className={`badge badge-${r.status}`} data-testid="repatriation-status-badge">
                  {label(REPATRIATION_STATUSES, r.status, t)}
                </span>
              </div>
              <div className="muted">
                {t('Recorded on {{date}}', { date: r.recordedOn })}
                {r.completedOn && `; ${t('completed on {{date}}', { date: r.completedOn })}`}
              </div>
              {r.assistingOrganisationIds.length > 0 && (
                <div>{t('Assisted by: {{orgs}}', { orgs: r.assistingOrganisationIds.map(names.org).join(', ') })}</div>
              )}
              {canWrite && r.status === 'awaiting' && (
                <InlineAction
                  caseId={caseId}
                  version={version}
                  label={t('Mark completed')}
                  testId="repatriation-complete"
                  build={(occurredOn) => ({
                    type: 'repatriation_completed',
                    occurredOn,
                    repatriationId: r.repatriationId,
                  })}
                />
              )}
            </li>
          ))}
        </ul>
      </Section>
      {(state.restitutionOrders.length > 0 || canWrite) && (
        <Section title={t('Restitution')} testId="case-restitution">
          {state.restitutionOrders.length === 0 && <p className="muted">{t('None recorded.')}</p>}
          <ul className="items">
            {state.restitutionOrders.map((o) => (
              <RestitutionItem key={o.orderId} caseId={caseId} version={version} order={o} canWrite={canWrite} />
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

function RestitutionItem(props: { caseId: string; version: number; order: RestitutionOrder; canWrite: boolean }) {
  const { caseId, version, order, canWrite } = props;
  const { t, i18n } = useTranslation();
  const [amount, setAmount] = useState('');
  const money = (n: number) => `${n.toLocaleString(i18n.language)} ${order.currency}`;
  const balance = Math.max(0, order.amount - order.paid);
  return (
    <li data-testid="restitution-item">
      <div>
        <strong>{t('Ordered {{amount}} on {{date}}', { amount: money(order.amount), date: order.orderedOn })}</strong>
        {order.courtCaseReference && <span className="muted"> — {order.courtCaseReference}</span>}
      </div>
      <div>{t('Paid {{paid}}; still owed {{balance}}', { paid: money(order.paid), balance: money(balance) })}</div>
      {order.payments.length > 0 && (
        <div className="muted">{order.payments.map((p) => `${p.on}: ${money(p.amount)}`).join('; ')}</div>
      )}
      {canWrite && balance > 0 && (
        <InlineAction
          caseId={caseId}
          version={version}
          label={t('Record a payment')}
          testId="restitution-pay"
          fields={['amount']}
          build={(occurredOn) =>
            amount ? { type: 'restitution_paid', occurredOn, orderId: order.orderId, amount: Number(amount) } : null
          }
        >
          {(error) => (
            <TextField
              label={t('Amount paid')}
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value.replace(/[^\d.]/g, ''))}
              error={error('amount', amount)}
            />
          )}
        </InlineAction>
      )}
    </li>
  );
}

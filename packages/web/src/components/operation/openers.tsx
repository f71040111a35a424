import { useTranslation } from 'react-i18next';
import { useOpeners } from '../../prosecution/operation-queries';
import { Section } from '../case/section';
import { formatDateTime } from '../format';
import { ErrorPanel, Loading } from '../status';

/** For the owner: who opened the operation, or tried to, before it was carried out. */
export function OperationOpeners({ operationId }: { operationId: string }) {
  const { t, i18n } = useTranslation();
  const openers = useOpeners(operationId, true);
  return (
    <Section title={t('Who opened it before it was carried out')} testId="operation-openers">
      {openers.isPending && <Loading />}
      {openers.isError && <ErrorPanel error={openers.error} onRetry={() => void openers.refetch()} />}
      {openers.data && openers.data.openers.length === 0 && <p className="muted">{t('No one yet.')}</p>}
      {openers.data && openers.data.openers.length > 0 && (
        <ul className="items">
          {openers.data.openers.map((o, i) => (
            <li key={i} data-testid="opener-item" data-outcome={o.outcome}>
              <strong>{o.displayName ?? o.userId}</strong>{' '}
              <span className={`badge badge-${o.outcome}`}>{o.outcome === 'allowed' ? t('Allowed') : t('Denied')}</span>
              <div className="muted">{formatDateTime(o.at, i18n.language)}</div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

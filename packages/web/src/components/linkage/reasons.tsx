import { useTranslation } from 'react-i18next';
import { label } from '../../protection/labels';
import { AGREEMENTS, LINKAGE_FIELDS } from './labels';
import type { LinkageReason } from './types';

/** How each field compared and what it added to the score: the pair's explanation. */
export function Reasons({ reasons }: { reasons: LinkageReason[] }) {
  const { t } = useTranslation();
  return (
    <ul className="linkage-reasons" data-testid="linkage-reasons">
      {reasons.map((r) => (
        <li key={r.field} className={`linkage-reason linkage-${r.agreement}`}>
          <strong>{label(LINKAGE_FIELDS, r.field, t)}</strong>{' '}
          <span className={`badge linkage-badge-${r.agreement}`}>{label(AGREEMENTS, r.agreement, t)}</span>
          {r.shared !== undefined && r.of !== undefined && (
            <span className="muted"> {t('{{shared}} of {{of}} name indexes', { shared: r.shared, of: r.of })}</span>
          )}{' '}
          <span className="muted">
            {r.weight >= 0 ? '+' : '−'}
            {Math.abs(r.weight).toFixed(2)}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function Score({ score }: { score: number }) {
  const { t } = useTranslation();
  return (
    <span className="linkage-score" title={t('Score (0 to 1)')}>
      {score.toFixed(2)}
    </span>
  );
}

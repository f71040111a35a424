import { useTranslation } from 'react-i18next';
import { useNames } from '../../protection/names';
import { formatDateTime } from '../format';
import { Reasons, Score } from './reasons';
import type { Proposal, ProposalStatus } from './types';

/** Proposed, confirmed or rejected pairs: score, the two recording organisations, per-field reasons. */
export function QueueTable({
  status,
  proposals,
  onOpen,
  onUndo,
  undoing,
}: {
  status: ProposalStatus;
  proposals: Proposal[];
  onOpen: (id: string) => void;
  onUndo: (linkId: string) => void;
  undoing: boolean;
}) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  if (proposals.length === 0)
    return (
      <p data-testid="linkage-empty">{status === 'proposed' ? t('No pairs to review.') : t('No pairs here yet.')}</p>
    );
  return (
    <div className="table-scroll">
      <table className="table" data-testid="linkage-queue">
        <caption className="visually-hidden">{t('Possible matches')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Score')}</th>
            <th scope="col">{t('Recorded by')}</th>
            <th scope="col">{t('Why')}</th>
            {status !== 'proposed' && <th scope="col">{t('Decided')}</th>}
            <th scope="col">
              <span className="visually-hidden">{t('Action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {proposals.map((p) => (
            <tr key={p.id} data-testid="linkage-row">
              <td data-label={t('Score')}>
                <Score score={p.score} />
              </td>
              <td data-label={t('Recorded by')}>
                {names.org(p.a.organisationId)}
                <br />
                {names.org(p.b.organisationId)}
              </td>
              <td data-label={t('Why')}>
                <Reasons reasons={p.reasons} />
              </td>
              {status !== 'proposed' && (
                <td data-label={t('Decided')}>
                  {p.decidedAt ? formatDateTime(p.decidedAt, i18n.language) : '—'}
                  {p.decidedByName && <div className="muted">{p.decidedByName}</div>}
                  {p.automatic && (
                    <div className="badge" data-testid="linkage-automatic">
                      {t('Linked automatically')}
                    </div>
                  )}
                </td>
              )}
              <td>
                <div className="row-actions">
                  <button type="button" className="button" onClick={() => onOpen(p.id)} data-testid="linkage-open">
                    {status === 'proposed' ? t('Review') : t('Open')}
                  </button>
                  {p.linkId && (
                    <button
                      type="button"
                      className="button button-danger"
                      disabled={undoing}
                      onClick={() => onUndo(p.linkId!)}
                      data-testid="linkage-undo"
                    >
                      {t('Undo link')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

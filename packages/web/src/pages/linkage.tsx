import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import '../components/linkage/linkage.css';
import { PROPOSAL_STATUSES } from '../components/linkage/labels';
import { PairView } from '../components/linkage/pair-view';
import { useDecision, useProposals } from '../components/linkage/queries';
import { QueueTable } from '../components/linkage/queue-table';
import { RunPanel } from '../components/linkage/run-panel';
import type { ProposalStatus } from '../components/linkage/types';
import { usePageTitle } from '../components/page-title';
import { ErrorPanel, Loading } from '../components/status';
import { label } from '../protection/labels';

const STATUSES: readonly ProposalStatus[] = ['proposed', 'confirmed', 'rejected'];

/**
 * Linkage review ("one person, one count"): look for possible matches across agencies, review each
 * proposed pair side by side, confirm or reject it, and undo a confirmed link.
 */
export function LinkagePage() {
  const { t } = useTranslation();
  usePageTitle(t('Linkage review'));
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as ProposalStatus)
    : 'proposed';
  const pairId = params.get('pair');
  const proposals = useProposals(status);
  const undo = useDecision();
  const summary = proposals.data?.summary;

  const show = (next: { status?: ProposalStatus; pair?: string | null }) => {
    const p = new URLSearchParams();
    const s = next.status ?? status;
    if (s !== 'proposed') p.set('status', s);
    const pair = next.pair === undefined ? pairId : next.pair;
    if (pair) p.set('pair', pair);
    setParams(p);
  };

  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('Linkage review')}</h1>
      </div>
      <p>
        {t(
          'Pairs of person records that may be one person, found by comparing names, dates of birth, sex, nationality, province and document numbers inside the server. The pairs keep no name, only how each field compared. Confirm a pair only when you are sure.',
        )}
      </p>
      <RunPanel summary={summary} />
      {pairId && <PairView id={pairId} onClose={() => show({ pair: null })} />}
      <div className="linkage-tabs" role="group" aria-label={t('Show pairs')}>
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className={`button${s === status ? ' button-current' : ''}`}
            aria-pressed={s === status}
            onClick={() => show({ status: s, pair: null })}
            data-testid={`linkage-tab-${s}`}
          >
            {label(PROPOSAL_STATUSES, s, t)}
            {summary && ` (${summary[s]})`}
          </button>
        ))}
      </div>
      {undo.isError && <ErrorPanel error={undo.error} />}
      {proposals.isPending && <Loading />}
      {proposals.isError && <ErrorPanel error={proposals.error} onRetry={() => void proposals.refetch()} />}
      {proposals.data && (
        <QueueTable
          status={status}
          proposals={proposals.data.proposals}
          onOpen={(id) => show({ pair: id })}
          onUndo={(linkId) => undo.mutate({ kind: 'undo', linkId })}
          undoing={undo.isPending}
        />
      )}
    </section>
  );
}

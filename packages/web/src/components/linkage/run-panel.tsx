import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import { label } from '../../protection/labels';
import { ErrorPanel } from '../status';
import { RUN_STAGES } from './labels';
import { useLinkageRun, useRunLinkage } from './queries';
import type { LinkageRun, LinkageSummary } from './types';

/**
 * Runs the match proposer over all persons (a background job on the server), shows its progress while
 * it runs, and says what it found.
 */
export function RunPanel({ summary }: { summary: LinkageSummary | undefined }) {
  const { t } = useTranslation();
  const start = useRunLinkage();
  // The run this page started, or one already running when the page opened.
  const followedId = start.data?.run.id ?? summary?.activeRun?.id ?? null;
  const followed = useLinkageRun(followedId);
  const current = followed.data ?? null;
  const running = start.isPending || current?.status === 'running';
  const last = current && current.status !== 'running' ? current : (summary?.lastRun ?? null);
  return (
    <div className="panel" data-testid="linkage-run-panel">
      <p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => start.mutate()}
          disabled={running}
          data-testid="linkage-run"
        >
          {running ? t('Looking for possible matches…') : t('Look for possible matches')}
        </button>
      </p>
      {start.isError && <ErrorPanel error={start.error} />}
      {current?.status === 'running' && <RunProgress run={current} />}
      {current?.status === 'failed' && (
        <div role="alert" className="alert alert-error" data-testid="linkage-run-failed">
          {t('The run failed: {{error}}', { error: current.error ?? '' })}
        </div>
      )}
      {last && last.status === 'finished' && <RunResult run={last} fresh={current?.id === last.id} />}
    </div>
  );
}

function RunProgress({ run }: { run: LinkageRun }) {
  const { t } = useTranslation();
  const stage = label(RUN_STAGES, run.stage ?? 'queued', t);
  return (
    <div role="status" aria-live="polite" data-testid="linkage-run-progress">
      <p>
        {run.total > 0 ? t('{{stage}}: {{done}} of {{total}}', { stage, done: run.done, total: run.total }) : stage}
      </p>
      {run.total > 0 && <progress max={run.total} value={run.done} aria-label={stage} />}
    </div>
  );
}

function RunResult({ run, fresh }: { run: LinkageRun; fresh: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div role="status" data-testid="linkage-run-result" className={fresh ? 'alert alert-success' : undefined}>
      <p>
        {fresh
          ? t('Done: {{persons}} person records compared, {{pairs}} possible pairs found.', {
              persons: run.persons,
              pairs: run.pairs,
            })
          : t('Last run {{when}}: {{persons}} person records compared, {{pairs}} possible pairs found.', {
              persons: run.persons,
              pairs: run.pairs,
              when: run.finishedAt ? formatDateTime(run.finishedAt, i18n.language) : '',
            })}
      </p>
      <p className="muted">
        {t(
          '{{newProposals}} new, {{refreshed}} still to review, {{skippedDecided}} already decided, {{skippedLinked}} already linked, {{withdrawn}} no longer proposed.',
          {
            newProposals: run.newProposals,
            refreshed: run.refreshed,
            skippedDecided: run.skippedDecided,
            skippedLinked: run.skippedLinked,
            withdrawn: run.withdrawn,
          },
        )}
      </p>
      {run.autoLinked > 0 && (
        <p data-testid="linkage-run-auto-linked">
          {t('{{n}} pairs were sure enough to be linked without review (they can be undone).', {
            n: run.autoLinked,
          })}
        </p>
      )}
    </div>
  );
}

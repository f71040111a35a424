import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import { ErrorPanel } from '../status';
import { useRunLinkage } from './queries';
import type { LinkageRun, LinkageSummary } from './types';

/** Runs the match proposer over all persons and says what it found. */
export function RunPanel({ summary }: { summary: LinkageSummary | undefined }) {
  const { t } = useTranslation();
  const run = useRunLinkage();
  const last = run.data?.run ?? summary?.lastRun ?? null;
  return (
    <div className="panel" data-testid="linkage-run-panel">
      <p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => run.mutate()}
          disabled={run.isPending}
          data-testid="linkage-run"
        >
          {run.isPending ? t('Looking for possible matches…') : t('Look for possible matches')}
        </button>
      </p>
      {run.isError && <ErrorPanel error={run.error} />}
      {last && <RunResult run={last} fresh={run.data !== undefined} />}
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
              when: formatDateTime(run.finishedAt, i18n.language),
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
    </div>
  );
}

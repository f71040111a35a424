import { failLinkageRun, reportLinkageProgress, ScopedDb, type LinkageRunResult } from '@ctis/db';
import type { AppContext } from '../context.ts';
import { configuredProposer } from './proposer.ts';

/**
 * Start a linkage run over all persons as a background job, for the reviewer who asked: the run is
 * recorded as running (and audited) before this returns; the work goes on after the response, as the
 * same actor, and the run's progress is written as it goes so that the page can show it.
 */
export async function startLinkageRun(ctx: AppContext, scoped: ScopedDb): Promise<LinkageRunResult> {
  const proposer = configuredProposer(ctx.deps.config);
  const started = await scoped.transaction((tx) => tx.linkageRuns.begin(proposer));
  const db = ctx.deps.db;
  // The request's own scoped database ends with the request: the job gets its own, for the same actor.
  const job = new ScopedDb(db, scoped.actor, scoped.ctx);
  ctx.jobs.start('linkage.run', async () => {
    try {
      await job.transaction((tx) =>
        tx.linkageRuns.execute(started.id, proposer, {
          autoLinkAbove: ctx.deps.config.linkage.autoLinkAbove,
          progress: (stage, done, total) => reportLinkageProgress(db, started.id, stage, done, total),
        }),
      );
    } catch (err) {
      // The message of our own errors names no record value; anything else is reported by its class.
      const message = err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error';
      await failLinkageRun(db, started.id, message);
      throw err;
    }
  });
  return started;
}

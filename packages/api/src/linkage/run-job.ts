import { PERSON_COMPARATORS } from '@ctis/core';
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
      await failLinkageRun(db, started.id, failureText(err));
      throw err;
    }
  });
  return started;
}

/**
 * What a failed run records: the error's class, and for the linker's field errors ("birth_date: …") the
 * field. Never the rest of a message: it may quote the value that could not be read, and a database
 * error quotes its input.
 */
export function failureText(err: unknown): string {
  if (!(err instanceof Error)) return 'unknown error';
  const field = /^([a-z_]+): /.exec(err.message)?.[1];
  return field !== undefined && LINKED_FIELDS.has(field)
    ? `${err.name}: ${field}: a value could not be read`
    : err.name;
}

const LINKED_FIELDS = new Set(PERSON_COMPARATORS.map((c) => c.field));

import type { FastifyBaseLogger } from 'fastify';

/**
 * Work that outlives the request that started it (a linkage run over all persons). The server keeps
 * the promises so that closing it waits for them instead of pulling the database from under a job.
 * A job records its own failure where its user will see it; here a failure is only logged, by its
 * error class and message (jobs must never put record values in their errors).
 */
export class BackgroundJobs {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: () => FastifyBaseLogger) {}

  start(name: string, work: () => Promise<void>): void {
    const job = (async () => {
      // Let the request that started the job answer first.
      await new Promise((resolve) => setImmediate(resolve));
      await work();
    })()
      .catch((err: unknown) => {
        this.log().error({ job: name, error: err instanceof Error ? err.name : 'unknown' }, 'background job failed');
      })
      .finally(() => this.running.delete(job));
    this.running.add(job);
  }

  /** Resolves once every job started so far has ended. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

import { Worker } from 'node:worker_threads';
import {
  identityProposer,
  type IdentityProposerOptions,
  type LinkageRecord,
  type MatchProposer,
  type ProposedPair,
} from '@ctis/core';

/** What the worker answers: the pairs (ids, probabilities, agreement words), or the error's class and message. */
export type WorkerReply =
  | { readonly ok: true; readonly pairs: ProposedPair[] }
  | { readonly ok: false; readonly name: string; readonly message: string };

/** The proposer that answers later, from its worker: a MatchProposer whose propose is always a promise. */
export interface WorkerMatchProposer extends MatchProposer {
  propose(records: readonly LinkageRecord[]): Promise<ProposedPair[]>;
}

/** What the worker is started with: the identity proposer's options, so it builds the same proposer. */
export interface WorkerInput {
  readonly options: IdentityProposerOptions;
}

// A .mjs bootstrap: a new thread has no TypeScript loader (tsx is registered per thread, and vitest's
// transform does not reach it), so the bootstrap registers tsx and then imports propose-worker.ts.
const ENTRY = new URL('./propose-worker.mjs', import.meta.url);

/** Standard error classes are rebuilt as themselves (instanceof holds); others keep their name. */
const STANDARD: Record<string, ErrorConstructor> = { RangeError, TypeError, SyntaxError, ReferenceError, EvalError };

/**
 * The identity proposer (Fellegi–Sunter over decrypted identities), comparing in a worker thread so that
 * the server's event loop stays free during a run. Same id, version, settings and reads as
 * identityProposer: stored runs cannot tell them apart. The records (with their identities) go to the
 * worker by structured clone, in this process's memory only; one worker per propose, always terminated.
 */
export function workerProposer(options: IdentityProposerOptions = {}): WorkerMatchProposer {
  const { id, version, settings, reads } = identityProposer(options);
  return { id, version, settings, reads, propose: (records) => proposeInWorker(options, records) };
}

function proposeInWorker(options: IdentityProposerOptions, records: readonly LinkageRecord[]): Promise<ProposedPair[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY, { workerData: { options } satisfies WorkerInput });
    let settled = false;
    // Settle once, after the thread is gone: a caller that sees the answer never sees a live worker.
    const settle = (then: () => void) => {
      if (settled) return;
      settled = true;
      worker.terminate().then(then, then);
    };
    worker.once('message', (reply: WorkerReply) =>
      settle(() => (reply.ok ? resolve(reply.pairs) : reject(rebuild(reply.name, reply.message)))),
    );
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`the linkage worker stopped (exit code ${code}) without an answer`))),
    );
    try {
      worker.postMessage(records);
    } catch (err) {
      // A record that cannot be cloned: the worker is started already, so end it too.
      settle(() => reject(err));
    }
  });
}

function rebuild(name: string, message: string): Error {
  const err = new (STANDARD[name] ?? Error)(message);
  err.name = name;
  return err;
}

import { parentPort, workerData } from 'node:worker_threads';
import { identityProposer, type LinkageRecord } from '@ctis/core';
import type { WorkerInput, WorkerReply } from './worker-proposer.ts';

// The worker thread's entry (loaded through propose-worker.mjs): one propose, one reply, then the parent
// terminates it. Nothing is logged here: the records carry decrypted identities.
const port = parentPort!;
const { options } = workerData as WorkerInput;

port.once('message', (records: LinkageRecord[]) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, pairs: identityProposer(options).propose(records) };
  } catch (err) {
    reply = { ok: false, ...describe(err) };
  }
  port.postMessage(reply);
});

/** The error's class name (a subclass that kept name 'Error' is named by its constructor) and message. */
function describe(err: unknown): { name: string; message: string } {
  if (!(err instanceof Error)) return { name: 'Error', message: 'unknown error' };
  return { name: err.name === 'Error' ? err.constructor.name : err.name, message: err.message };
}

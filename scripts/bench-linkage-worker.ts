/**
 * What the worker thread buys the server during a linkage run: the identity proposer over N generated
 * persons (core/linkage/synthetic, as a linkage job hands them over), once on the main thread and once
 * through workerProposer. Prints each one's wall time and the longest the event loop was held (how long
 * an API request would have waited), with the load average (the machine may be shared).
 *
 *   npx tsx scripts/bench-linkage-worker.ts [persons, default 20000]
 */
import { loadavg } from 'node:os';
import { generateLinkageData, identityProposer, type LinkageRecord, type MatchProposer } from '@ctis/core';
import { workerProposer } from '../packages/api/src/linkage/worker-proposer.ts';
import { linkageRecordOf } from '@ctis/api/testing';

const n = Number(process.argv[2] ?? 20_000);
const records: LinkageRecord[] = generateLinkageData({ records: n, seed: 1 }).records.map(linkageRecordOf);

async function measure(name: string, proposer: MatchProposer): Promise<void> {
  // The longest gap between ticks of a 5 ms timer, the last one up to the answer included.
  let last = performance.now();
  let held = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    held = Math.max(held, now - last);
    last = now;
  }, 5);
  const t0 = performance.now();
  const pairs = await proposer.propose(records);
  const end = performance.now();
  clearInterval(timer);
  held = Math.max(held, end - last);
  const seconds = ((end - t0) / 1000).toFixed(2);
  console.log(
    `${name.padEnd(12)} ${pairs.length} pairs in ${seconds} s; event loop held at most ${held.toFixed(0)} ms`,
  );
}

console.log(`${n} persons, load average ${loadavg()[0]!.toFixed(2)}`);
await measure('main thread', identityProposer({ minProbability: 0.2 }));
await measure('worker', workerProposer({ minProbability: 0.2 }));
console.log(`load average at the end ${loadavg()[0]!.toFixed(2)}`);

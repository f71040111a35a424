import { createHook } from 'node:async_hooks';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateLinkageData, identityProposer } from '@ctis/core';
import { failureText } from './run-job.ts';
import { linkageRecordOf } from '../testing/generated-linkage-records.ts';
import { workerProposer } from './worker-proposer.ts';

/**
 * The worker-backed identity proposer: the same pairs as in-thread, the event loop free while it
 * compares, errors rejected by class and message, and no worker left behind. Real worker threads (the
 * entry loaded through tsx), synthetic multi-agency records.
 */

const records = generateLinkageData({ records: 2_000, seed: 7 }).records.map(linkageRecordOf);

/** Worker threads started and still alive in this process, seen through async_hooks ('WORKER' resources). */
let started = 0;
const alive = new Set<number>();
const hook = createHook({
  init(id, type) {
    if (type !== 'WORKER') return;
    started++;
    alive.add(id);
  },
  destroy(id) {
    alive.delete(id);
  },
}).enable();
afterAll(() => void hook.disable());

describe('workerProposer', () => {
  it('proposes exactly what the identity proposer proposes in-thread, under the same name', async () => {
    const inThread = identityProposer({ minProbability: 0.6 });
    const inWorker = workerProposer({ minProbability: 0.6 });
    expect({ ...inWorker, propose: null }).toEqual({ ...inThread, propose: null });
    const expected = inThread.propose(records);
    expect(expected.length).toBeGreaterThan(100);
    expect(await inWorker.propose(records)).toEqual(expected);
  });

  it('leaves the event loop free while it compares (in-thread it cannot tick)', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      // In-thread: propose returns before any timer can run.
      identityProposer().propose(records);
      expect(ticks).toBe(0);
      // In a worker: the timer ticks before the answer comes back.
      const pairs = await workerProposer()
        .propose(records)
        .then((p) => ({ p, ticks }));
      expect(pairs.p.length).toBeGreaterThan(100);
      expect(pairs.ticks).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
  });

  it('rejects with the error class and message from inside the worker, and ends the worker', async () => {
    // A birth year no calendar date is written with (the database allows none such; a proposer must
    // still fail cleanly if one came).
    const { dateOfBirth: _noDate, ...identity } = records[0]!.identity!;
    const bad = { ...records[0]!, birthYear: 12345, identity };
    const startedBefore = started;
    const aliveBefore = new Set(alive);
    const err = await workerProposer()
      .propose([bad, records[1]!])
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(RangeError);
    expect(err).toMatchObject({ name: 'RangeError', message: expect.stringMatching(/^birth_date: /) });
    // One worker did the work; it was terminated before the promise settled (its handle is destroyed just
    // after). Only this test's worker is watched: an earlier test's may still be on its way out.
    expect(started).toBe(startedBefore + 1);
    await vi.waitFor(() => expect([...alive].filter((id) => !aliveBefore.has(id))).toEqual([]));
    // What the failed run records: the class and the field, not the date that could not be read.
    expect(failureText(err)).toBe('RangeError: birth_date: a value could not be read');
  });

  it('records any other error by its class only (a database error quotes its input)', () => {
    const pg = Object.assign(new Error('invalid input syntax for type date: "1990-13-45"'), { name: 'DatabaseError' });
    expect(failureText(pg)).toBe('DatabaseError');
    expect(failureText(new Error('dara: Sok Dara'))).toBe('Error'); // not a linked field: no prefix kept
    expect(failureText('a string')).toBe('unknown error');
  });
});

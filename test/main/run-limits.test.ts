/**
 * Runaway use of the service: a worker opened for a past run ends once idle (its threads go away,
 * and it comes back on demand), and the number of live runs is capped with a message that says so.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { LabService } from '../../src/main/lab/service';
import { EventLog, sleep } from './lab-helpers';

/** OS threads of this process (every worker thread is one, plus its own helpers). */
const threads = () => Number(/Threads:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);

const lab = new LabService({ viewerIdleMs: 200, maxLiveRuns: 2 });
const log = new EventLog(lab);
afterAll(() => lab.close());

describe('LabService: runaway use', () => {
  it('caps the live runs with a clear message, and frees a place when one ends', async () => {
    const a = await lab.startRun({ iterations: 1_000_000, evalEvery: 100_000 });
    const b = await lab.startRun({ iterations: 1_000_000, evalEvery: 100_000 });
    await expect(lab.startRun({ iterations: 10 })).rejects.toThrow(/At most 2 runs can train at once/);
    for (const run of [a, b]) {
      await log.waitFor('state', (e) => e.runId === run.id && e.state === 'training');
      await lab.stopRun(run.id);
      await log.waitFor('state', (e) => e.runId === run.id && e.state === 'stopped');
    }
    const c = await lab.startRun({ iterations: 20, evalEvery: 20 });
    await log.waitFor('state', (e) => e.runId === c.id && e.state === 'finished');
  });

  it("retires a past run's worker after it has been idle, and starts it again on demand", async () => {
    const run = await lab.startRun({ iterations: 20, evalEvery: 20 });
    await log.waitFor('state', (e) => e.runId === run.id && e.state === 'finished');
    const pixels = new Uint8Array(784).fill(128);
    const first = await lab.predict(run.id, pixels);
    const busy = threads();
    let now = busy;
    for (let i = 0; i < 100 && now >= busy - 1; i++) {
      await sleep(50);
      now = threads();
    }
    expect(now).toBeLessThan(busy - 1); // the run's worker and its evaluator have ended
    expect(await lab.predict(run.id, pixels)).toEqual(first); // from the saved weights, the same answer
  });

  it('a request that comes while an idle worker is being retired starts a new one instead of failing', async () => {
    const run = await lab.startRun({ iterations: 20, evalEvery: 20 });
    await log.waitFor('state', (e) => e.runId === run.id && e.state === 'finished');
    const pixels = new Uint8Array(784).fill(128);
    const first = await lab.predict(run.id, pixels);
    for (let i = 0; i < 4; i++) {
      // The idle timer (200 ms) was set as the last answer settled; a timer of the same length set
      // after it fires just after it, while the worker it retired is still ending.
      await sleep(200);
      expect(await lab.predict(run.id, pixels)).toEqual(first);
    }
  });
});

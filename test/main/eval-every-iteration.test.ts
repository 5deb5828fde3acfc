/**
 * An evaluation every iteration, through the whole service (issue 16): the run's worker coalesces
 * the points its evaluator cannot keep up with, so memory stays flat however long the run goes, and
 * Stop is answered at once: the stop call resolves and the run ends `stopped`. The latency from the
 * stop call to the `stopped` state is printed (the vitest timeout is the only clock asserted).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { LabService } from '../../src/main/lab/service';
import { EventLog } from './lab-helpers';

const lab = new LabService({ warn: () => {} });
const log = new EventLog(lab);
afterAll(() => lab.close());

/** The run's last iteration the service has heard of. */
const iterationOf = (runId: string) =>
  log.of('iterations', runId).reduce((n, e) => Math.max(n, e.batch.start + e.batch.losses.length - 1), 0);

const reached = (runId: string, target: number) =>
  new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (iterationOf(runId) >= target) resolve(void clearInterval(poll));
    }, 20);
  });

describe('an evaluation every iteration', () => {
  it('keeps memory flat and Stop answered while it trains', async () => {
    const run = await lab.startRun({ iterations: 1_000_000, evalEvery: 1 });
    await reached(run.id, 1000);
    const early = process.memoryUsage().rss;
    await reached(run.id, 4000);
    const late = process.memoryUsage().rss;

    const asked = performance.now();
    await lab.stopRun(run.id);
    const state = await log.waitFor('state', (e) => e.runId === run.id && e.state !== 'training');
    const latencyMs = performance.now() - asked;
    console.log(
      `eval every 1: RSS ${(early / 2 ** 20).toFixed(0)} MiB at iteration 1000, ${(late / 2 ** 20).toFixed(0)} MiB at 4000; ` +
        `stop -> stopped in ${latencyMs.toFixed(0)} ms`,
    );
    expect(state.state).toBe('stopped');
    const epochs = log.of('epoch', run.id);
    expect(epochs.length).toBeGreaterThan(2);
    // Coalesced, not queued: points the evaluator could not take were counted as skipped.
    const [summary] = (await lab.listRuns()).filter((r) => r.id === run.id);
    expect(summary.skippedEvaluations).toBeGreaterThan(0);
    // 3,000 iterations later the process holds no more than a few MiB of it (a queue grew by hundreds).
    expect((late - early) / 2 ** 20).toBeLessThan(64);
  }, 120_000);
});

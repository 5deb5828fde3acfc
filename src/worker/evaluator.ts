/**
 * The evaluation worker: a long-lived thread beside each run's training thread. At every evaluation
 * point the run hands it a snapshot of the weights (`flatParams()`, one copy); it evaluates the full
 * training and test sets while training goes on, and hands the snapshot back with the scores (the
 * run sends it on to the service with the epoch). The machine's second core does this work.
 * Jobs are answered one at a time, in the order they arrive. Messages: src/shared/worker-messages.ts.
 */
import { parentPort } from 'node:worker_threads';
import type { EvalSplitName, FromEvaluator, SplitScore, ToEvaluator } from '../shared/worker-messages';
import { createEvalNetwork, evaluateSplit, loadBackend, loadFlatParams, makeSplits } from './engine';

const port = parentPort;
if (!port) throw new Error('evaluator.ts must run as a worker thread');

type Scores = Partial<Record<EvalSplitName, SplitScore>>;

let setup: Promise<{ evaluate(params: Float32Array, splits: EvalSplitName[]): Scores }> | null = null;

async function initialise(msg: Extract<ToEvaluator, { type: 'init' }>) {
  const backend = await loadBackend(msg.wasmPath);
  const splits = makeSplits(msg.config, msg.dataset);
  const network = createEvalNetwork(msg.config, msg.dataset.rows * msg.dataset.cols, backend);
  return {
    evaluate(params: Float32Array, names: EvalSplitName[]): Scores {
      loadFlatParams(network, params);
      const scores: Scores = {};
      for (const name of names) {
        // train = the fitted images only; validation is scored by the run worker itself.
        if (name === 'train') scores.train = evaluateSplit(network, splits.train, splits.fitCount);
        if (name === 'test') scores.test = evaluateSplit(network, splits.test);
      }
      return scores;
    },
  };
}

// Jobs chain on one promise, so results go back in the order the snapshots came in.
let queue: Promise<void> = Promise.resolve();
port.on('message', (msg: ToEvaluator) => {
  if (msg.type === 'init') {
    setup = initialise(msg);
    return;
  }
  const job = msg;
  queue = queue.then(async () => {
    try {
      if (!setup) throw new Error('evaluator used before init');
      const scores = (await setup).evaluate(job.params, job.splits);
      const { id, params } = job;
      port.postMessage({ type: 'result', id, scores, params } satisfies FromEvaluator, [params.buffer]);
    } catch (error) {
      port.postMessage({
        type: 'error',
        id: job.id,
        message: (error as Error).message,
      } satisfies FromEvaluator);
    }
  });
});

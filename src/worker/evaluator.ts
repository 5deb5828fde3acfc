/**
 * The evaluation worker: a long-lived thread beside each run's training thread. At every evaluation
 * point the run hands it a snapshot of the weights (`flatParams()`, one copy); it evaluates the full
 * training and test sets while training goes on. The machine's second core does this work.
 * Jobs are answered one at a time, in the order they arrive.
 */
import { parentPort } from 'node:worker_threads';
import type { SharedDataset } from '../shared/dataset';
import type { TrainConfig } from '../shared/hyperparams';
import { createEvalNetwork, evaluateSplit, loadBackend, loadFlatParams, makeSplits } from './engine';

/** Accuracy and mean loss over one split. */
export interface SplitScore {
  accuracy: number;
  loss: number;
  correct: number;
  count: number;
}

/** The splits the evaluator can score. */
export type EvalSplitName = 'train' | 'test';

/** Messages from the run worker to its evaluator. */
export type ToEvaluator =
  | { type: 'init'; config: TrainConfig; dataset: SharedDataset; wasmPath?: string }
  | { type: 'evaluate'; id: number; params: Float32Array; splits: EvalSplitName[] };

/** Messages from the evaluator back to the run worker. */
export type FromEvaluator =
  | { type: 'result'; id: number; scores: Partial<Record<EvalSplitName, SplitScore>> }
  | { type: 'error'; id?: number; message: string };

const port = parentPort;
if (!port) throw new Error('evaluator.ts must run as a worker thread');

let setup: Promise<{ evaluate(params: Float32Array, splits: EvalSplitName[]): FromEvaluator }> | null = null;

async function initialise(msg: Extract<ToEvaluator, { type: 'init' }>) {
  const backend = await loadBackend(msg.wasmPath);
  const splits = makeSplits(msg.config, msg.dataset);
  const network = createEvalNetwork(msg.config, msg.dataset.rows * msg.dataset.cols, backend);
  return {
    evaluate(params: Float32Array, names: EvalSplitName[]): FromEvaluator {
      loadFlatParams(network, params);
      const scores: Partial<Record<EvalSplitName, SplitScore>> = {};
      for (const name of names) {
        // train = the fitted images only; validation is scored by the run worker itself.
        if (name === 'train') scores.train = evaluateSplit(network, splits.train, splits.fitCount);
        if (name === 'test') scores.test = evaluateSplit(network, splits.test);
      }
      return { type: 'result', id: -1, scores };
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
      const result = (await setup).evaluate(job.params, job.splits);
      port.postMessage({ ...result, id: job.id } satisfies FromEvaluator);
    } catch (error) {
      port.postMessage({
        type: 'error',
        id: job.id,
        message: (error as Error).message,
      } satisfies FromEvaluator);
    }
  });
});

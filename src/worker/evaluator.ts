/**
 * The evaluation worker: a long-lived thread beside each run's training thread. At every evaluation
 * point the run hands it a snapshot of the weights (`flatParams()`, one copy); it evaluates the full
 * training and test sets while training goes on, and hands the snapshot back with the scores (the
 * run sends it on to the service with the epoch). The machine's second core does this work.
 * Jobs are answered one at a time, in the order they arrive. Messages: src/shared/worker-messages.ts.
 */
import { parentPort } from 'node:worker_threads';
import { toLabMessage } from '../shared/messages';
import type { EvalSplitName, FromEvaluator, SplitScore, ToEvaluator } from '../shared/worker-messages';
import { evaluateNetwork } from '../nn/index';
import { createEvalNetwork, evaluateSplit, loadBackend, loadFlatParams, makeSplits } from './engine';
import { histogramsOf, mapOf } from './insight';

const port = parentPort;
if (!port) throw new Error('evaluator.ts must run as a worker thread');

type Scores = Partial<Record<EvalSplitName, SplitScore>>;

type Setup = Awaited<ReturnType<typeof initialise>>;
let setup: Promise<Setup> | null = null;

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
    range(params: Float32Array, name: EvalSplitName, start: number, end: number): SplitScore {
      loadFlatParams(network, params);
      return evaluateNetwork(network, splits[name], { start, end });
    },
    // Look deeper (issue 13): the hidden-layer map and the histograms, on the snapshot just loaded.
    map: (params: Float32Array, layer: number, pixels: Uint8Array | null, withFeatures: boolean) => {
      loadFlatParams(network, params);
      return mapOf(network, splits.test, layer, pixels, withFeatures);
    },
    histograms: () => histogramsOf(network, splits.test),
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
      const ready = await setup;
      if (job.type === 'evaluate-range') {
        const score = ready.range(job.params, job.split, job.start, job.end);
        port.postMessage({ type: 'range-result', id: job.id, score } satisfies FromEvaluator);
        return;
      }
      if (job.type === 'hidden-map') {
        const map = ready.map(job.params, job.layer, job.pixels, job.withFeatures);
        const transfer = [
          map.points.buffer,
          map.labels.buffer,
          map.predictions.buffer,
          map.confidences.buffer,
          ...(map.features ? [map.features.buffer] : []),
        ];
        port.postMessage(
          { type: 'hidden-map', id: job.id, map } satisfies FromEvaluator,
          transfer as ArrayBuffer[],
        );
        return;
      }
      const scores = ready.evaluate(job.params, job.splits);
      const histograms = job.histograms ? ready.histograms() : undefined;
      const { id, params } = job;
      port.postMessage(
        { type: 'result', id, scores, params, ...(histograms && { histograms }) } satisfies FromEvaluator,
        [params.buffer],
      );
    } catch (error) {
      port.postMessage({
        type: 'error',
        id: job.id,
        message: toLabMessage(error),
      } satisfies FromEvaluator);
    }
  });
});

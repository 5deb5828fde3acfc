/**
 * Evaluation of one network on a split over two threads: this one scores the first half of the
 * images while an evaluator worker (src/worker/evaluator.ts, the same thread a training run uses
 * for its evaluations) scores the second, both on the engine's WebAssembly kernels over the
 * dataset's shared buffers, and the two scores are added up. For a network that is not training,
 * where the machine's second core is free: `npm run eval` and the inference benchmark.
 */
import type { Worker } from 'node:worker_threads';
import { evaluateNetwork, type Evaluation, type Network } from '../../nn/index';
import type { SharedDataset } from '../../shared/dataset';
import type { TrainConfig } from '../../shared/hyperparams';
import { LabError, toLabMessage } from '../../shared/messages';
import type { EvalSplitName, FromEvaluator, SplitScore, ToEvaluator } from '../../shared/worker-messages';
import { createEvalNetwork, loadBackend, makeSplits, type RunSplits } from '../../worker/engine';
import { startWorker } from '../../worker/entry';

/** Images per evaluation batch (evaluate.ts's EVAL_BATCH): the halves split on a batch boundary. */
const BATCH = 1000;

export class TwoThreadEvaluator {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (s: SplitScore) => void; reject: (e: Error) => void }
  >();
  private failure: Error | null = null;

  private constructor(
    /** This thread's copy of the network: load weights into it (setTensors) before evaluate(). */
    readonly network: Network,
    private readonly splits: RunSplits,
    private readonly worker: Worker,
  ) {
    worker.on('message', (msg: FromEvaluator) => {
      const job = this.pending.get(msg.id);
      if (!job) return;
      this.pending.delete(msg.id);
      if (msg.type === 'range-result') job.resolve(msg.score);
      else if (msg.type === 'error') job.reject(new LabError(msg.message));
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const job of this.pending.values()) job.reject(error);
      this.pending.clear();
    };
    worker.on('error', (error) => fail(LabError.of('evaluatorFailed', { detail: toLabMessage(error) })));
    worker.on('exit', () => fail(LabError.of('workerGone')));
  }

  /** The network of `config` on this thread and its twin on an evaluator thread, over `dataset`. */
  static async create(
    config: TrainConfig,
    dataset: SharedDataset,
    wasmPath?: string,
  ): Promise<TwoThreadEvaluator> {
    const backend = await loadBackend(wasmPath);
    const network = createEvalNetwork(config, dataset.rows * dataset.cols, backend);
    const worker = startWorker('evaluator', import.meta.url);
    worker.postMessage({ type: 'init', config, dataset, wasmPath } satisfies ToEvaluator);
    return new TwoThreadEvaluator(network, makeSplits(config, dataset), worker);
  }

  /** Accuracy and mean loss of the network's current weights over the whole of `split`. */
  async evaluate(split: EvalSplitName): Promise<Evaluation> {
    if (this.failure) throw this.failure;
    const count = this.splits[split].count;
    const mid = Math.min(count, Math.round(count / 2 / BATCH) * BATCH);
    const id = this.nextId++;
    const other = new Promise<SplitScore>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    const params = this.network.flatParams().slice() as Float32Array<ArrayBuffer>;
    this.worker.postMessage(
      { type: 'evaluate-range', id, params, split, start: mid, end: count } satisfies ToEvaluator,
      [params.buffer],
    );
    const mine = evaluateNetwork(this.network, this.splits[split], { start: 0, end: mid });
    const theirs = await other;
    const n = mine.count + theirs.count;
    const correct = mine.correct + theirs.correct;
    const loss = n > 0 ? (mine.loss * mine.count + theirs.loss * theirs.count) / n : 0;
    return { correct, count: n, loss, accuracy: n > 0 ? correct / n : 0 };
  }

  /** Ends the evaluator thread; evaluate() refuses from now on. */
  async close(): Promise<void> {
    this.failure ??= LabError.of('workerGone');
    await this.worker.terminate();
  }
}

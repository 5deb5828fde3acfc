/**
 * The service's gradient checks (LabApi.checkGradients / cancelGradientCheck): the run's current
 * weights (from its worker, which starts paused for a past run) go to a gradient-check thread of
 * their own (src/worker/gradient-checker.ts) with the first few training images; its progress is
 * relayed as `gradient-check` events; cancelling ends the thread. One check per run at a time. A
 * run that is training is refused: its weights move under the check (pause it first).
 */
import type { Worker } from 'node:worker_threads';
import { overallVerdict } from '../../nn/gradient-verdict';
import type { FromGradientChecker, GradientCheckReport } from '../../shared/gradient-check';
import type { GradientCheckRequest } from '../../shared/gradient-check';
import { LabError, message, rawMessage } from '../../shared/messages';
import { startWorker } from '../../worker/entry';
import type { LoadedDataset } from './dataset';
import type { EventHub } from './event-hub';
import type { RunEntry } from './run-entry';
import type { RunWorkers } from './run-workers';

/** The check thread's heap (old generation), in MiB: a deep-convnet in float64 needs far less. */
const CHECK_HEAP_MB = 512;

interface OpenCheck {
  worker: Worker;
  cancel(): void;
}

export class GradientChecks {
  private readonly open = new Map<string, OpenCheck>();

  constructor(
    private readonly workers: RunWorkers,
    private readonly events: EventHub,
  ) {}

  /** Checks the run's current weights on the first `images` training images. */
  async check(
    entry: RunEntry,
    dataset: LoadedDataset,
    options: { images: number; entriesPerParam: number },
  ): Promise<GradientCheckReport> {
    const { id, name, state } = entry.summary;
    if (state === 'training' || state === 'starting')
      throw new LabError(message('gradientCheckWhileTraining', { name }));
    if (this.open.has(id)) throw new LabError(message('gradientCheckBusy', { name }));
    const placeholder: OpenCheck = { worker: null as unknown as Worker, cancel: () => undefined };
    this.open.set(id, placeholder); // held while the weights arrive, so a second call is refused
    let weights;
    try {
      weights = await this.workers.weights(entry);
    } catch (error) {
      this.open.delete(id);
      throw error;
    }
    if (this.open.get(id) !== placeholder) throw new LabError(message('gradientCheckCancelled'));
    const iteration = entry.summary.iteration;
    const { shared, info } = dataset;
    const inputSize = info.rows * info.cols;
    const n = Math.min(options.images, shared.train.count);
    const request: GradientCheckRequest = {
      config: entry.summary.config,
      weights,
      pixels: new Uint8Array(shared.train.images, 0, n * inputSize).slice(),
      labels: new Uint8Array(shared.train.labels, 0, n).slice(),
      inputSize,
      entriesPerParam: options.entriesPerParam,
    };
    const worker = startWorker('gradient-checker', import.meta.url, {
      resourceLimits: { maxOldGenerationSizeMb: CHECK_HEAP_MB },
    });
    return new Promise<GradientCheckReport>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        if (this.open.get(id) === current) this.open.delete(id);
        void worker.terminate();
        outcome();
      };
      const current: OpenCheck = {
        worker,
        cancel: () => finish(() => reject(new LabError(message('gradientCheckCancelled')))),
      };
      this.open.set(id, current);
      worker.on('message', (msg: FromGradientChecker) => {
        if (msg.type === 'progress') {
          if (!settled)
            this.events.emit({ type: 'gradient-check', runId: id, done: msg.done, total: msg.total });
        } else if (msg.type === 'result') {
          const report: GradientCheckReport = {
            runId: id,
            iteration,
            images: n,
            h: msg.h,
            parameters: msg.parameters,
            verdict: overallVerdict(msg.parameters),
          };
          finish(() => resolve(report));
        } else {
          finish(() => reject(new LabError(message('gradientCheckFailed', { detail: msg.message }))));
        }
      });
      worker.once('error', (error: Error) =>
        finish(() =>
          reject(new LabError(message('gradientCheckFailed', { detail: rawMessage(error.message) }))),
        ),
      );
      worker.once('exit', (code) =>
        finish(() =>
          reject(new LabError(message('gradientCheckFailed', { detail: rawMessage(`exit code ${code}`) }))),
        ),
      );
      worker.postMessage(request);
    });
  }

  /** Cancels the run's open check (its call rejects with gradientCheckCancelled); nothing when none is open. */
  cancel(runId: string): void {
    const check = this.open.get(runId);
    if (!check) return;
    this.open.delete(runId);
    check.cancel();
  }

  /** Ends every open check (the service is closing). */
  cancelAll(): void {
    for (const id of [...this.open.keys()]) this.cancel(id);
  }
}

/**
 * A run's worker thread: owns one network and its trainer (run-loop.ts), and beside it a long-lived
 * evaluation thread (evaluator.ts). The first message is `init`; messages that arrive while the
 * kernels load are answered once the run exists. Messages: src/shared/worker-messages.ts;
 * workerData: RunWorkerData.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FromRunWorker, RunWorkerData, ToEvaluator, ToRunWorker } from '../shared/worker-messages';
import { messageText } from '../shared/messages';
import { createTrainer, loadBackend, makeSplits } from './engine';
import { startWorker } from './entry';
import { RunLoop } from './run-loop';

const port = parentPort;
if (!port) throw new Error('src/worker/index.ts must run as a worker thread');
const { wasmPath } = (workerData ?? {}) as RunWorkerData;
const post = (msg: FromRunWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);

let loop: RunLoop | null = null;
let initStarted = false;
const early: ToRunWorker[] = []; // messages that arrive while init is still loading kernels

async function init(msg: Extract<ToRunWorker, { type: 'init' }>): Promise<void> {
  const backend = await loadBackend(wasmPath);
  const splits = makeSplits(msg.config, msg.dataset);
  const trainer = createTrainer(msg.config, splits, backend, msg.weights);
  const evaluator = startWorker('evaluator', import.meta.url);
  evaluator.postMessage({
    type: 'init',
    config: msg.config,
    dataset: msg.dataset,
    wasmPath,
  } satisfies ToEvaluator);
  post({
    type: 'ready',
    kernels: backend.kernels.name,
    iterationsPerEpoch: trainer.iterationsPerEpoch,
    totalIterations: trainer.totalIterations,
  });
  loop = new RunLoop(msg.config, trainer, splits, evaluator, post, msg.startPaused ?? false);
  for (const m of early.splice(0)) loop.handle(m);
  await loop.run();
}

port.on('message', (msg: ToRunWorker) => {
  if (msg.type === 'init' && !initStarted) {
    initStarted = true;
    init(msg).catch((error: Error) => {
      post({ type: 'error', message: messageText('runCouldNotStart', { detail: error.message }) });
    });
  } else if (loop) {
    try {
      loop.handle(msg);
    } catch (error) {
      const requestId = 'requestId' in msg ? msg.requestId : undefined;
      post({ type: 'error', requestId, message: (error as Error).message });
    }
  } else {
    early.push(msg);
  }
});

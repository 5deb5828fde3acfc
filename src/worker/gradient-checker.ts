/**
 * The gradient-check thread: one short-lived thread per check (src/main/lab/gradient-checks.ts),
 * so the check never holds up a run's worker or the main thread, and cancelling it is ending the
 * thread. It builds the run's network in float64 from the run's weights, runs the engine's
 * checkGradients on the first few training images, and reports progress at most every 100 ms.
 */
import { parentPort } from 'node:worker_threads';
import { Rng, checkGradients, createNetwork, float64Backend } from '../nn/index';
import type { FromGradientChecker, GradientCheckRequest } from '../shared/gradient-check';
import { toLabMessage } from '../shared/messages';
import { networkSpec } from './engine';

const port = parentPort;
if (!port) throw new Error('gradient-checker.ts must run as a worker thread');
const post = (msg: FromGradientChecker) => port.postMessage(msg);

/** The central difference's step (the book's 1e-4). */
const H = 1e-4;
const PROGRESS_EVERY_MS = 100;

port.once('message', (req: GradientCheckRequest) => {
  try {
    const network = createNetwork(networkSpec(req.config, req.inputSize), {
      backend: float64Backend,
      rng: new Rng(req.config.seed),
    });
    network.setTensors(req.weights);
    const n = req.labels.length;
    const data = float64Backend.alloc.floats(n * req.inputSize);
    for (let i = 0; i < data.length; i++) data[i] = req.pixels[i] / 255;
    let lastPost = 0;
    const parameters = checkGradients(network, { kind: 'dense', n, data }, req.labels, {
      h: H,
      entriesPerParam: req.entriesPerParam,
      seed: req.config.seed,
      onProgress: (done, total) => {
        const now = Date.now();
        if (now - lastPost < PROGRESS_EVERY_MS && done < total) return;
        lastPost = now;
        post({ type: 'progress', done, total });
      },
    });
    post({ type: 'result', parameters, h: H });
  } catch (error) {
    post({ type: 'error', message: toLabMessage(error) });
  }
});

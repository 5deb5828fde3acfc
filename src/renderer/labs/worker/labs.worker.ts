/**
 * The Labs' worker: runs one job (./protocol.ts) on the engine and posts its progress, so the
 * page stays responsive while a numerical gradient takes seconds. One job per worker; the page
 * terminates it when done or abandoned.
 */
import {
  Rng,
  bookSpec,
  createNetwork,
  createOptimizer,
  float64Backend,
  gradientCheck,
  toys,
} from '../../../nn';
import type { DenseInput, Network } from '../../../nn';
import { labJobSchema, type LabJob, type LabReply } from './protocol';

/** The worker's global scope, as much of it as this file uses (the DOM lib has no worker scope). */
const scope = globalThis as unknown as {
  postMessage(message: LabReply): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
};

const post = (reply: LabReply) => scope.postMessage(reply);

/** Images [start, start + count) of the job as a dense float64 batch in [0, 1], wrapping round. */
function batchOf(job: LabJob, start: number, count: number): { x: DenseInput; t: Uint8Array } {
  const n = job.labels.length;
  const data = new Float64Array(count * 784);
  const t = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const k = (start + i) % n;
    for (let p = 0; p < 784; p++) data[i * 784 + p] = job.pixels[k * 784 + p] / 255;
    t[i] = job.labels[k];
  }
  return { x: { kind: 'dense', n: count, data }, t };
}

/** The book's TwoLayerNet with `hidden` units, float64, weights from `seed`. */
function bookNet(hidden: number, seed: number): Network {
  return createNetwork(bookSpec({ hidden: [hidden] }), { backend: float64Backend, rng: new Rng(seed) });
}

function run(job: LabJob): void {
  if (job.kind === 'gradcheck') {
    const { x, t } = batchOf(job, 0, job.labels.length);
    gradientCheck(bookNet(job.hidden, 0), x, t, 1e-4, (r, index, total) =>
      post({ kind: 'checked', ...r, index, total }),
    );
    return;
  }
  const nets = { backprop: bookNet(job.hidden, job.seed), numerical: bookNet(job.hidden, job.seed) };
  const optimizers = {
    backprop: createOptimizer('sgd', { lr: job.learningRate, backend: float64Backend }),
    numerical: createOptimizer('sgd', { lr: job.learningRate, backend: float64Backend }),
  };
  for (let i = 0; i < job.iterations; i++) {
    const { x, t } = batchOf(job, i * job.batch, job.batch);
    for (const method of ['backprop', 'numerical'] as const) {
      const r = toys.timedIteration(nets[method], optimizers[method], x, t, method, () => performance.now());
      post({ kind: 'iteration', method, iteration: i, loss: r.loss, ms: r.time });
    }
  }
}

scope.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = labJobSchema.safeParse(event.data);
  if (!parsed.success) {
    post({ kind: 'failed', text: parsed.error.message });
    return;
  }
  try {
    run(parsed.data);
    post({ kind: 'done' });
  } catch (err) {
    post({ kind: 'failed', text: err instanceof Error ? err.message : String(err) });
  }
};

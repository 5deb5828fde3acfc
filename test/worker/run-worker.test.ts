import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMnist } from '../../src/main/lab/dataset';
import { DEFAULT_CONFIG } from '../../src/shared/hyperparams';
import type { TrainConfig } from '../../src/shared/hyperparams';
import { startWorker } from '../../src/worker/entry';
import type { FromRunWorker, ToRunWorker } from '../../src/shared/worker-messages';
import { divergedMessage, saferLearningRate } from '../../src/worker/diverged';
import { messageText } from '../../src/shared/messages';
import { MAX_EVALS_IN_FLIGHT } from '../../src/worker/run-loop';

const { shared } = loadMnist();
const wasmPath = path.resolve(import.meta.dirname, '../../build/kernels.wasm');
const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
});

/** Starts a run worker directly (no service) and records what it sends. */
function spawn(config: Partial<TrainConfig>, opts: { wasm?: boolean; startPaused?: boolean } = {}) {
  const worker = startWorker('worker', import.meta.url, {
    workerData: { wasmPath: opts.wasm ? wasmPath : undefined },
  });
  workers.push(worker);
  const received: FromRunWorker[] = [];
  const waiters: [(m: FromRunWorker) => boolean, (m: FromRunWorker) => void][] = [];
  worker.on('message', (m: FromRunWorker) => {
    received.push(m);
    for (const w of waiters.splice(0)) {
      if (w[0](m)) w[1](m);
      else waiters.push(w);
    }
  });
  const send = (m: ToRunWorker) => worker.postMessage(m);
  const until = (match: (m: FromRunWorker) => boolean) =>
    new Promise<FromRunWorker>((resolve) => {
      const seen = received.find(match);
      if (seen) resolve(seen);
      else waiters.push([match, resolve]);
    });
  send({
    type: 'init',
    config: { ...DEFAULT_CONFIG, ...config },
    dataset: shared,
    startPaused: opts.startPaused,
  });
  return { worker, received, send, until };
}

describe('run worker', () => {
  // build/kernels.wasm comes from `npm run build:wasm` (test:unit runs it first); under CI its absence fails.
  const noWasm = !existsSync(wasmPath) && process.env.CI !== 'true';
  it.skipIf(noWasm)(
    noWasm
      ? 'skipped: build/kernels.wasm missing (run npm run build:wasm)'
      : 'uses the WASM kernels when build/kernels.wasm is given, the TypeScript ones otherwise',
    async () => {
      const fast = spawn({ iterations: 5, evalEvery: 5 }, { wasm: true });
      const slow = spawn({ iterations: 5, evalEvery: 5 });
      expect(await fast.until((m) => m.type === 'ready')).toMatchObject({
        kernels: 'wasm-simd',
        iterationsPerEpoch: 600,
        totalIterations: 5,
      });
      expect(await slow.until((m) => m.type === 'ready')).toMatchObject({ kernels: 'ts' });
      await fast.until((m) => m.type === 'state' && m.state === 'finished');
      await slow.until((m) => m.type === 'state' && m.state === 'finished');
    },
  );

  it('starts paused when asked, and answers control messages sent before it was ready', async () => {
    const run = spawn({ iterations: 1000 }, { startPaused: true, wasm: true });
    run.send({ type: 'step' });
    run.send({ type: 'step' });
    run.send({ type: 'get-weights', requestId: 7 });
    const weights = await run.until((m) => m.type === 'weights');
    expect(weights.type === 'weights' && weights.requestId).toBe(7);
    const states = run.received.filter((m) => m.type === 'state');
    expect(states[0]).toMatchObject({ state: 'paused', iteration: 0 });
    const losses = run.received.flatMap((m) => (m.type === 'iterations' ? Array.from(m.losses) : []));
    expect(losses.length).toBe(2); // exactly the two steps, nothing more while paused
  });

  it('reports validation metrics and stops early when the validation loss stops improving', async () => {
    // 1,000 images, 20 % held out, a learning rate high enough to bounce: the validation loss soon fails to improve.
    const run = spawn(
      {
        trainSubset: 1000,
        validationSplit: 0.2,
        patience: 2,
        evalEvery: 8,
        learningRate: 2,
        iterations: 100_000,
      },
      { wasm: true },
    );
    const end = await run.until((m) => m.type === 'state' && m.state !== 'training');
    expect(end).toMatchObject({
      state: 'finished',
      message: { code: 'stoppedEarly', params: { patience: 2 } },
    });
    const epochs = run.received.flatMap((m) => (m.type === 'epoch' ? [m.metrics] : []));
    expect(epochs.length).toBeGreaterThanOrEqual(3);
    expect(epochs.every((e) => e.validationAccuracy !== undefined && e.validationLoss !== undefined)).toBe(
      true,
    );
    expect(run.received.indexOf(end)).toBeGreaterThan(
      run.received.findIndex((m) => m.type === 'epoch' && m.metrics.epoch === epochs.length),
    );
    // The last two validation losses are no better than the best one before them.
    const best = Math.min(...epochs.slice(0, -2).map((e) => e.validationLoss as number));
    expect(epochs.slice(-2).every((e) => (e.validationLoss as number) >= best)).toBe(true);
  });

  it('coalesces an evaluation every iteration: evaluations in flight stay bounded, memory flat, stop prompt', async () => {
    const run = spawn({ iterations: 100_000, evalEvery: 1 }, { wasm: true });
    const iteration = () =>
      run.received.reduce((n, m) => (m.type === 'iterations' ? m.start + m.losses.length - 1 : n), 0);
    const reached = (target: number) =>
      new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (iteration() >= target) resolve(void clearInterval(poll));
        }, 20);
      });
    await reached(1000);
    const rssAtThird = process.memoryUsage().rss;
    await reached(3000);
    const rssAtEnd = process.memoryUsage().rss;
    const epochsBeforeStop = run.received.filter((m) => m.type === 'epoch').length;
    run.send({ type: 'stop' });
    const stopped = run.until((m) => m.type === 'state' && m.state === 'stopped');
    const timeout = new Promise((resolve) => setTimeout(() => resolve('no stopped state'), 30_000));
    const end = await Promise.race([stopped, timeout]);
    expect(end).toMatchObject({ type: 'state', state: 'stopped' });
    const epochs = run.received.flatMap((m) => (m.type === 'epoch' ? [m] : []));
    // What was still with the evaluator when Stop came: at most MAX_EVALS_IN_FLIGHT evaluations.
    expect(epochs.length - epochsBeforeStop).toBeLessThanOrEqual(MAX_EVALS_IN_FLIGHT);
    // Every evaluation point was either scored or counted as skipped, in order.
    const last = epochs[epochs.length - 1];
    expect(last.skipped).toBeGreaterThan(0);
    expect(last.metrics.epoch + last.skipped).toBeLessThanOrEqual((end as { iteration: number }).iteration);
    const its = epochs.map((m) => m.metrics.iteration);
    expect(its).toEqual([...its].sort((a, b) => a - b));
    // Memory does not grow with the iterations (queued snapshots were ~160 KB each, thousands of them).
    expect((rssAtEnd - rssAtThird) / 2 ** 20).toBeLessThan(100);
  });
});

describe('run worker: weights go with the evaluation they belong to', () => {
  const shapes = (tensors: { name: string; shape: number[] }[]) => tensors.map((t) => [t.name, t.shape]);
  const expected = [
    ['W1', [784, 20]],
    ['b1', [20]],
    ['W2', [20, 10]],
    ['b2', [10]],
  ];

  it('each epoch message carries its snapshot as one buffer; a stop past it carries the final weights', async () => {
    // Paused and stepped, so the stop comes at iteration 7, two past the evaluation point at 5.
    const run = spawn({ hidden: [20], iterations: 1000, evalEvery: 5 }, { wasm: true, startPaused: true });
    for (let i = 0; i < 7; i++) run.send({ type: 'step' });
    const epoch = await run.until((m) => m.type === 'epoch');
    if (epoch.type !== 'epoch') throw new Error('not an epoch');
    expect(shapes(epoch.weights)).toEqual(expected);
    expect(new Set(epoch.weights.map((t) => t.data.buffer)).size).toBe(1);
    run.send({ type: 'stop' });
    const end = await run.until((m) => m.type === 'state' && m.state === 'stopped');
    if (end.type !== 'state' || !end.weights) throw new Error('the end state brought no weights');
    expect([epoch.metrics.iteration, end.iteration]).toEqual([5, 7]);
    expect(shapes(end.weights)).toEqual(expected);
    run.send({ type: 'get-weights', requestId: 9 });
    const asked = await run.until((m) => m.type === 'weights');
    if (asked.type !== 'weights') throw new Error('not weights');
    expect(asked.tensors.map((t) => Array.from(t.data))).toEqual(end.weights.map((t) => Array.from(t.data)));
  });

  it('a run that ends at an evaluation point sends its weights once, with that epoch', async () => {
    const run = spawn({ hidden: [20], iterations: 10, evalEvery: 5 }, { wasm: true });
    const end = await run.until((m) => m.type === 'state' && m.state === 'finished');
    const epochs = run.received.flatMap((m) => (m.type === 'epoch' ? [m] : []));
    expect(epochs.map((e) => [e.metrics.iteration, shapes(e.weights)])).toEqual([
      [5, expected],
      [10, expected],
    ]);
    expect(end.type === 'state' && end.weights).toBe(undefined);
  });

  it('classifies a set of labelled images in one message, as it classifies the test set', async () => {
    const run = spawn({ iterations: 20, evalEvery: 20 }, { wasm: true });
    await run.until((m) => m.type === 'state' && m.state === 'finished');
    const count = 37;
    const pixels = new Uint8Array(shared.test.images).slice(0, count * 784);
    const labels = new Uint8Array(shared.test.labels).slice(0, count);
    labels[0] = (labels[0] + 1) % 10; // one labelled wrong
    run.send({ type: 'classify-images', requestId: 1, pixels, labels });
    run.send({ type: 'classify-test', requestId: 2 });
    const mine = await run.until((m) => m.type === 'classified' && m.requestId === 1);
    const whole = await run.until((m) => m.type === 'classified' && m.requestId === 2);
    if (mine.type !== 'classified' || whole.type !== 'classified') throw new Error('not classified');
    expect(mine.count).toBe(count);
    expect(Array.from(mine.labels)).toEqual(Array.from(labels));
    expect(Array.from(mine.predictions)).toEqual(Array.from(whole.predictions.subarray(0, count)));
    expect(Array.from(mine.confidences)).toEqual(Array.from(whole.confidences.subarray(0, count)));
    expect(mine.correct).toBe(mine.predictions.filter((p, i) => p === labels[i]).length);
    expect(run.received.filter((m) => m.type === 'classified')).toHaveLength(2);
  });
});

describe('divergedMessage', () => {
  it('names the iteration, the learning rate and a safer one', () => {
    expect(messageText(divergedMessage(NaN, 37, 5))).toBe(
      'loss became NaN at iteration 37: the learning rate (5) is probably too high; try 0.1 or lower',
    );
    expect(messageText(divergedMessage(Infinity, 3, 0.5))).toBe(
      'loss became infinite at iteration 3: the learning rate (0.5) is probably too high; try 0.01 or lower',
    );
    expect(saferLearningRate(10)).toBe(1);
  });
});

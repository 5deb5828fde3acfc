/**
 * The data path between the service and the run workers, counted message by message (every
 * postMessage the service makes to a worker thread is recorded, and passed on unchanged): each
 * evaluation point's weights arrive with its epoch message and are saved from there, without the
 * service asking for them; the personal test set is classified in one request however large it is;
 * and the service, split into its parts, still recovers when a worker dies.
 */
import { messageText } from '../../src/shared/messages';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { LabService } from '../../src/main/lab/service';
import { defaultWasmPath } from '../../src/main/lab/service-options';
import { MemoryRunStore, type RunRecord } from '../../src/main/lab/run-store';
import { viewSplit } from '../../src/shared/dataset';
import type { EpochMetrics, WeightTensor } from '../../src/shared/runs';
import type { ToRunWorker } from '../../src/shared/worker-messages';
import { createEvalNetwork, evaluateSplit, loadBackend } from '../../src/worker/engine';
import { EventLog } from './lab-helpers';

/** A memory store that also keeps every weights save, with the epochs recorded at that moment. */
class RecordingStore extends MemoryRunStore {
  readonly weightSaves: {
    runId: string;
    epochs: EpochMetrics[];
    iteration: number;
    tensors: WeightTensor[];
  }[] = [];

  override saveWeights(record: RunRecord, tensors: WeightTensor[]): void {
    const { id: runId, iteration } = record.summary;
    this.weightSaves.push({ runId, epochs: [...record.metrics.epochs], iteration, tensors });
    super.saveWeights(record, tensors);
  }
}

const store = new RecordingStore();
// Every snapshot written as it arrives (by default weights are written at most every 5 s, plus at the end).
const lab = new LabService({ store, warn: () => {}, weightsSaveIntervalMs: 0 });
const log = new EventLog(lab);
afterAll(() => lab.close());

/** Every message the service posts to a worker thread (observed; each goes through unchanged). */
const postMessage = vi.spyOn(Worker.prototype, 'postMessage');
afterAll(() => postMessage.mockRestore());
const sent = () =>
  postMessage.mock.calls.map((args, i) => ({
    worker: postMessage.mock.contexts[i] as Worker,
    msg: args[0] as ToRunWorker,
  }));

/** The types of the messages sent from `from` on (an index into `sent`). */
const typesSince = (from: number) =>
  sent()
    .slice(from)
    .map((s) => s.msg.type);

const ended = (runId: string) =>
  log.waitFor(
    'state',
    (e) => e.runId === runId && ['finished', 'stopped', 'diverged', 'failed'].includes(e.state),
  );

describe('weights travel with the evaluation they belong to', () => {
  let finishedRun = '';

  it('each epoch message brings its snapshot; the service saves it without asking the worker', async () => {
    await lab.ready(); // MNIST is loaded first, by a thread of its own (which gets its own message)
    const from = sent().length;
    const run = await lab.startRun({ iterations: 300, evalEvery: 100, seed: 5 });
    finishedRun = run.id;
    expect((await ended(run.id)).state).toBe('finished');
    expect(typesSince(from)).toEqual(['init']); // no get-weights, no other request

    const saves = store.weightSaves.filter((s) => s.runId === run.id);
    const epochs = log.of('epoch', run.id).map((e) => e.metrics);
    expect(epochs.map((e) => e.iteration)).toEqual([100, 200, 300]);
    // One save per evaluation point, made as its epoch arrived (finished adds none: nothing moved since).
    expect(saves.map((s) => s.epochs.length)).toEqual([1, 2, 3]);
    expect(saves.map((s) => s.tensors.map((t) => [t.name, t.shape]))).toEqual(
      epochs.map(() => [
        ['W1', [784, 50]],
        ['b1', [50]],
        ['W2', [50, 10]],
        ['b2', [10]],
      ]),
    );
    // Each snapshot arrived as one buffer (views W1, b1, ... into it), not a copy per tensor.
    for (const save of saves) expect(new Set(save.tensors.map((t) => t.data.buffer)).size).toBe(1);

    // Each saved snapshot is the one its epoch was measured on: it scores exactly that epoch's test result.
    const backend = await loadBackend(defaultWasmPath());
    const { shared } = lab.dataset();
    const test = viewSplit(shared.test, shared.rows * shared.cols);
    const [summary] = (await lab.listRuns()).filter((r) => r.id === run.id);
    for (const [i, save] of saves.entries()) {
      const network = createEvalNetwork(summary.config, 784, backend);
      network.setTensors(save.tensors);
      const score = evaluateSplit(network, test);
      expect(score.correct).toBe(epochs[i].testCorrect);
      expect(score.loss).toBeCloseTo(epochs[i].testLoss, 5);
    }

    // The last snapshot is the final state of the network.
    const final = await lab.getWeights(run.id);
    expect(final.map((t) => Array.from(t.data))).toEqual(saves[2].tensors.map((t) => Array.from(t.data)));
  }, 60_000);

  it('a run stopped between evaluation points saves its final weights from the end state', async () => {
    const run = await lab.startRun({ iterations: 1_000_000, evalEvery: 1_000_000 });
    const from = sent().length;
    await log.waitFor('iterations', (e) => e.runId === run.id);
    await lab.stopRun(run.id);
    const end = await ended(run.id);
    expect(end.state).toBe('stopped');
    expect(typesSince(from)).toEqual(['stop']);
    const saves = store.weightSaves.filter((s) => s.runId === run.id);
    expect(saves).toHaveLength(1);
    const [summary] = (await lab.listRuns()).filter((r) => r.id === run.id);
    expect(saves[0]).toMatchObject({ epochs: [], iteration: summary.iteration });
    expect(summary.iteration).toBeGreaterThan(0);
    const final = await lab.getWeights(run.id);
    expect(final.map((t) => Array.from(t.data))).toEqual(saves[0].tensors.map((t) => Array.from(t.data)));
  }, 60_000);

  it('a diverged run keeps its last good epoch: its end saves nothing', async () => {
    // identity-mse (the book's sum-of-squares loss) at learning rate 10 overflows within ~50 iterations.
    const run = await lab.startRun({
      loss: 'identity-mse',
      learningRate: 10,
      iterations: 2000,
      evalEvery: 10,
    });
    const end = await ended(run.id);
    expect(end.state).toBe('diverged');
    const saves = store.weightSaves.filter((s) => s.runId === run.id);
    const epochs = log.of('epoch', run.id);
    const divergedAt = Number(/iteration (\d+)/.exec(end.message ? messageText(end.message) : '')?.[1]);
    // Every point before the bad loss was scored, or skipped while the evaluator was busy.
    const skipped = (await lab.listRuns()).find((r) => r.id === run.id)?.skippedEvaluations ?? 0;
    expect(epochs.length).toBeGreaterThan(0);
    expect(epochs.length + skipped).toBe(Math.floor((divergedAt - 1) / 10));
    expect(saves.length).toBe(epochs.length);
    expect(saves.every((s, i) => s.epochs.length === i + 1)).toBe(true);
  }, 60_000);

  it('the personal test set, however large, is one request to the worker and one answer', async () => {
    const count = 500;
    for (let start = 0; start < count; start += 100) {
      const { pixels, labels } = await lab.sampleImages('test', start, 100);
      for (let i = 0; i < 100; i++) await lab.addDrawing(pixels.slice(i * 784, (i + 1) * 784), labels[i]);
    }
    const from = sent().length;
    const mine = await lab.evaluateDrawings(finishedRun);
    const requests = sent().slice(from);
    expect(requests.map((r) => r.msg.type)).toEqual(['classify-images']);
    const request = requests[0].msg as Extract<ToRunWorker, { type: 'classify-images' }>;
    expect(request.pixels.length).toBe(count * 784);
    expect(request.labels.length).toBe(count);

    // The same answers as the whole-test-set evaluation gives those images.
    const whole = await lab.evaluateRun(finishedRun);
    expect(mine).toMatchObject({ runId: finishedRun, count });
    expect(Array.from(mine.labels)).toEqual(Array.from(whole.labels.subarray(0, count)));
    expect(Array.from(mine.predictions)).toEqual(Array.from(whole.predictions.subarray(0, count)));
    expect(Array.from(mine.confidences)).toEqual(Array.from(whole.confidences.subarray(0, count)));
    expect(mine.correct).toBe(mine.predictions.filter((p, i) => p === mine.labels[i]).length);
  }, 60_000);
});

describe('the service recovers from a dying worker', () => {
  it("a finished run's worker that dies is restarted from the saved weights when next asked", async () => {
    const [finished] = (await lab.listRuns()).filter((r) => r.state === 'finished');
    const pixels = (await lab.sampleImages('test', 0, 1)).pixels;
    const before = await lab.predict(finished.id, pixels);
    const worker = sent().at(-1)?.worker; // the one that answered that prediction
    await lab.__testKillWorker(finished.id);
    expect((await lab.listRuns()).find((r) => r.id === finished.id)?.state).toBe('finished');
    const from = sent().length;
    const after = await lab.predict(finished.id, pixels);
    expect(Array.from(after.probabilities)).toEqual(Array.from(before.probabilities));
    const restart = sent().slice(from);
    expect(restart.map((s) => s.msg.type)).toEqual(['init', 'predict']);
    expect(restart[0].worker).not.toBe(worker);
    expect(restart[0].msg).toMatchObject({ startPaused: true });
    expect((await lab.listRuns()).find((r) => r.id === finished.id)?.state).toBe('finished');
  }, 60_000);

  it('a live run whose worker dies is failed, refuses controls, and the next run trains', async () => {
    const victim = await lab.startRun({ iterations: 1_000_000, evalEvery: 1_000_000 });
    await log.waitFor('iterations', (e) => e.runId === victim.id);
    await lab.__testKillWorker(victim.id);
    expect((await ended(victim.id)).state).toBe('failed');
    await expect(lab.pauseRun(victim.id)).rejects.toThrow(/is failed/);
    await expect(lab.predict(victim.id, new Uint8Array(784))).rejects.toThrow(/no live worker/);

    const next = await lab.startRun({ iterations: 100, evalEvery: 100 });
    expect((await ended(next.id)).state).toBe('finished');
    expect(store.weightSaves.filter((s) => s.runId === next.id)).toHaveLength(1);
  }, 60_000);
});

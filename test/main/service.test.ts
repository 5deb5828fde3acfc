import { afterAll, describe, expect, it } from 'vitest';
import { LabService } from '../../src/main/lab/service';
import { checkedLab } from '../../src/main/lab/lab-dispatch';
import { EventLog, sleep } from './lab-helpers';

const lab = new LabService();
const log = new EventLog(lab);
afterAll(() => lab.close());

const ended = (runId: string) =>
  log.waitFor(
    'state',
    (e) => e.runId === runId && ['finished', 'stopped', 'diverged', 'failed'].includes(e.state),
  );

describe('LabService: a short real run', () => {
  it('trains 300 iterations (eval every 100) with iteration batches and epochs in order, then finishes', async () => {
    const run = await lab.startRun({ iterations: 300, evalEvery: 100 });
    expect(run).toMatchObject({
      name: expect.stringMatching(/^Run \d+$/),
      state: 'starting',
      source: 'trained',
    });
    const end = await ended(run.id);
    expect(end.state).toBe('finished');

    // Iteration batches cover 1..300 contiguously, each loss finite.
    const batches = log.of('iterations', run.id).map((e) => e.batch);
    expect(batches.length).toBeGreaterThan(1);
    let next = 1;
    for (const b of batches) {
      expect(b.start).toBe(next);
      expect(b.learningRates.length).toBe(b.losses.length);
      next += b.losses.length;
    }
    expect(next - 1).toBe(300);

    // One epoch message per evaluation point, in order, all before 'finished'.
    const epochs = log.of('epoch', run.id).map((e) => e.metrics);
    expect(epochs.map((m) => [m.epoch, m.iteration])).toEqual([
      [1, 100],
      [2, 200],
      [3, 300],
    ]);
    expect(log.events.indexOf(end)).toBeGreaterThan(
      log.events.findIndex((e) => e.type === 'epoch' && e.runId === run.id && e.metrics.epoch === 3),
    );
    // Evaluation runs on a snapshot in another thread: training went on past iteration 100 before
    // the full-set evaluation of that snapshot came back.
    const epoch1 = log.events.findIndex(
      (e) => e.type === 'epoch' && e.runId === run.id && e.metrics.epoch === 1,
    );
    const past100 = log.events.findIndex(
      (e) => e.type === 'iterations' && e.runId === run.id && e.batch.start + e.batch.losses.length - 1 > 100,
    );
    expect(past100).toBeLessThan(epoch1);
    // The book's ch05 run reaches about 88 % test accuracy after 300 iterations (measured 0.8817 with seed 1).
    const last = epochs[2];
    expect(last.testAccuracy).toBeGreaterThan(0.85);
    expect(last.testCount).toBe(10000);
    expect(last.testCorrect).toBe(Math.round(last.testAccuracy * 10000));
    expect(last.trainAccuracy).toBeGreaterThan(0.85);
    expect(epochs[0].testLoss).toBeGreaterThan(last.testLoss);

    const metrics = await lab.getRunMetrics(run.id);
    expect(metrics.losses.length).toBe(300);
    expect(metrics.losses[0]).toBeCloseTo(Math.log(10), 1); // untrained softmax: -log(1/10)
    expect(Array.from(metrics.learningRates).every((lr) => Math.abs(lr - 0.1) < 1e-7)).toBe(true);
    expect(metrics.epochs).toEqual(epochs);
    const [summary] = (await lab.listRuns()).filter((r) => r.id === run.id);
    expect(summary).toMatchObject({
      state: 'finished',
      iteration: 300,
      totalIterations: 300,
      iterationsPerEpoch: 600,
    });
  });
});

describe('LabService: controlling a live run', () => {
  it('pauses, steps exactly one iteration, changes the learning rate, resumes, predicts, gives weights, stops', async () => {
    const run = await lab.startRun({ iterations: 1_000_000, evalEvery: 1_000_000 });
    await log.waitFor('iterations', (e) => e.runId === run.id);

    await lab.pauseRun(run.id);
    const paused = await log.waitFor('state', (e) => e.runId === run.id && e.state === 'paused');
    const countAfterPause = log.events.length;
    await sleep(400);
    const lateBatches = log.events
      .slice(countAfterPause)
      .filter((e) => e.type === 'iterations' && e.runId === run.id);
    expect(lateBatches).toEqual([]);
    const metricsPaused = await lab.getRunMetrics(run.id);
    const at = metricsPaused.losses.length;
    expect((await lab.listRuns()).find((r) => r.id === run.id)?.iteration).toBe(at);
    void paused;

    const stepped = log.next('iterations', (e) => e.runId === run.id);
    await lab.stepRun(run.id);
    const step = await stepped;
    expect(step.batch.start).toBe(at + 1);
    expect(step.batch.losses.length).toBe(1);
    await sleep(200);
    expect((await lab.getRunMetrics(run.id)).losses.length).toBe(at + 1);

    // Predict and weights while paused: the worker answers between iterations.
    const pixels = new Uint8Array(784);
    for (let i = 0; i < 784; i++) pixels[i] = (i * 37) % 256;
    const prediction = await lab.predict(run.id, pixels);
    expect(prediction.probabilities.length).toBe(10);
    expect(prediction.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
    expect(prediction.activations.map((a) => a.length)).toEqual([50]);
    const weights = await lab.getWeights(run.id);
    expect(weights.map((w) => [w.name, w.shape])).toEqual([
      ['W1', [784, 50]],
      ['b1', [50]],
      ['W2', [50, 10]],
      ['b2', [10]],
    ]);
    expect(weights[0].data.some((v) => v !== 0)).toBe(true);
    const evaluation = await lab.evaluateRun(run.id);
    expect(evaluation).toMatchObject({ runId: run.id, count: 10000, iteration: at + 1 });
    expect(evaluation.predictions.length).toBe(10000);
    expect(evaluation.correct).toBe(
      evaluation.predictions.filter((p, i) => p === evaluation.labels[i]).length,
    );

    await lab.setLearningRate(run.id, 0.05);
    const resumedBatch = log.next('iterations', (e) => e.runId === run.id);
    await lab.resumeRun(run.id);
    await log.waitFor(
      'state',
      (e) =>
        e.runId === run.id && e.state === 'training' && log.events.indexOf(e) > log.events.indexOf(paused),
    );
    const batch = (await resumedBatch).batch;
    expect(Array.from(batch.learningRates).every((lr) => Math.abs(lr - 0.05) < 1e-7)).toBe(true);

    await lab.stopRun(run.id);
    expect((await ended(run.id)).state).toBe('stopped');
    // A stopped run still answers predictions from its final weights.
    expect((await lab.predict(run.id, pixels)).probabilities.length).toBe(10);
    await expect(lab.pauseRun(run.id)).rejects.toThrow(/is stopped/);
  });
});

describe('LabService: several runs, crashes and divergence', () => {
  it('two runs finish side by side while a third, whose worker is killed, is marked failed', async () => {
    const a = await lab.startRun({ iterations: 200, evalEvery: 200, seed: 2 });
    const b = await lab.startRun({ iterations: 200, evalEvery: 100, hidden: [30], seed: 3 }, 'second');
    const victim = await lab.startRun({ iterations: 1_000_000, evalEvery: 1_000_000 });
    await log.waitFor('iterations', (e) => e.runId === victim.id);
    await lab.__testKillWorker(victim.id);
    const failed = await ended(victim.id);
    expect(failed.state).toBe('failed');
    expect(failed.message).toMatch(/training thread exited unexpectedly/);
    expect((await ended(a.id)).state).toBe('finished');
    expect((await ended(b.id)).state).toBe('finished');
    expect(log.of('epoch', a.id).map((e) => e.metrics.iteration)).toEqual([200]);
    expect(log.of('epoch', b.id).map((e) => e.metrics.iteration)).toEqual([100, 200]);
    const runs = await lab.listRuns();
    expect(runs.find((r) => r.id === b.id)?.name).toBe('second');
    await expect(lab.predict(victim.id, new Uint8Array(784))).rejects.toThrow(/no live worker/);
  });

  it('stops a run whose loss explodes as diverged, naming the iteration and the learning rate', async () => {
    // identity-mse (the book's sum-of-squares loss) at learning rate 10 overflows within ~50 iterations.
    const run = await lab.startRun({
      loss: 'identity-mse',
      learningRate: 10,
      iterations: 2000,
      evalEvery: 1000,
    });
    const end = await ended(run.id);
    expect(end.state).toBe('diverged');
    expect(end.message).toMatch(
      /^loss became (NaN|infinite) at iteration \d+: the learning rate \(10\) is probably too high; try 1 or lower$/,
    );
    const metrics = await lab.getRunMetrics(run.id);
    const iteration = Number(/iteration (\d+)/.exec(end.message ?? '')?.[1]);
    expect(metrics.losses.length).toBe(iteration);
    expect(Number.isFinite(metrics.losses[iteration - 1])).toBe(false);
    expect((await lab.listRuns()).find((r) => r.id === run.id)?.message).toBe(end.message);
  });
});

describe('LabService: names and validation', () => {
  it('renames and deletes runs', async () => {
    const run = await lab.startRun({ iterations: 1_000_000 });
    expect((await checkedLab(lab).renameRun(run.id, '  wide net ')).name).toBe('wide net');
    await expect(checkedLab(lab).renameRun(run.id, '   ')).rejects.toThrow(
      /Invalid run name: must not be empty/,
    );
    await lab.deleteRun(run.id);
    expect(log.events.some((e) => e.type === 'run-removed' && e.runId === run.id)).toBe(true);
    expect((await lab.listRuns()).some((r) => r.id === run.id)).toBe(false);
    await expect(lab.getRunMetrics(run.id)).rejects.toThrow(/No run with id/);
  });

  it("names a run nobody named by its number, in the caller's language", async () => {
    const number = (id: string) => /^run-(\d+)-/.exec(id)![1];
    const english = await lab.startRun({ iterations: 1_000_000 });
    expect(english.name).toBe(`Run ${number(english.id)}`);
    const korean = await lab.startRun({ iterations: 1_000_000 }, undefined, 'ko');
    expect(korean.name).toBe(`학습 ${number(korean.id)}`);
    // The web bridge's JSON turns a missing name into null; it arrives as no name.
    const checked = checkedLab(lab);
    const japanese = await checked.startRun({ iterations: 1_000_000 }, null as never, 'ja');
    expect(japanese.name).toBe(`学習 ${number(japanese.id)}`);
    const named = await lab.startRun({ iterations: 1_000_000 }, 'mine', 'ja');
    expect(named.name).toBe('mine');
    await expect(checked.startRun({ iterations: 1_000_000 }, undefined, 'fr' as never)).rejects.toThrow(
      /Invalid language/,
    );
    for (const run of [english, korean, japanese, named]) await lab.deleteRun(run.id);
  });

  it('rejects bad configs and arguments with readable messages where the call arrives', async () => {
    const checked = checkedLab(lab);
    await expect(checked.startRun({ learningRate: 50 })).rejects.toThrow(
      /Invalid training config: learningRate: .*10/,
    );
    await expect(checked.startRun({ activation: 'softplus' } as never)).rejects.toThrow(/activation/);
    await expect(checked.startRun({ hidden: [] })).rejects.toThrow(/hidden/);
    await expect(checked.startRun({ bogus: 1 } as never)).rejects.toThrow(/bogus/);
    await expect(checked.pauseRun('../etc')).rejects.toThrow(/Invalid run id/);
    await expect(checked.pauseRun(42 as never)).rejects.toThrow(/Invalid run id/);
    const run = (await lab.listRuns())[0];
    await expect(checked.predict(run.id, new Uint8Array(100))).rejects.toThrow(/784 pixels/);
    await expect(checked.setLearningRate(run.id, 0)).rejects.toThrow(/Invalid learning rate/);
    await expect(checked.sampleImages('validation' as never, 0, 5)).rejects.toThrow(/Invalid split/);
    await expect(checked.sampleImages('test', 0, 101)).rejects.toThrow(/Invalid count/);
    await expect((checked.listRuns as (...a: unknown[]) => Promise<unknown>)(1)).rejects.toThrow(
      /Invalid arguments of listRuns/,
    );
  });

  it('serves sample images and keeps the old dataset when a chosen folder is bad', async () => {
    const before = await lab.datasetInfo();
    const sample = await lab.sampleImages('test', 0, 3);
    expect(sample.pixels.length).toBe(3 * 784);
    expect(Array.from(sample.labels)).toEqual([7, 2, 1]);
    await expect(lab.setDatasetFolder('/nonexistent/mnist')).rejects.toThrow(/Dataset folder not found/);
    expect(await lab.datasetInfo()).toEqual(before);
    expect(await lab.chooseDatasetFolder()).toBeNull(); // the service has no dialog (a browser's answer)
  });
});

/**
 * A SimpleConvNet run adds at most 300 MiB to the service (issue 14's memory bound). The service
 * runs in a process of its own as `npm run serve` runs it (test/web/service-process.ts), MNIST
 * loaded first; the book's SimpleConvNet then trains in its worker thread and is evaluated on the
 * whole training and test sets by its evaluator thread, while the process's resident set is sampled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../src/shared/api';
import { startServiceProcess, type ServiceProcess } from './service-process';

const LIMIT_MIB = 300;

let service: ServiceProcess;

beforeAll(async () => {
  service = await startServiceProcess();
}, 60_000);

afterAll(() => service?.close());

describe('a SimpleConvNet run', () => {
  it('adds at most 300 MiB to the service, worker and evaluator threads included', async () => {
    const { client } = service;
    // MNIST in memory before the baseline: the run's own memory is what is bounded.
    const info = await client.datasetInfo();
    await client.sampleImages('train', 0, 1);
    expect(info.trainCount).toBe(60_000);
    const before = service.memory().rss;

    let evaluations = 0;
    client.onEvent((event: LabEvent) => {
      if (event.type === 'epoch') evaluations++;
    });
    // The bench's job (the book's ch07 defaults, Adam lr 0.001), evaluated every 100 iterations.
    const run = await client.startRun({
      arch: 'simple-convnet',
      optimizer: 'adam',
      learningRate: 0.001,
      stopBy: 'iterations',
      iterations: 1_000_000,
      evalEvery: 100,
    });
    const samples: number[] = [];
    await expect
      .poll(
        () => {
          samples.push(service.memory().rss);
          return evaluations >= 3;
        },
        { timeout: 150_000, interval: 250 },
      )
      .toBe(true);
    const state = (await client.listRuns()).find((r) => r.id === run.id)?.state;
    samples.push(service.memory().rss);
    await client.stopRun(run.id);
    const added = Math.max(...samples) - before;
    console.log(
      `SimpleConvNet run: service RSS ${before.toFixed(0)} MiB before, max ${Math.max(...samples).toFixed(0)} MiB ` +
        `over ${samples.length} samples (+${added.toFixed(0)} MiB)`,
    );
    expect(state).toBe('training');
    expect(samples.length).toBeGreaterThan(10);
    expect(added).toBeLessThanOrEqual(LIMIT_MIB);
  }, 200_000);
});

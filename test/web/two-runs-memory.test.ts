/**
 * Two runs training at once keep the whole service at or under 400 MiB RSS (issue 16). The service
 * runs as `npm run serve` runs it, in a process of its own (test/web/service-process.ts); VmHWM is
 * the peak since it started, loading MNIST included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../src/shared/api';
import { startServiceProcess, type ServiceProcess } from './service-process';

const LIMIT_MIB = 400;

let service: ServiceProcess;

beforeAll(async () => {
  service = await startServiceProcess();
}, 60_000);

afterAll(() => service?.close());

describe('two runs training at once', () => {
  it('keep the whole service, worker threads included, at or under 400 MiB RSS', async () => {
    const { client } = service;
    const evaluations = new Map<string, number>();
    client.onEvent((event: LabEvent) => {
      if (event.type === 'epoch') evaluations.set(event.runId, (evaluations.get(event.runId) ?? 0) + 1);
    });
    // The book's ch05 network as the panel starts it, trained on all of MNIST, evaluated often.
    const config = { iterations: 1_000_000, evalEvery: 300 };
    const runs = [await client.startRun(config), await client.startRun({ ...config, seed: 2 })];
    const ids = runs.map((r) => r.id);

    const samples: number[] = [];
    // Until each run has evaluated 15 times (4,500 iterations), sampling as they train.
    await expect
      .poll(
        () => {
          samples.push(service.memory().rss);
          return ids.every((id) => (evaluations.get(id) ?? 0) >= 15);
        },
        { timeout: 100_000, interval: 250 },
      )
      .toBe(true);
    const runsState = (await client.listRuns()).map((r) => r.state);
    const { rss, peak } = service.memory();
    samples.push(rss);
    for (const id of ids) await client.stopRun(id);
    console.log(
      `two runs training: service RSS max ${Math.max(...samples).toFixed(0)} MiB over ${samples.length} samples, ` +
        `peak (VmHWM, since start) ${peak.toFixed(0)} MiB`,
    );
    expect(runsState).toEqual(['training', 'training']);
    expect(samples.length).toBeGreaterThan(10);
    expect(Math.max(...samples)).toBeLessThanOrEqual(LIMIT_MIB);
    expect(peak).toBeLessThanOrEqual(LIMIT_MIB);
  }, 150_000);
});

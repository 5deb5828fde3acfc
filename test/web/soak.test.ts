/**
 * A soak of the whole service (issue 16), bounded to about a minute and a half: two runs train
 * while two browser clients (the renderer's own bridge client over real WebSockets) fire random
 * pause / resume / step / learning-rate / predict / weights calls at them. At the end: no
 * unhandled rejection, no evaluation lost between the worker and either client, and the heap not
 * growing over the last part of the soak.
 */
import { getHeapStatistics } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Rng } from '../../src/nn/rng';
import { LabService } from '../../src/main/lab/service';
import { startWebBridge, type WebBridge } from '../../src/main/web/server';
import { createWebLabClient, type SocketLike, type WebLabClient } from '../../src/renderer/bridge/web-client';
import type { LabEvent } from '../../src/shared/api';
import { makeRendererDir } from './helpers';

const SOAK_MS = 80_000;
/** Heap samples from this point on must not trend upwards. */
const STEADY_FROM_MS = 30_000;

let lab: LabService;
let bridge: WebBridge;
const clients: WebLabClient[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  lab = new LabService();
  bridge = await startWebBridge(lab, { port: 0, rendererDir: makeRendererDir().rendererDir });
  const url = `ws://127.0.0.1:${bridge.port}/lab?token=${bridge.token}`;
  for (let i = 0; i < 2; i++)
    clients.push(createWebLabClient(url, (u) => new WebSocket(u) as unknown as SocketLike));
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  for (const client of clients) client.close();
  await bridge.close();
  await lab.close();
});

/** A seeded stream (the engine's Rng), so a failing case can be replayed. */
function seeded(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

describe('soak: two runs, two clients, random calls', () => {
  it('ends with no unhandled rejection, no lost evaluation and a flat heap', async () => {
    const epochsSeen = clients.map(() => new Map<string, number[]>());
    clients.forEach((client, c) =>
      client.onEvent((event: LabEvent) => {
        if (event.type !== 'epoch') return;
        const list = epochsSeen[c].get(event.runId) ?? [];
        list.push(event.metrics.iteration);
        epochsSeen[c].set(event.runId, list);
      }),
    );
    const config = { hidden: [32], iterations: 1_000_000, evalEvery: 150, trainSubset: 5000 };
    const runs = [await clients[0].startRun(config), await clients[1].startRun({ ...config, hidden: [16] })];
    const ids = runs.map((r) => r.id);

    const start = Date.now();
    const heap: { at: number; used: number }[] = [];
    const sampler = setInterval(
      () => heap.push({ at: Date.now() - start, used: getHeapStatistics().used_heap_size }),
      2_000,
    );
    const failures: string[] = [];
    let calls = 0;
    await Promise.all(
      clients.map(async (client, c) => {
        const random = seeded(1000 + c);
        const pixels = new Uint8Array(784);
        while (Date.now() - start < SOAK_MS) {
          const runId = ids[Math.floor(random() * ids.length)];
          const action = Math.floor(random() * 6);
          for (let i = 0; i < 784; i++) pixels[i] = random() < 0.2 ? 255 : 0;
          calls++;
          try {
            if (action === 0) await client.pauseRun(runId);
            else if (action === 1) await client.resumeRun(runId);
            else if (action === 2) await client.stepRun(runId);
            else if (action === 3) await client.setLearningRate(runId, 0.01 + random() * 0.2);
            else if (action === 4)
              expect((await client.predict(runId, pixels)).probabilities).toHaveLength(10);
            else
              expect((await client.getWeights(runId)).map((t) => t.name)).toEqual(['W1', 'b1', 'W2', 'b2']);
          } catch (error) {
            failures.push(`${action} on ${runId}: ${String(error)}`);
          }
          await new Promise((r) => setTimeout(r, 10 + random() * 40));
        }
      }),
    );
    clearInterval(sampler);
    for (const id of ids) await clients[0].resumeRun(id);
    for (const id of ids) await clients[0].stopRun(id);
    await expect
      .poll(async () => (await clients[0].listRuns()).map((r) => r.state), { timeout: 30_000 })
      .toEqual(['stopped', 'stopped']);

    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(200);
    expect(unhandled).toEqual([]);
    // Every evaluation the service recorded reached both clients, in order, none twice.
    for (const id of ids) {
      const recorded = (await lab.getRunMetrics(id)).epochs.map((e) => e.iteration);
      expect(recorded.length).toBeGreaterThan(2);
      for (const seen of epochsSeen) expect(seen.get(id)).toEqual(recorded);
    }
    // Flat heap: the steady part's later half is not above its earlier half by more than 64 MiB.
    const steady = heap.filter((s) => s.at >= STEADY_FROM_MS).map((s) => s.used);
    expect(steady.length).toBeGreaterThan(8);
    const half = Math.floor(steady.length / 2);
    const earlier = Math.max(...steady.slice(0, half));
    const later = Math.min(...steady.slice(half));
    expect(later - earlier).toBeLessThan(64 * 1024 * 1024);
  }, 180_000);
});

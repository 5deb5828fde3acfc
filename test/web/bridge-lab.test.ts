import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, messageText } from '../../src/shared/messages';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { WebSocket } from 'ws';
import type { LabEvent } from '../../src/shared/api';
import type { RunSummary } from '../../src/shared/runs';
import { LabService } from '../../src/main/lab/service';
import { decodeMessage, encodeMessage } from '../../src/shared/codec';
import { startWebBridge, type WebBridge } from '../../src/main/web/server';
import { createWebLabClient, type SocketLike, type WebLabClient } from '../../src/renderer/bridge/web-client';
import { makeRendererDir } from './helpers';

// A real Lab service (real MNIST, real worker threads) behind a real bridge, reached through the
// browser client's code over a real WebSocket.
let lab: LabService;
let bridge: WebBridge;
let client: WebLabClient;
const socketUrl = () => `ws://127.0.0.1:${bridge.port}/lab?token=${bridge.token}`;
const connectWs = (url: string) => new WebSocket(url) as unknown as SocketLike;

beforeAll(async () => {
  lab = new LabService();
  bridge = await startWebBridge(lab, { port: 0, rendererDir: makeRendererDir().rendererDir });
  client = createWebLabClient(socketUrl(), connectWs);
});
afterAll(async () => {
  client.close();
  await bridge.close();
  await lab.close();
});

/** Resolves with the first event that `match` accepts. */
function nextEvent<T extends LabEvent>(match: (e: LabEvent) => e is T): Promise<T> {
  return new Promise((resolve) => {
    const off = client.onEvent((e) => {
      if (match(e)) {
        off();
        resolve(e);
      }
    });
  });
}

describe('web bridge with a real LabService', () => {
  it('answers datasetInfo and sampleImages exactly as the service does, pixels as Uint8Array', async () => {
    expect(await client.datasetInfo()).toEqual(await lab.datasetInfo());
    const viaBridge = await client.sampleImages('test', 5, 3);
    const direct = await lab.sampleImages('test', 5, 3);
    expect(viaBridge.pixels).toBeInstanceOf(Uint8Array);
    expect(viaBridge.pixels.length).toBe(3 * 784);
    expect(viaBridge.pixels).toEqual(direct.pixels);
    expect(viaBridge.labels).toEqual(direct.labels);
  });

  it('answers appInfo with what the service runs: the built WebAssembly kernels, this Node', async () => {
    const info = await client.appInfo();
    expect(info).toEqual(await lab.appInfo());
    expect(info).toMatchObject({ kernels: 'wasm-simd', node: process.versions.node });
    expect(typeof info.relaxedSimd).toBe('boolean');
  });

  it('trains a run: events with Float32Array losses reach the client; weights, metrics and predict come back typed', async () => {
    const finished = nextEvent(
      (e): e is Extract<LabEvent, { type: 'state' }> => e.type === 'state' && e.state === 'finished',
    );
    const iterations = nextEvent(
      (e): e is Extract<LabEvent, { type: 'iterations' }> => e.type === 'iterations',
    );
    const run: RunSummary = await client.startRun(
      { hidden: [16], iterations: 40, evalEvery: 20, batchSize: 50, trainSubset: 1000, seed: 3 },
      'bridge test',
    );
    expect(run.name).toBe('bridge test');
    const batch = (await iterations).batch;
    expect(batch.losses).toBeInstanceOf(Float32Array);
    expect(batch.losses.length).toBeGreaterThan(0);
    expect((await finished).runId).toBe(run.id);

    const weights = await client.getWeights(run.id);
    const direct = await lab.getWeights(run.id);
    expect(weights.map((w) => [w.name, w.shape])).toEqual(direct.map((w) => [w.name, w.shape]));
    weights.forEach((w, i) => {
      expect(w.data).toBeInstanceOf(Float32Array);
      expect(w.data).toEqual(direct[i].data);
    });

    const metrics = await client.getRunMetrics(run.id);
    expect(metrics.losses).toBeInstanceOf(Float32Array);
    expect(metrics.losses.length).toBe(40);
    expect(metrics.epochs.length).toBe(2);

    const { pixels } = await client.sampleImages('test', 0, 1);
    const prediction = await client.predict(run.id, pixels);
    expect(prediction.probabilities).toBeInstanceOf(Float32Array);
    expect(prediction.probabilities.length).toBe(10);
    expect(prediction.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(Array.from(prediction.probabilities)).toEqual(
      Array.from((await lab.predict(run.id, pixels)).probabilities),
    );
  });

  it('hands the hidden-layer map over with the layer’s outputs only when asked for (the t-SNE view), and checks the option', async () => {
    const run = (await client.listRuns()).find((r) => r.name === 'bridge test')!;
    let plain = null;
    while (plain === null) plain = await client.hiddenMap(run.id, 0);
    expect(plain.features).toBeNull();
    let full = null;
    while (full === null) full = await client.hiddenMap(run.id, 0, undefined, { withFeatures: true });
    expect(full.features).toBeInstanceOf(Float32Array);
    expect(full.features!.length).toBe(full.labels.length * 16);
    let direct = null;
    while (direct === null) direct = await lab.hiddenMap(run.id, 0, undefined, { withFeatures: true });
    expect(Array.from(full.features!)).toEqual(Array.from(direct.features!));
    const bad = { withFeatures: 1 } as unknown as { withFeatures: boolean };
    await expect(client.hiddenMap(run.id, 0, undefined, bad)).rejects.toThrow(/hidden map options/);
  });

  it('rejects with the service’s readable message when arguments are out of range', async () => {
    await expect(client.startRun({ learningRate: -1 })).rejects.toThrow(/learningRate/);
    await expect(client.getWeights('no-such-run')).rejects.toThrow(Error);
  });

  it('sends every frame binary and refuses unknown methods and text frames', async () => {
    const raw = new WebSocket(socketUrl());
    await new Promise((resolve) => raw.once('open', resolve));
    const replies: { isBinary: boolean; message: unknown }[] = [];
    raw.on('message', (data: Buffer, isBinary) =>
      replies.push({ isBinary, message: isBinary ? decodeMessage(data) : String(data) }),
    );
    const waitFor = async (n: number) => {
      while (replies.length < n) await new Promise((r) => setTimeout(r, 20));
    };
    raw.send(encodeMessage({ id: 1, method: 'close', args: [] }));
    raw.send(encodeMessage({ id: 2, method: '__testKillWorker', args: ['x'] }));
    raw.send(encodeMessage({ id: 3, method: 'listRuns', args: [] }));
    raw.send('{"id":4,"method":"listRuns","args":[]}');
    await waitFor(4);
    raw.close();
    const byId = (id: number) => replies.find((r) => (r.message as { id: number }).id === id);
    expect(replies.every((r) => r.isBinary)).toBe(true);
    expect(byId(1)?.message).toEqual({ id: 1, error: message('unknownMethod', { method: 'close' }) });
    expect(byId(2)?.message).toEqual({
      id: 2,
      error: message('unknownMethod', { method: '__testKillWorker' }),
    });
    expect(Array.isArray((byId(3)?.message as { result: unknown }).result)).toBe(true);
    expect(byId(-1)?.message).toEqual({
      id: -1,
      error: message('badRequest', { text: 'requests must be binary frames' }),
    });
  });

  it('rejects pending calls with a clear message when the connection drops, then reconnects', async () => {
    // A TCP relay in front of the bridge lets the test cut the connection without stopping the bridge.
    const links = new Set<Socket>();
    const relay = createServer((inbound) => {
      const outbound = connect({ host: '127.0.0.1', port: bridge.port });
      for (const s of [inbound, outbound]) {
        links.add(s);
        s.on('error', () => {});
        s.on('close', () => links.delete(s));
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const relayPort = (relay.address() as AddressInfo).port;
    // The bridge checks the Host header, so the relayed client names the bridge's own address.
    const viaRelay = createWebLabClient(
      `ws://127.0.0.1:${relayPort}/lab?token=${bridge.token}`,
      (url) => new WebSocket(url, { headers: { host: `127.0.0.1:${bridge.port}` } }) as unknown as SocketLike,
    );
    const errors: string[] = [];
    viaRelay.onEvent((e) => e.type === 'error' && errors.push(messageText(e.message)));
    try {
      const [run] = await viaRelay.listRuns();
      const pending = viaRelay.evaluateRun(run.id); // in flight when the line is cut
      for (const s of links) s.destroy();
      await expect(pending).rejects.toThrow(/connection to MNIST Lab was lost/);
      expect(errors[0]).toMatch(/connection to MNIST Lab was lost; reconnecting/);
      // The line stays down for a while: the client keeps retrying, announcing the outage once.
      await new Promise<void>((resolve) => relay.close(() => resolve()));
      await new Promise((r) => setTimeout(r, 1200));
      expect(errors).toHaveLength(1);
      await new Promise<void>((resolve) => relay.listen(relayPort, '127.0.0.1', resolve));
      // Back up: the client reconnects by itself and the same calls work again.
      expect((await viaRelay.listRuns()).map((r) => r.id)).toContain(run.id);
      expect(errors).toHaveLength(1);
    } finally {
      viaRelay.close();
      for (const s of links) s.destroy();
      relay.close();
    }
  });

  it('a client with a wrong token is told so and stops retrying', async () => {
    const wrong = createWebLabClient(`ws://127.0.0.1:${bridge.port}/lab?token=stale`, connectWs);
    await expect(wrong.listRuns()).rejects.toThrow(/refused this page’s token/);
    await expect(wrong.datasetInfo()).rejects.toThrow(/refused this page’s token/);
    wrong.close();
  });
});

/**
 * The bridge's frame limit follows the largest file the Lab imports: a weights file over the old
 * 16 MiB frame limit opens through the bridge (before, the socket closed with "connection lost").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { encodeWeights } from '../../src/formats/index';
import { LabService } from '../../src/main/lab/service';
import { decodeMessage, encodeMessage } from '../../src/shared/codec';
import { startWebBridge, type WebBridge } from '../../src/main/web/server';
import type { WeightTensor } from '../../src/shared/runs';
import { makeRendererDir } from './helpers';

let lab: LabService;
let bridge: WebBridge;
beforeAll(async () => {
  lab = new LabService();
  bridge = await startWebBridge(lab, { port: 0, rendererDir: makeRendererDir().rendererDir });
});
afterAll(async () => {
  await bridge.close();
  await lab.close();
});

/** A 784-1024x5-10 network's tensors with small non-zero values: about 20 MB of float32. */
function bigNetwork(): WeightTensor[] {
  const sizes = [784, 1024, 1024, 1024, 1024, 1024, 10];
  const tensors: WeightTensor[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const W = new Float32Array(sizes[l - 1] * sizes[l]);
    for (let i = 0; i < W.length; i++) W[i] = ((i % 97) - 48) * 1e-3;
    tensors.push({ name: `W${l}`, shape: [sizes[l - 1], sizes[l]], data: W });
    tensors.push({ name: `b${l}`, shape: [sizes[l]], data: new Float32Array(sizes[l]) });
  }
  return tensors;
}

describe('web bridge frame limit', () => {
  it('opens a weights file larger than 16 MiB sent over the socket', async () => {
    const bytes = encodeWeights('pkl', bigNetwork());
    expect(bytes.length).toBeGreaterThan(16 * 1024 * 1024);
    const ws = new WebSocket(`ws://127.0.0.1:${bridge.port}/lab?token=${bridge.token}`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const answer = new Promise<unknown>((resolve, reject) => {
      ws.on('message', (data: Buffer) => {
        const message = decodeMessage(new Uint8Array(data)) as { id?: number };
        if (message.id === 1) resolve(message);
      });
      ws.once('close', (code) => reject(new Error(`the socket closed (${code})`)));
    });
    ws.send(encodeMessage({ id: 1, method: 'openWeights', args: ['big.pkl', bytes] }), { binary: true });
    const message = (await answer) as { result?: { sizes: number[] }; error?: unknown };
    expect(message.error).toBeUndefined();
    expect(message.result?.sizes).toEqual([784, 1024, 1024, 1024, 1024, 1024, 10]);
    ws.close();
  }, 60_000);
});

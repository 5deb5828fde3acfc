/**
 * evaluateNetwork scores softmax networks straight from the logits (no probabilities written):
 * it must count and sum exactly what the book's way gives - softmax-with-loss forward on the whole
 * range at once as a dense batch, then argmax of the outputs - for label ranges and both losses.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Trainer, evaluateNetwork, tsBackend, type Backend, type DataSplit } from '../../src/nn';
import { wasmBackendFromBytes } from '../../src/nn/kernels-wasm';
import { countArgmaxMatches, type LossName } from '../../src/nn/network';
import { BOOK_CONFIG, loadMnist } from './mnist-fixture';

let train: DataSplit;
let test: DataSplit;
beforeAll(() => {
  train = loadMnist('train', 3000);
  test = loadMnist('t10k', 2500);
});

/** The reference: one dense batch of images [start, end), the loss layer's forward, argmax of y. */
function reference(t: Trainer, split: DataSplit, start: number, end: number) {
  const n = end - start;
  const D = split.pixelsPerImage;
  const x = t.network.backend.alloc.floats(n * D);
  for (let i = 0; i < n * D; i++) x[i] = split.images[start * D + i] / 255;
  const labels = split.labels.slice(start, end);
  const net = t.network;
  const loss = net.lastLayer.forward(net.forward({ kind: 'dense', n, data: x }, false), labels);
  return { correct: countArgmaxMatches(net.lastLayer.y, labels), loss };
}

describe('evaluateNetwork', () => {
  const cases: [string, LossName, () => Backend][] = [
    ['ts, softmax', 'softmax-cross-entropy', () => tsBackend],
    ['ts, identity-mse', 'identity-mse', () => tsBackend],
    [
      'wasm, softmax',
      'softmax-cross-entropy',
      () => wasmBackendFromBytes(readFileSync(resolve(__dirname, '../../build/kernels.wasm'))),
    ],
  ];
  for (const [label, loss, makeBackend] of cases) {
    it(`${label}: same correct count and mean loss as the dense book-style reference`, () => {
      const backend = makeBackend();
      const c = { ...BOOK_CONFIG, hidden: [50], loss, iterations: 200 };
      const t = new Trainer(c, { train, test }, { backend });
      while (!t.done) t.step();
      // 2500 images: two full batches of 1000 and a short one; the range starts mid-split.
      const got = evaluateNetwork(t.network, test, { start: 0, end: 2500 });
      const want = reference(t, test, 0, 2500);
      expect(got.count).toBe(2500);
      expect(got.correct).toBe(want.correct);
      expect(got.correct).toBeGreaterThan(1500); // 200 iterations learn something
      expect(got.loss).toBeCloseTo(want.loss, 5);
      const part = evaluateNetwork(t.network, train, { start: 1234, end: 2345 });
      const wantPart = reference(t, train, 1234, 2345);
      expect(part.correct).toBe(wantPart.correct);
      expect(part.loss).toBeCloseTo(wantPart.loss, 5);
    });
  }
});

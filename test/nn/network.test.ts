import { describe, expect, it } from 'vitest';
import { BatchBuilder, Rng, createNetwork, shiftRotate, tsBackend, type NetworkSpec } from '../../src/nn';
import { loadMnist } from './mnist-fixture';

const SPEC: NetworkSpec = {
  inputSize: 784,
  hidden: [30, 20],
  outputSize: 10,
  activation: 'relu',
  loss: 'softmax-cross-entropy',
  init: 'he',
  initStd: 0.01,
  batchNorm: true,
  dropout: 0.2,
  weightDecay: 'none',
  weightDecayLambda: 0,
};

describe('Network parameters', () => {
  it("are named and ordered like the book's MultiLayerNetExtend and all live in one flat buffer", () => {
    const net = createNetwork(SPEC, { backend: tsBackend, rng: new Rng(1) });
    const ts = net.tensors();
    expect(ts.map((t) => t.name)).toEqual([
      'W1',
      'b1',
      'W2',
      'b2',
      'W3',
      'b3',
      'gamma1',
      'beta1',
      'gamma2',
      'beta2',
      'runningMean1',
      'runningVar1',
      'runningMean2',
      'runningVar2',
    ]);
    expect(ts[0].shape).toEqual([784, 30]);
    expect(ts[4].shape).toEqual([20, 10]);
    const flat = net.flatParams();
    expect(flat.length).toBe(784 * 30 + 30 + 30 * 20 + 20 + 20 * 10 + 10 + 4 * 30 + 4 * 20);
    for (const t of ts) expect(t.data.buffer).toBe(flat.buffer);
    expect(Object.keys(net.params)).toEqual(ts.slice(0, 10).map((t) => t.name));
    // he init: std √(2/784) for W1; biases 0; gamma 1
    const W1 = ts[0].data;
    let sumSq = 0;
    for (const w of W1) sumSq += w * w;
    const std = Math.sqrt(sumSq / W1.length);
    expect(std).toBeCloseTo(Math.sqrt(2 / 784), 3);
    expect(ts[1].data.every((v) => v === 0)).toBe(true);
    expect(ts[6].data.every((v) => v === 1)).toBe(true);
  });

  it('setTensors loads by name and refuses a wrong shape, an unknown or a missing name, changing nothing', () => {
    const a = createNetwork(SPEC, { backend: tsBackend, rng: new Rng(1) });
    const b = createNetwork(SPEC, { backend: tsBackend, rng: new Rng(2) });
    const before = b.flatParams().slice();
    const good = a.tensors();
    const wrongShape = good.map((t) => (t.name === 'W2' ? { ...t, shape: [20, 30] } : t));
    expect(() => b.setTensors(wrongShape)).toThrow(/'W2' has shape \(20, 30\), expected \(30, 20\)/);
    expect(() => b.setTensors([...good, { name: 'W9', shape: [1], data: [0] }])).toThrow(
      /unknown tensor 'W9'/,
    );
    expect(() => b.setTensors(good.filter((t) => t.name !== 'b3'))).toThrow(/missing tensor 'b3'/);
    expect(() => b.setTensors(good.map((t) => (t.name === 'b1' ? { ...t, data: [1, 2] } : t)))).toThrow(
      /'b1' has 2 values, expected 30/,
    );
    expect(b.flatParams()).toEqual(before);
    b.setTensors(good);
    expect(b.flatParams()).toEqual(a.flatParams());
  });
});

describe('Network inference', () => {
  const test = loadMnist('t10k', 20);
  const pixels = (i: number): Float32Array =>
    Float32Array.from(test.images.subarray(i * 784, (i + 1) * 784), (v) => v / 255);

  it('predict gives probability rows; dense and sparse inputs agree; inference ignores dropout', () => {
    const net = createNetwork(SPEC, { backend: tsBackend, rng: new Rng(3) });
    // Warm up the BN running stats so inference is meaningful.
    const batch = new BatchBuilder(tsBackend, 20, 784, { noiseSigma: 0, augmentShift: 0, augmentRotate: 0 });
    const idx = Int32Array.from({ length: 20 }, (_, i) => i);
    const sparse = batch.fill(test, idx, 20, new Rng(0));
    for (let k = 0; k < 30; k++) net.gradient(sparse, test.labels);
    const dense = new Float32Array(20 * 784);
    for (let i = 0; i < 20; i++) dense.set(pixels(i), i * 784);
    const pd = net.predict({ kind: 'dense', n: 20, data: dense });
    const ps = net.predict(sparse);
    expect(pd.length).toBe(200);
    for (let i = 0; i < 200; i++) expect(pd[i]).toBeCloseTo(ps[i], 5);
    for (let i = 0; i < 20; i++) {
      let rowSum = 0;
      for (let j = 0; j < 10; j++) rowSum += pd[i * 10 + j];
      expect(rowSum).toBeCloseTo(1, 5);
    }
    expect(net.predict(sparse)).toEqual(ps); // inference is deterministic despite dropout
    expect(net.predict(sparse, true)).not.toEqual(ps); // training mode draws masks
    expect(net.accuracy(sparse, test.labels)).toBe(net.countCorrect(sparse, test.labels) / 20);
  });

  it('activations reports each hidden layer output for one image, then the probabilities', () => {
    const net = createNetwork(
      { ...SPEC, batchNorm: false, dropout: 0 },
      { backend: tsBackend, rng: new Rng(3) },
    );
    const acts = net.activations(pixels(0));
    expect(acts.map((a) => [a.name, a.data.length])).toEqual([
      ['Relu1', 30],
      ['Relu2', 20],
      ['Softmax', 10],
    ]);
    expect(acts[0].data.every((v) => v >= 0)).toBe(true);
    const p = net.predict({ kind: 'dense', n: 1, data: pixels(0) });
    for (let j = 0; j < 10; j++) expect(acts[2].data[j]).toBeCloseTo(p[j], 6);
  });
});

describe('batches', () => {
  const test = loadMnist('t10k', 10);
  const idx = Int32Array.from({ length: 10 }, (_, i) => i);

  it('sparse batches hold exactly the non-zero pixels / 255', () => {
    const b = new BatchBuilder(tsBackend, 10, 784, { noiseSigma: 0, augmentShift: 0, augmentRotate: 0 });
    const input = b.fill(test, idx, 10, new Rng(0));
    if (input.kind !== 'sparse') throw new Error('expected sparse');
    const { rowPtr, colIdx, values } = input.csr;
    for (let i = 0; i < 10; i++) {
      const dense = new Float32Array(784);
      for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) dense[colIdx[e]] = values[e];
      for (let p = 0; p < 784; p++) expect(dense[p]).toBe(Math.fround(test.images[i * 784 + p] / 255));
    }
    expect(Array.from(b.labels)).toEqual(Array.from(test.labels));
  });

  it('noise makes dense batches in [0, 1] that differ from the clean image by about sigma', () => {
    const b = new BatchBuilder(tsBackend, 10, 784, { noiseSigma: 0.2, augmentShift: 0, augmentRotate: 0 });
    const input = b.fill(test, idx, 10, new Rng(0));
    if (input.kind !== 'dense') throw new Error('expected dense');
    let sq = 0;
    let inner = 0;
    for (let k = 0; k < 7840; k++) {
      const v = input.data[k];
      expect(v >= 0 && v <= 1).toBe(true);
      const clean = test.images[k] / 255;
      if (clean > 0.3 && clean < 0.7) {
        // away from the clipping edges
        sq += (v - clean) ** 2;
        inner++;
      }
    }
    expect(Math.sqrt(sq / inner)).toBeGreaterThan(0.15);
    expect(Math.sqrt(sq / inner)).toBeLessThan(0.25);
  });

  it('shiftRotate: a shift moves pixels exactly; 90° rotation turns the image; nothing is lost in the middle', () => {
    const side = 28;
    const img = test.images.subarray(0, 784);
    const out = new Float32Array(784);
    shiftRotate(test.images, 0, out, side, 2, -1, 0);
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++) {
        const sx = x - 2;
        const sy = y + 1;
        const expected = sx < 0 || sy >= side ? 0 : img[sy * side + sx] / 255;
        expect(out[y * side + x]).toBeCloseTo(expected, 6);
      }
    shiftRotate(test.images, 0, out, side, 0, 0, Math.PI / 2);
    // Rotating by +90° (y down): output (x, y) comes from source (y, 27 - x).
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++) expect(out[y * side + x]).toBeCloseTo(img[(27 - x) * side + y] / 255, 5);
  });
});

import * as ort from 'onnxruntime-web';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMnistPair, type MnistPair } from '../../src/formats/idx';
import { writeOnnx } from '../../src/formats/onnx';
import { readPickledTensors } from '../../src/formats/pickle';
import { ExportError } from '../../src/formats/errors';
import type { WeightTensor } from '../../src/shared/runs';
import { bookDir, mnistDir, readBytes } from './helpers';

type Activation = 'relu' | 'sigmoid' | 'tanh';
const EPS = 1e-7;
const IMAGES = 256;

/** A seeded uniform RNG (mulberry32), so a failure can be reproduced. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random weights for sizes [784, ...hidden, 10], with batch-norm parameters when asked. */
function randomNetwork(sizes: number[], batchNorm: boolean, seed: number): WeightTensor[] {
  const random = rng(seed);
  const fill = (n: number, scale: number, offset = 0) =>
    Float32Array.from({ length: n }, () => offset + (random() * 2 - 1) * scale);
  const tensors: WeightTensor[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const [D, M] = [sizes[l - 1], sizes[l]];
    tensors.push({ name: `W${l}`, shape: [D, M], data: fill(D * M, Math.sqrt(6 / D)) });
    tensors.push({ name: `b${l}`, shape: [M], data: fill(M, 0.1) });
  }
  if (batchNorm) {
    for (let l = 1; l < sizes.length - 1; l++) {
      const M = sizes[l];
      tensors.push({ name: `gamma${l}`, shape: [M], data: fill(M, 0.5, 1) });
      tensors.push({ name: `beta${l}`, shape: [M], data: fill(M, 0.3) });
      tensors.push({ name: `runningMean${l}`, shape: [M], data: fill(M, 0.5) });
      tensors.push({ name: `runningVar${l}`, shape: [M], data: fill(M, 0.9, 1) });
    }
  }
  return tensors;
}

/** The plain forward pass the ONNX model must reproduce, batch norm NOT folded (float64 math). */
function forward(tensors: WeightTensor[], activation: Activation, x: Float32Array, n: number): Float64Array {
  const t = (name: string) => tensors.find((w) => w.name === name);
  const act = {
    relu: (v: number) => Math.max(0, v),
    sigmoid: (v: number) => 1 / (1 + Math.exp(-v)),
    tanh: Math.tanh,
  }[activation];
  let h: Float64Array = Float64Array.from(x);
  let D = 784;
  for (let l = 1; t(`W${l}`); l++) {
    const W = t(`W${l}`)!;
    const b = t(`b${l}`)!;
    const M = W.shape[1];
    const out = new Float64Array(n * M);
    // h (n, D) · W (D, M) + b -> (n, M)
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < M; j++) {
        let s = b.data[j];
        for (let i = 0; i < D; i++) s += h[r * D + i] * W.data[i * M + j];
        out[r * M + j] = s;
      }
    }
    const last = !t(`W${l + 1}`);
    if (!last) {
      const gamma = t(`gamma${l}`);
      for (let k = 0; k < out.length; k++) {
        const j = k % M;
        let v = out[k];
        if (gamma)
          v =
            (gamma.data[j] * (v - t(`runningMean${l}`)!.data[j])) /
              Math.sqrt(t(`runningVar${l}`)!.data[j] + EPS) +
            t(`beta${l}`)!.data[j];
        out[k] = act(v);
      }
    } else {
      for (let r = 0; r < n; r++) {
        const row = out.subarray(r * M, (r + 1) * M);
        const max = Math.max(...row);
        let sum = 0;
        for (let j = 0; j < M; j++) sum += row[j] = Math.exp(row[j] - max);
        for (let j = 0; j < M; j++) row[j] /= sum;
      }
    }
    h = out;
    D = M;
  }
  return h;
}

const argmax = (row: ArrayLike<number>) => {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
  return best;
};

describe('ONNX export run by onnxruntime-web (wasm backend)', () => {
  let pixels: Float32Array;
  let labels: Uint8Array;
  beforeAll(() => {
    ort.env.wasm.numThreads = 1;
    const mnist: MnistPair = parseMnistPair(
      readBytes(path.join(mnistDir, 't10k-images-idx3-ubyte')),
      readBytes(path.join(mnistDir, 't10k-labels-idx1-ubyte')),
    );
    labels = mnist.labels.subarray(0, IMAGES);
    pixels = Float32Array.from(mnist.images.subarray(0, IMAGES * 784), (p) => p / 255);
  });

  const cases: { activation: Activation; hidden: number[]; batchNorm: boolean }[] = [
    { activation: 'relu', hidden: [50], batchNorm: false },
    { activation: 'tanh', hidden: [30], batchNorm: false },
    { activation: 'tanh', hidden: [64, 32], batchNorm: true },
    { activation: 'relu', hidden: [100, 100, 50], batchNorm: true },
  ];
  for (const [k, c] of cases.entries()) {
    it(`784-${c.hidden.join('-')}-10 ${c.activation}${c.batchNorm ? ' + batch norm (folded)' : ''}: same argmax, probabilities within 1e-5`, async () => {
      const tensors = randomNetwork([784, ...c.hidden, 10], c.batchNorm, 1000 + k);
      const session = await ort.InferenceSession.create(writeOnnx(tensors, { activation: c.activation }));
      expect(session.inputNames).toEqual(['input']);
      expect(session.outputNames).toEqual(['probabilities']);
      const result = await session.run({ input: new ort.Tensor('float32', pixels, [IMAGES, 784]) });
      const probabilities = result.probabilities;
      expect(probabilities.dims).toEqual([IMAGES, 10]);
      const got = probabilities.data as Float32Array;
      const want = forward(tensors, c.activation, pixels, IMAGES);
      let maxDiff = 0;
      const predicted = new Set<number>();
      for (let r = 0; r < IMAGES; r++) {
        const row = got.subarray(r * 10, r * 10 + 10);
        expect(argmax(row), `image ${r}`).toBe(argmax(want.subarray(r * 10, r * 10 + 10)));
        predicted.add(argmax(row));
        for (let j = 0; j < 10; j++) maxDiff = Math.max(maxDiff, Math.abs(row[j] - want[r * 10 + j]));
      }
      expect(maxDiff).toBeLessThan(1e-5);
      expect(predicted.size).toBeGreaterThan(1); // the comparison is not vacuous: outputs vary by image
      await session.release();
    });
  }

  it("the book's sample_weight.pkl (784-50-100-10 sigmoid) exported to ONNX classifies MNIST as the book does", async () => {
    const tensors = readPickledTensors(readBytes(path.join(bookDir, 'sample_weight.pkl')));
    const session = await ort.InferenceSession.create(writeOnnx(tensors, { activation: 'sigmoid' }));
    const result = await session.run({ input: new ort.Tensor('float32', pixels, [IMAGES, 784]) });
    const got = result.probabilities.data as Float32Array;
    const want = forward(tensors, 'sigmoid', pixels, IMAGES);
    let correct = 0;
    for (let r = 0; r < IMAGES; r++) {
      const predicted = argmax(got.subarray(r * 10, r * 10 + 10));
      expect(predicted, `image ${r}`).toBe(argmax(want.subarray(r * 10, r * 10 + 10)));
      if (predicted === labels[r]) correct++;
      for (let j = 0; j < 10; j++) expect(Math.abs(got[r * 10 + j] - want[r * 10 + j])).toBeLessThan(1e-5);
    }
    expect(correct / IMAGES).toBeGreaterThan(0.9); // the book reports 93.52 % on the whole test set
    await session.release();
  });

  it('accepts any batch size (the first dimension is symbolic)', async () => {
    const tensors = randomNetwork([784, 20, 10], false, 7);
    const session = await ort.InferenceSession.create(writeOnnx(tensors, { activation: 'relu' }));
    const one = await session.run({ input: new ort.Tensor('float32', pixels.subarray(0, 784), [1, 784]) });
    expect(one.probabilities.dims).toEqual([1, 10]);
    const sum = Array.from(one.probabilities.data as Float32Array).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 5);
    await session.release();
  });

  it('refuses weights that are not an MLP chain', () => {
    expect(() =>
      writeOnnx([{ name: 'W1', shape: [30, 1, 5, 5], data: new Float32Array(750) }], { activation: 'relu' }),
    ).toThrow(ExportError);
    expect(() => writeOnnx([], { activation: 'relu' })).toThrow(/No W1 tensor/);
    const broken = randomNetwork([784, 20, 10], false, 3).filter((t) => t.name !== 'b2');
    expect(() => writeOnnx(broken, { activation: 'relu' })).toThrow(/b2 is missing/);
    const mismatched = randomNetwork([784, 20, 10], false, 3).map((t) =>
      t.name === 'W2' ? { ...t, shape: [21, 10], data: new Float32Array(210) } : t,
    );
    expect(() => writeOnnx(mismatched, { activation: 'relu' })).toThrow(
      /W2 expects 21 inputs but layer 1 has 20 outputs/,
    );
  });
});

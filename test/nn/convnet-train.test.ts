/**
 * A short real SimpleConvNet run on real MNIST through the Trainer on the WebAssembly SIMD kernels
 * (the worker's path): the book's network, Adam lr 0.001, batch 100 drawn at random, 200 iterations
 * on the first 10,000 training images; then the first 2,000 test images. Stated goal: ≥ 90 %
 * (the accuracy is printed). The same seed gives the same losses (reproducible).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Trainer, type TrainerConfig } from '../../src/nn';
import { wasmBackendFromBytes } from '../../src/nn/kernels-wasm';
import { BOOK_CONFIG, loadMnist } from './mnist-fixture';

const WASM = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/kernels.wasm');
const present = existsSync(WASM);
if (!present && process.env.CI === 'true')
  throw new Error('build/kernels.wasm is missing: run npm run build:wasm');

const title = present
  ? 'SimpleConvNet trains on real MNIST'
  : 'SimpleConvNet trains on real MNIST (skipped: build/kernels.wasm absent, run npm run build:wasm)';

describe.skipIf(!present)(title, () => {
  it('reaches 90 % test accuracy after 200 Adam iterations, reproducibly', { timeout: 120_000 }, () => {
    const train = loadMnist('train', 10_000);
    const test = loadMnist('t10k', 2000);
    const config: TrainerConfig = {
      ...BOOK_CONFIG,
      arch: 'simple-convnet',
      optimizer: 'adam',
      learningRate: 0.001,
      stopBy: 'iterations',
      iterations: 200,
      evalEvery: 200,
    };
    const bytes = new Uint8Array(readFileSync(WASM));
    const a = new Trainer(config, { train, test }, { backend: wasmBackendFromBytes(bytes) });
    expect(a.network.tensors().map((t) => t.name)).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
    const losses: number[] = [];
    while (!a.done) losses.push(a.step().loss);
    const e = a.evaluate('test');
    console.log(`SimpleConvNet, 200 iterations: test accuracy ${e.accuracy} (${e.correct}/${e.count})`);
    expect(e.count).toBe(2000);
    expect(e.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
    // Same config and seed: the same first losses, bit for bit.
    const b = new Trainer(config, { train, test }, { backend: wasmBackendFromBytes(bytes) });
    for (let i = 0; i < 5; i++) expect(b.step().loss).toBe(losses[i]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Trainer, tsBackend, type TrainerConfig } from '../../src/nn';
import { wasmBackendFromBytes } from '../../src/nn/kernels-wasm';
import { BOOK_CONFIG, loadMnist } from './mnist-fixture';

const WASM = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/kernels.wasm');
const present = existsSync(WASM);
if (!present && process.env.CI === 'true')
  throw new Error(`build/kernels.wasm is missing: run npm run build:wasm`);

/**
 * The engine's buffers all come from the backend (flat parameters, layer outputs, CSR batches),
 * so the same training runs on the WebAssembly kernels unchanged and follows the same curve
 * (float32 sums in a different order: losses agree to ~1e-4, not bit for bit).
 */
const title = present
  ? 'Trainer on the WebAssembly SIMD kernels'
  : 'Trainer on the WebAssembly SIMD kernels (skipped: build/kernels.wasm absent, run npm run build:wasm)';

describe.skipIf(!present)(title, () => {
  it('follows the tsKernels loss curve for 100 iterations, with BN, dropout and a dense noisy batch too', () => {
    const train = loadMnist('train', 5000);
    const test = loadMnist('t10k', 1000);
    const configs: TrainerConfig[] = [
      { ...BOOK_CONFIG, hidden: [50] },
      {
        ...BOOK_CONFIG,
        hidden: [64, 32],
        batchNorm: true,
        dropout: 0.2,
        noiseSigma: 0.1,
        optimizer: 'adam',
        learningRate: 0.001,
      },
    ];
    for (const c of configs) {
      const wasm = wasmBackendFromBytes(new Uint8Array(readFileSync(WASM)));
      const a = new Trainer(c, { train, test }, { backend: wasm });
      const b = new Trainer(c, { train, test }, { backend: tsBackend });
      for (let i = 0; i < 100; i++) {
        const la = a.step().loss;
        const lb = b.step().loss;
        expect(Math.abs(la - lb), `iteration ${i}`).toBeLessThan(2e-3);
      }
      const ea = a.evaluate('test');
      const eb = b.evaluate('test');
      expect(Math.abs(ea.accuracy - eb.accuracy)).toBeLessThanOrEqual(0.005);
      expect(ea.accuracy).toBeGreaterThan(0.5); // 100 iterations: well above chance (0.1)
    }
  });
});

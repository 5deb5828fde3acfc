/**
 * Where a job's time goes: every kernel call of the backend timed (performance.now around each
 * call), the rest of the step (optimizer, softmax, batch building) as "other".
 *
 *   node --experimental-wasm-relaxed-simd --import tsx bench/profile.ts [--arch simple-convnet|deep-convnet|mlp] [--iterations N]
 * (under flock /tmp/heavy.lock). Prints one line per kernel: total ms, share, calls.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadMnist } from '../src/main/lab/dataset';
import { Trainer, type DataSplit } from '../src/nn';
import type { Backend } from '../src/nn/backend';
import type { Kernels } from '../src/nn/kernels';
import { compileKernels, createWasmBackend, kernelVariant } from '../src/nn/kernels-wasm';
import { DEFAULT_CONFIG } from '../src/shared/hyperparams';
import { viewSplit } from '../src/shared/dataset';

const root = resolve(import.meta.dirname, '..');

/** The backend with every kernel call timed into `times` (ms) and `calls`, keyed by kernel and caller shape. */
export function timedBackend(inner: Backend, times: Map<string, { ms: number; calls: number }>): Backend {
  const kernels = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(inner.kernels)) {
    if (typeof fn !== 'function') {
      kernels[name] = fn;
      continue;
    }
    kernels[name] = (...args: unknown[]) => {
      const shape = args.filter((a) => typeof a === 'number').join('x');
      const g = args.find((a) => typeof a === 'object' && a !== null && 'FH' in a) as
        { N: number; C: number; H: number; FH: number } | undefined;
      const key = `${name}(${g ? `N${g.N} C${g.C} H${g.H} F${g.FH}` : shape})`;
      const t0 = performance.now();
      (fn as (...a: unknown[]) => void).apply(inner.kernels, args);
      const dt = performance.now() - t0;
      const e = times.get(key) ?? { ms: 0, calls: 0 };
      e.ms += dt;
      e.calls++;
      times.set(key, e);
    };
  }
  return { kernels: kernels as unknown as Kernels, alloc: inner.alloc };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
  const arch = opt('--arch', 'simple-convnet') as 'simple-convnet';
  const iterations = Number(opt('--iterations', '100'));
  const { shared } = loadMnist();
  const D = shared.rows * shared.cols;
  const data: { train: DataSplit; test: DataSplit } = {
    train: viewSplit(shared.train, D),
    test: viewSplit(shared.test, D),
  };
  const times = new Map<string, { ms: number; calls: number }>();
  const module = compileKernels(
    readFileSync(resolve(root, 'build/kernels.wasm')),
    opt('--variant', 'auto') as 'auto',
  );
  const backend = timedBackend(createWasmBackend(module), times);
  const trainer = new Trainer(
    {
      ...DEFAULT_CONFIG,
      arch,
      optimizer: 'adam',
      learningRate: 0.001,
      stopBy: 'iterations',
      iterations,
      evalEvery: iterations,
    },
    data,
    { backend },
  );
  for (let i = 0; i < 5; i++) trainer.step(); // warm-up
  times.clear();
  const t0 = performance.now();
  while (!trainer.done) trainer.step();
  const total = performance.now() - t0;
  const steps = iterations - 5;
  let inKernels = 0;
  const rows = [...times.entries()].sort((a, b) => b[1].ms - a[1].ms);
  console.log(
    `${arch} (${kernelVariant(module)}): ${steps} steps, ${(total / steps).toFixed(2)} ms per step`,
  );
  for (const [key, { ms, calls }] of rows) {
    inKernels += ms;
    console.log(
      `  ${(ms / steps).toFixed(3).padStart(8)} ms/step ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key} ×${calls / steps}`,
    );
  }
  console.log(
    `  ${((total - inKernels) / steps).toFixed(3).padStart(8)} ms/step ${((100 * (total - inKernels)) / total).toFixed(1).padStart(5)} %  other (optimizer, loss, batches)`,
  );
}

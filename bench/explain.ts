/**
 * Saliency + prediction for one drawing (issue 13: under 16 ms in the worker for the book's MLPs):
 * the worker's own two calls (predictDigit and explainDigit, WebAssembly SIMD kernels, float32)
 * on a real MNIST test digit, median and worst of 200 after a warm-up; and the same pair through
 * the LabService to a run's worker thread and back (what the draw panel waits for). Also runnable
 * alone: tsx bench/explain.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LabService } from '../src/main/lab/service';
import { Rng, createNetwork, type NetworkSpec } from '../src/nn';
import { bookSpec } from '../src/nn/book-spec';
import { wasmBackendFromBytes } from '../src/nn/kernels-wasm';
import { predictDigit } from '../src/worker/engine';
import { explainDigit } from '../src/worker/explain';
import { histogramsOf, mapOf } from '../src/worker/insight';
import { loadMnist } from '../src/main/lab/dataset';
import { viewSplit } from '../src/shared/dataset';

const root = resolve(import.meta.dirname, '..');

/** The book's MLPs: ch05 TwoLayerNet, ch03 sample_weight's shape, ch06 MultiLayerNet(Extend) with BN and dropout. */
const BOOK_MLPS: [string, NetworkSpec][] = [
  ['784-50-10 ReLU (ch05)', bookSpec()],
  ['784-50-100-10 sigmoid (ch03)', bookSpec({ hidden: [50, 100], activation: 'sigmoid' })],
  [
    '784-100x5-10 ReLU, BN, dropout 0.2 (ch06)',
    bookSpec({ hidden: [100, 100, 100, 100, 100], batchNorm: true, dropout: 0.2, init: 'he' }),
  ],
];

function stats(ms: number[]): { medianMs: number; maxMs: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { medianMs: s[Math.floor(s.length / 2)], maxMs: s[s.length - 1] };
}

export interface ExplainBench {
  name: string;
  medianMs: number;
  maxMs: number;
}

/** In the worker's code path: predictDigit + explainDigit on the WASM backend. */
function inWorkerPath(pixels: Uint8Array): ExplainBench[] {
  const backend = wasmBackendFromBytes(new Uint8Array(readFileSync(resolve(root, 'build/kernels.wasm'))));
  return BOOK_MLPS.map(([name, spec]) => {
    const net = createNetwork(spec, { backend, rng: new Rng(1) });
    const times: number[] = [];
    for (let i = 0; i < 220; i++) {
      const t0 = performance.now();
      predictDigit(net, pixels);
      explainDigit(net, pixels, i % 10);
      if (i >= 20) times.push(performance.now() - t0);
    }
    return { name, ...stats(times) };
  });
}

/** predict + explain through the service to a paused run's worker thread and back. */
async function throughService(pixels: Uint8Array): Promise<ExplainBench> {
  const lab = new LabService({ warn: () => {} });
  try {
    const run = await lab.startRun({ iterations: 1_000_000, evalEvery: 1_000_000 });
    await lab.pauseRun(run.id);
    const times: number[] = [];
    for (let i = 0; i < 120; i++) {
      const t0 = performance.now();
      await lab.predict(run.id, pixels);
      await lab.explain(run.id, pixels, i % 10);
      if (i >= 20) times.push(performance.now() - t0);
    }
    return { name: '784-50-10 via LabService + worker thread (round trip)', ...stats(times) };
  } finally {
    await lab.close();
  }
}

/**
 * The evaluator's hidden-layer map (forward pass of 2,000 test images + PCA of the first hidden
 * layer) and its histograms (500 images + every weight), WASM backend: median / worst of 10.
 */
function mapBench(): { map: ExplainBench[]; histograms: ExplainBench[] } {
  const { shared } = loadMnist();
  const test = viewSplit(shared.test, shared.rows * shared.cols);
  const backend = wasmBackendFromBytes(new Uint8Array(readFileSync(resolve(root, 'build/kernels.wasm'))));
  const map: ExplainBench[] = [];
  const histograms: ExplainBench[] = [];
  for (const [name, spec] of BOOK_MLPS) {
    const net = createNetwork(spec, { backend, rng: new Rng(1) });
    const mapTimes: number[] = [];
    const histTimes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      mapOf(net, test, 0, null);
      const t1 = performance.now();
      histogramsOf(net, test);
      if (i >= 2) {
        mapTimes.push(t1 - t0);
        histTimes.push(performance.now() - t1);
      }
    }
    map.push({ name, ...stats(mapTimes) });
    histograms.push({ name, ...stats(histTimes) });
  }
  return { map, histograms };
}

/** Every measurement, and the lines the bench prints. */
export async function explainBench(): Promise<{
  results: ExplainBench[];
  hiddenMap: ExplainBench[];
  histograms: ExplainBench[];
  lines: string[];
}> {
  const lab = new LabService({ warn: () => {} });
  const pixels = (await lab.sampleImages('test', 0, 1)).pixels.slice();
  await lab.close();
  const results = [...inWorkerPath(pixels), await throughService(pixels)];
  const { map, histograms } = mapBench();
  const lines = [
    'saliency + prediction for one drawing (goal: under 16 ms in the worker), median / worst of 200:',
    ...results.map(
      (r) =>
        `  ${r.name}: ${r.medianMs.toFixed(2)} ms / ${r.maxMs.toFixed(2)} ms${r.medianMs < 16 ? '' : '  (over 16 ms)'}`,
    ),
    'hidden-layer map of 2,000 test images, first hidden layer, PCA (goal: under 100 ms), median / worst of 10:',
    ...map.map(
      (r) =>
        `  ${r.name}: ${r.medianMs.toFixed(1)} ms / ${r.maxMs.toFixed(1)} ms${r.medianMs < 100 ? '' : '  (over 100 ms)'}`,
    ),
    'activation (500 test images) and weight histograms at an evaluation point, median / worst of 10:',
    ...histograms.map((r) => `  ${r.name}: ${r.medianMs.toFixed(1)} ms / ${r.maxMs.toFixed(1)} ms`),
  ];
  return { results, hiddenMap: map, histograms, lines };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'explain.ts')) {
  const { lines } = await explainBench();
  for (const line of lines) console.log(line);
}

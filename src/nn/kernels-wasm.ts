/**
 * The fast backend: our own WebAssembly SIMD kernels (assembly/kernels.ts, built to
 * build/kernels.wasm by `npm run build:wasm`), float32 only, behind the same `Kernels` contract as
 * `tsKernels`, over one fixed-size memory (`reserveBytes`, default 512 MiB) whose allocator
 * (kernel-memory.ts) is the backend's `alloc`. Each kernel here checks that its arrays are views
 * into that memory, long enough for the shape, and passes their addresses to the export.
 *
 * This file does no I/O: the caller reads build/kernels.wasm (node:fs in a worker, CLI or test)
 * and passes the bytes or a compiled module (kernels-wasm-module.ts: the relaxed-SIMD build where
 * the runtime has it, else baseline SIMD). Gathering mini-batches is in kernels-wasm-gather.ts.
 */
import { stagingOnce, type Backend } from './backend';
import { KernelMemory } from './kernel-memory';
import type { ConvGeometry, CsrBatch, Floats, Kernels, PixelRows } from './kernels';
import { PIXEL_SCALE } from './kernels-ts';
import { createGather } from './kernels-wasm-gather';
import {
  compileKernels,
  fixedMemory,
  instantiate,
  type KernelModule,
  type KernelVariant,
  type SpmmRows,
} from './kernels-wasm-module';

export { compileKernels, kernelVariant, relaxedSimdAvailable } from './kernels-wasm-module';
export type { KernelModule, KernelVariant } from './kernels-wasm-module';

const PAGE = 65536;

/** Options for `createWasmBackend`. */
export interface WasmKernelOptions {
  /** Bytes of linear memory to reserve (fixed for the kernels' lifetime). Default 512 MiB. */
  reserveBytes?: number;
  /** Which build `wasmBackendFromBytes` compiles: 'auto' (default: relaxed SIMD where the runtime has it). */
  variant?: 'auto' | KernelVariant;
}

/** A geometry's numbers in the order the exports take them. */
function geometryArgs(g: ConvGeometry): number[] {
  for (const v of [g.N, g.C, g.H, g.W, g.FH, g.FW, g.stride, g.pad, g.OH, g.OW]) {
    if (!(Number.isInteger(v) && v >= 0))
      throw new Error(`wasm-simd kernels: bad geometry ${JSON.stringify(g)}`);
  }
  if (
    g.OH !== Math.floor((g.H + 2 * g.pad - g.FH) / g.stride) + 1 ||
    g.OW !== Math.floor((g.W + 2 * g.pad - g.FW) / g.stride) + 1
  )
    throw new Error(`wasm-simd kernels: OH, OW do not follow from ${JSON.stringify(g)}`);
  return [g.N, g.C, g.H, g.W, g.FH, g.FW, g.stride, g.pad, g.OH, g.OW];
}

/**
 * Splits m columns into strips of at most 7 vectors of 4 (balanced: m = 50 is 7 + 6 vectors,
 * m = 10 one strip of 3): [vectors, first byte, live lanes of the strip's last vector].
 */
function spmmStrips(m: number): [number, number, number][] {
  const nv = Math.ceil(m / 4);
  const last = m - 4 * (nv - 1);
  const strips: [number, number, number][] = [];
  let v = 0;
  for (let passes = Math.ceil(nv / 7); passes > 0; passes--) {
    const w = Math.ceil((nv - v) / passes);
    strips.push([w, v * 16, v + w === nv ? last : 4]);
    v += w;
  }
  return strips;
}

/**
 * Instantiates compiled kernels.wasm over a fixed-size memory: its kernels ('wasm-simd') and the
 * allocator of that memory.
 */
export function createWasmBackend(module: KernelModule, options: WasmKernelOptions = {}): Backend {
  const pages = Math.ceil((options.reserveBytes ?? 512 * 1024 * 1024) / PAGE);
  // Shared (the module's import asks for it): its own memory all the same, no other thread sees it.
  const memory = fixedMemory(pages);
  const wasm = instantiate(module, memory);
  const rows: SpmmRows[] = [];
  const pixelRows: SpmmRows[] = [];
  const mem = new KernelMemory(memory.buffer);
  // v / 255 for v = 0..255 (PIXEL_SCALE), which spmmPixels looks each uint8 value up in.
  const scale = mem.floats(256);
  scale.set(PIXEL_SCALE);
  for (let w = 1; w <= 7; w++) {
    rows[w] = wasm[`spmmRows${w}`];
    const strip = wasm[`spmmPixelsRows${w}`];
    pixelRows[w] = (...args) => strip(...args, scale.byteOffset);
  }
  const stripsOf = new Map<number, [number, number, number][]>();

  /** out (n,m) = X · b + bias with X in CSR at the given addresses: one export call per column strip. */
  /** out (n, m) = the sparse rows [rowPtr, colIdx, values] · b (k, m) + bias, every buffer checked. */
  function spmmChecked(
    out: Floats,
    [rp, ci, vs]: [number, number, number],
    n: number,
    b: Floats,
    bias: Floats | null,
    k: number,
    m: number,
    strip?: SpmmRows[],
  ): void {
    const o = addr(out, 'out', n * m);
    spmmAt(o, rp, ci, vs, n, addr(b, 'b', k * m), bias === null ? 0 : addr(bias, 'bias', m), m, strip);
  }

  function spmmAt(
    out: number,
    rp: number,
    ci: number,
    vs: number,
    n: number,
    b: number,
    bias: number,
    m: number,
    strip: SpmmRows[] = rows,
  ): void {
    let strips = stripsOf.get(m);
    if (strips === undefined) stripsOf.set(m, (strips = spmmStrips(m)));
    for (const [w, j, last] of strips) strip[w](out, rp, ci, vs, n, b, bias, m, j, last);
  }
  const addr = mem.addressOf.bind(mem);

  /** Checks a CSR batch; returns [rowPtr, colIdx, values] addresses. */
  function csr(x: CsrBatch): [number, number, number] {
    const n = x.n;
    if (!(n >= 0 && n + 1 <= x.rowPtr.length))
      throw new Error(`wasm-simd kernels: CSR batch has n=${n} rows but room for ${x.rowPtr.length - 1}`);
    const rp = addr(x.rowPtr, 'x.rowPtr', n + 1);
    const nnz = x.rowPtr[n];
    return [rp, addr(x.colIdx, 'x.colIdx', nnz), addr(x.values, 'x.values', nnz)];
  }

  /** Checks pixel rows (in this memory, long enough); returns [rowPtr, colIdx, values] addresses. */
  function pixels(x: PixelRows): [number, number, number] {
    const n = x.n;
    if (!(n >= 0 && n + 1 <= x.rowPtr.length))
      throw new Error(`wasm-simd kernels: pixel rows have n=${n} rows but room for ${x.rowPtr.length - 1}`);
    const rp = addr(x.rowPtr, 'x.rowPtr', n + 1);
    const nnz = x.rowPtr[n];
    for (const [arr, name] of [
      [x.colIdx, 'x.colIdx'],
      [x.values, 'x.values'],
    ] as const) {
      if (arr.buffer !== mem.buffer)
        throw new Error(
          `wasm-simd kernels: ${name} is not in kernel memory; take it from the backend's alloc.stage`,
        );
      if (!(arr.length >= nnz && x.rowPtr[0] === 0))
        throw new Error(`wasm-simd kernels: ${name} has ${arr.length} elements, needs ${nnz}`);
    }
    return [rp, x.colIdx.byteOffset, x.values.byteOffset];
  }

  // Scratch for spmmAT (the batch transposed to columns) and gemmBT (b transposed), grown on demand.
  let scratch = { at: 0, bytes: 0 };
  function scratchOf(bytes: number): number {
    if (scratch.bytes < bytes) scratch = { at: mem.reserve(bytes), bytes };
    return scratch.at;
  }

  const gather = createGather(module, wasm, mem);

  const kernels: Kernels = {
    name: 'wasm-simd',
    gatherRows: gather.gatherRows,
    gemm(out, a, b, bias, n, k, m) {
      wasm.gemm(
        addr(out, 'out', n * m),
        addr(a, 'a', n * k),
        addr(b, 'b', k * m),
        bias === null ? 0 : addr(bias, 'bias', m),
        n,
        k,
        m,
      );
    },
    gemmAT(out, a, g, n, k, m) {
      wasm.gemmAT(addr(out, 'out', k * m), addr(a, 'a', n * k), addr(g, 'g', n * m), n, k, m);
    },
    gemmBT(out, g, b, n, k, m) {
      const o = addr(out, 'out', n * k);
      const pg = addr(g, 'g', n * m);
      const pb = addr(b, 'b', k * m);
      wasm.gemmBT(o, pg, pb, n, k, m, scratchOf(k * m * 4));
    },
    spmm(out, x, b, bias, k, m) {
      spmmChecked(out, csr(x), x.n, b, bias, k, m);
    },
    spmmPixels(out, x, b, bias, k, m) {
      spmmChecked(out, pixels(x), x.n, b, bias, k, m, pixelRows);
    },
    spmmAT(out, x, g, k, m) {
      const [rp, ci, vs] = csr(x);
      const o = addr(out, 'out', k * m);
      const pg = addr(g, 'g', x.n * m);
      const nnz = x.rowPtr[x.n];
      // one scratch block: cscPtr (k+1) | cscRow (nnz) | cscVal (nnz), each 16-byte aligned
      const ptrBytes = Math.ceil(((k + 1) * 4) / 16) * 16;
      const rowBytes = Math.ceil((nnz * 4) / 16) * 16;
      const s = scratchOf(ptrBytes + 2 * rowBytes);
      // Xᵀ (k, n) in CSR is X in CSC; then out = Xᵀ · g is the same sparse product as spmm.
      wasm.csrToCsc(rp, ci, vs, x.n, k, s, s + ptrBytes, s + ptrBytes + rowBytes);
      spmmAt(o, s, s + ptrBytes, s + ptrBytes + rowBytes, k, pg, 0, m);
    },
    colSum(out, g, n, m) {
      wasm.colSum(addr(out, 'out', m), addr(g, 'g', n * m), n, m);
    },
    axpy(y, a, x, len) {
      wasm.axpy(addr(y, 'y', len), a, addr(x, 'x', len), len);
    },
    relu(y, x, len) {
      wasm.relu(addr(y, 'y', len), addr(x, 'x', len), len);
    },
    convWeightGrad(dW, db, dout, col, N, P, FN, K) {
      wasm.convWeightGrad(
        addr(dW, 'dW', FN * K),
        addr(db, 'db', FN),
        addr(dout, 'dout', N * FN * P),
        addr(col, 'col', N * P * K),
        N,
        P,
        FN,
        K,
      );
    },
    convColGrad(dcol, dout, W, N, P, FN, K) {
      wasm.convColGrad(
        addr(dcol, 'dcol', N * P * K),
        addr(dout, 'dout', N * FN * P),
        addr(W, 'W', FN * K),
        N,
        P,
        FN,
        K,
      );
    },
    adam(p, g, m, v, len, lrT, beta1, beta2) {
      wasm.adam(
        addr(p, 'p', len),
        addr(g, 'g', len),
        addr(m, 'm', len),
        addr(v, 'v', len),
        len,
        lrT,
        beta1,
        beta2,
      );
    },
    sigmoid(y, x, len) {
      wasm.sigmoid(addr(y, 'y', len), addr(x, 'x', len), len);
    },
    expSumRows(sums, best, x, n, m) {
      if (!(Number.isInteger(n) && n >= 0 && Number.isInteger(m) && m >= 0))
        throw new Error(`wasm-simd kernels: expSumRows of ${n} rows of ${m}`);
      wasm.expSumRows(addr(sums, 'sums', n), addr(best, 'best', n), addr(x, 'x', n * m), n, m);
    },
    reluBackward(dx, dout, y, len) {
      wasm.reluBackward(addr(dx, 'dx', len), addr(dout, 'dout', len), addr(y, 'y', len), len);
    },
    im2col(col, x, g) {
      const args = geometryArgs(g);
      const K = g.C * g.FH * g.FW;
      wasm.im2col(addr(col, 'col', g.N * g.OH * g.OW * K), addr(x, 'x', g.N * g.C * g.H * g.W), ...args);
    },
    col2im(x, col, g) {
      const args = geometryArgs(g);
      const K = g.C * g.FH * g.FW;
      wasm.col2im(addr(x, 'x', g.N * g.C * g.H * g.W), addr(col, 'col', g.N * g.OH * g.OW * K), ...args);
    },
    maxPool(out, arg, x, g) {
      const args = geometryArgs(g);
      const len = g.N * g.C * g.OH * g.OW;
      wasm.maxPool(
        addr(out, 'out', len),
        addr(arg, 'arg', len),
        addr(x, 'x', g.N * g.C * g.H * g.W),
        ...args,
      );
    },
    maxPoolBackward(dx, dout, arg, g) {
      // The kernel skips any index outside dx (the 2×2 path writes only inside its windows), so a
      // bad arg cannot write past it.
      const args = geometryArgs(g);
      const outLen = g.N * g.C * g.OH * g.OW;
      wasm.maxPoolBackward(
        addr(dx, 'dx', g.N * g.C * g.H * g.W),
        addr(dout, 'dout', outLen),
        addr(arg, 'arg', outLen),
        ...args,
      );
    },
    rowsToChannels(out, rows, bias, N, P, F) {
      wasm.rowsToChannels(
        addr(out, 'out', N * P * F),
        addr(rows, 'rows', N * P * F),
        bias === null ? 0 : addr(bias, 'bias', F),
        N,
        P,
        F,
      );
    },
    channelsToRows(rows, x, N, P, F) {
      wasm.channelsToRows(addr(rows, 'rows', N * P * F), addr(x, 'x', N * P * F), N, P, F);
    },
  };

  return {
    kernels,
    alloc: {
      floats: (length) => mem.floats(length),
      ints: (length) => mem.ints(length),
      csr: (rows, nnz) => mem.csr(rows, nnz),
      stage: stagingOnce(gather.stage),
    },
  };
}

/** Compiles kernels.wasm bytes (read by the caller) and returns its backend. */
export function wasmBackendFromBytes(bytes: Uint8Array, options: WasmKernelOptions = {}): Backend {
  return createWasmBackend(compileKernels(bytes, options.variant), options);
}

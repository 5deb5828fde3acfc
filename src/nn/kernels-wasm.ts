/**
 * The fast backend: our own WebAssembly SIMD kernels (assembly/kernels.ts, built to
 * build/kernels.wasm by `npm run build:wasm`), float32 only, behind the same `Kernels` contract as
 * `tsKernels`, over one fixed-size memory (`reserveBytes`, default 512 MiB) whose allocator
 * (kernel-memory.ts) is the backend's `alloc`. Each kernel here checks that its arrays are views
 * into that memory, long enough for the shape, and passes their addresses to the export.
 *
 * This file does no I/O: the caller reads build/kernels.wasm (node:fs in a worker, CLI or test)
 * and passes the bytes or a compiled module.
 */
import { stagedInPlace, stagingOnce, type Backend, type StagedImages } from './backend';
import { KernelMemory } from './kernel-memory';
import type { ConvGeometry, CsrBatch, Kernels, SharedMemoryLike, SparseImages } from './kernels';

/** Options for `createWasmBackend`. */
export interface WasmKernelOptions {
  /** Bytes of linear memory to reserve (fixed for the kernels' lifetime). Default 512 MiB. */
  reserveBytes?: number;
}

/** The raw exports of kernels.wasm: addresses are byte offsets into the memory, sizes are counts. */
interface WasmExports {
  [strip: `spmmRows${number}`]: SpmmRows; // spmmRows1 .. spmmRows7
  gemm(out: number, a: number, b: number, bias: number, n: number, k: number, m: number): void;
  gemmAT(out: number, a: number, g: number, n: number, k: number, m: number): void;
  gemmBT(out: number, g: number, b: number, n: number, k: number, m: number, bT: number): void;
  csrToCsc(
    rowPtr: number,
    colIdx: number,
    values: number,
    n: number,
    k: number,
    cscPtr: number,
    cscRow: number,
    cscVal: number,
  ): void;
  gatherRows(
    outRowPtr: number,
    outColIdx: number,
    outValues: number,
    srcRowPtr: number,
    srcColIdx: number,
    srcValues: number,
    indices: number,
    n: number,
  ): void;
  colSum(out: number, g: number, n: number, m: number): void;
  axpy(y: number, a: number, x: number, len: number): void;
  relu(y: number, x: number, len: number): void;
  reluBackward(dx: number, dout: number, y: number, len: number): void;
  im2col(col: number, x: number, ...geometry: number[]): void;
  col2im(x: number, col: number, ...geometry: number[]): void;
  maxPool(out: number, arg: number, x: number, ...geometry: number[]): void;
  maxPoolBackward(dx: number, dout: number, arg: number, xLen: number, outLen: number): void;
  rowsToChannels(out: number, rows: number, bias: number, N: number, P: number, F: number): void;
  channelsToRows(rows: number, x: number, N: number, P: number, F: number): void;
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

/** One column strip of the sparse product for all rows; `j` is the strip's first byte, `last` live lanes. */
type SpmmRows = (
  out: number,
  rowPtr: number,
  colIdx: number,
  values: number,
  n: number,
  b: number,
  bias: number,
  m: number,
  j: number,
  last: number,
) => void;

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
 * The slice of the WebAssembly JS API used here, typed locally: the Node tsconfig has no DOM lib,
 * so the global `WebAssembly` has no value types there.
 */
interface WasmApi {
  Module: new (bytes: Uint8Array) => KernelModule;
  Memory: new (desc: { initial: number; maximum: number; shared: true }) => SharedMemoryLike;
  Instance: new (module: KernelModule, imports: object) => { exports: unknown };
}
const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** A compiled kernels.wasm (a `WebAssembly.Module`; it can be posted to workers). */
export type KernelModule = object;

/** Compiles kernels.wasm bytes. Synchronous: fine in workers and Node (browsers' main threads refuse > 4 KB). */
export function compileKernels(bytes: Uint8Array): KernelModule {
  return new WA.Module(bytes);
}

const PAGE = 65536;

/** The kernels' exports over `memory` (kernels.wasm imports a shared memory; it has no data, globals nor start). */
function instantiate(module: KernelModule, memory: SharedMemoryLike): WasmExports {
  const instance = new WA.Instance(module, {
    env: {
      memory,
      abort: () => {
        throw new Error('wasm-simd kernels: abort');
      },
    },
  });
  return instance.exports as unknown as WasmExports;
}

/**
 * Instantiates compiled kernels.wasm over a fixed-size memory: its kernels ('wasm-simd') and the
 * allocator of that memory.
 */
export function createWasmBackend(module: KernelModule, options: WasmKernelOptions = {}): Backend {
  const pages = Math.ceil((options.reserveBytes ?? 512 * 1024 * 1024) / PAGE);
  // Shared (the module's import asks for it): its own memory all the same, no other thread sees it.
  const memory = new WA.Memory({ initial: pages, maximum: pages, shared: true });
  const wasm = instantiate(module, memory);
  const rows: SpmmRows[] = [];
  for (let w = 1; w <= 7; w++) rows[w] = wasm[`spmmRows${w}`];
  const stripsOf = new Map<number, [number, number, number][]>();

  /** out (n,m) = X · b + bias with X in CSR at the given addresses: one export call per column strip. */
  function spmmAt(
    out: number,
    rp: number,
    ci: number,
    vs: number,
    n: number,
    b: number,
    bias: number,
    m: number,
  ): void {
    let strips = stripsOf.get(m);
    if (strips === undefined) stripsOf.set(m, (strips = spmmStrips(m)));
    for (const [w, j, last] of strips) rows[w](out, rp, ci, vs, n, b, bias, m, j, last);
  }
  const mem = new KernelMemory(memory.buffer);
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

  // Scratch for spmmAT (the batch transposed to columns) and gemmBT (b transposed), grown on demand.
  let scratch = { at: 0, bytes: 0 };
  function scratchOf(bytes: number): number {
    if (scratch.bytes < bytes) scratch = { at: mem.reserve(bytes), bytes };
    return scratch.at;
  }

  // Room in our memory for a batch's image indices, grown on demand.
  let picks: Int32Array = new Int32Array(0);

  /**
   * A split's index, gathered by the SIMD kernel: where it is when it lies in a shared memory with
   * room for one more gather slot (the service's dataset, shared by every worker), else copied into
   * our memory once. A split that does not fit is gathered where it is by the TypeScript kernel:
   * slower, the same batch.
   */
  function stage(images: SparseImages): StagedImages {
    if (images.memory) {
      const shared = gatherInPlace(images, images.memory);
      if (shared !== null) return shared;
    }
    const copy = mem.copyImages(images);
    if (copy === null) return stagedInPlace(images);
    return { images: copy, gather: (out, indices, n) => kernels.gatherRows(out, copy, indices, n) };
  }

  /**
   * The gather from a shared index memory (src/shared/dataset.ts SharedIndex): a second instance of
   * the kernels over that memory gathers the batch into this worker's slot of its gather area
   * (claimed once, atomically, sized by the first batch's room), and three copies bring the batch
   * into our memory. Null when the arrays are not views of `shared`. If the gather area is full
   * the split is copied into our memory after all, as without a shared index.
   */
  function gatherInPlace(images: SparseImages, shared: SharedMemoryLike): StagedImages | null {
    const buffer = shared.buffer;
    if (images.rowPtr.buffer !== buffer || images.colIdx.buffer !== buffer || images.values.buffer !== buffer)
      return null;
    const header = new Uint32Array(buffer, 0, 2); // [next free byte of the gather area, its end]
    const gatherer = instantiate(module, shared);
    const count = images.rowPtr.length - 1;
    let slot: { rowPtr: Int32Array; colIdx: Int32Array; values: Float32Array; picks: Int32Array } | null =
      null;
    let fallback: StagedImages | null = null;

    /** This worker's slot for batches of up to `rows` images and `nnz` non-zeros (null: no room left). */
    function claim(rows: number, nnz: number) {
      const a16 = (bytes: number) => Math.ceil(bytes / 64) * 64;
      const sizes = [a16(4 * (rows + 1)), a16(4 * nnz), a16(4 * nnz), a16(4 * rows) + 64];
      const bytes = sizes.reduce((x, y) => x + y, 0);
      // Compare-and-swap, so that claims that do not fit never move the pointer (nor wrap it).
      let at = Atomics.load(header, 0);
      for (;;) {
        if (at + bytes > header[1]) return null;
        const seen = Atomics.compareExchange(header, 0, at, at + bytes);
        if (seen === at) break;
        at = seen;
      }
      return {
        rowPtr: new Int32Array(buffer, at, rows + 1),
        colIdx: new Int32Array(buffer, at + sizes[0], nnz),
        values: new Float32Array(buffer, at + sizes[0] + sizes[1], nnz),
        picks: new Int32Array(buffer, at + sizes[0] + sizes[1] + sizes[2], rows),
      };
    }

    return {
      images,
      gather(out, indices, n) {
        if (fallback !== null) return fallback.gather(out, indices, n);
        if (!(n >= 0 && n <= indices.length && n + 1 <= out.rowPtr.length)) {
          throw new Error(
            `wasm-simd kernels: gathering ${n} images with ${indices.length} indices into room for ${out.rowPtr.length - 1}`,
          );
        }
        if (slot === null || slot.picks.length < n || slot.colIdx.length < out.colIdx.length) {
          slot = claim(out.rowPtr.length - 1, Math.min(out.colIdx.length, out.values.length));
          if (slot === null) {
            const copy = mem.copyImages(images);
            fallback =
              copy === null
                ? stagedInPlace(images)
                : {
                    images: copy,
                    gather: (o, i, k) => kernels.gatherRows(o, copy, i, k),
                  };
            return fallback.gather(out, indices, n);
          }
        }
        // Every index an image, and the batch's non-zeros within the slot: the kernel writes into a
        // memory other threads read, so nothing may land outside this worker's slot.
        let nnz = 0;
        for (let i = 0; i < n; i++) {
          const img = indices[i];
          if (!(img >= 0 && img < count)) {
            throw new Error(`wasm-simd kernels: image index ${img} is outside 0..${count - 1}`);
          }
          nnz += images.rowPtr[img + 1] - images.rowPtr[img];
        }
        if (nnz > slot.colIdx.length || nnz > out.colIdx.length || nnz > out.values.length) {
          throw new Error(
            `wasm-simd kernels: the batch has ${nnz} non-zeros, out has room for ${Math.min(out.colIdx.length, slot.colIdx.length)}`,
          );
        }
        slot.picks.set(indices.subarray(0, n));
        gatherer.gatherRows(
          slot.rowPtr.byteOffset,
          slot.colIdx.byteOffset,
          slot.values.byteOffset,
          images.rowPtr.byteOffset,
          images.colIdx.byteOffset,
          images.values.byteOffset,
          slot.picks.byteOffset,
          n,
        );
        out.rowPtr.set(slot.rowPtr.subarray(0, n + 1));
        out.colIdx.set(slot.colIdx.subarray(0, nnz));
        out.values.set(slot.values.subarray(0, nnz));
        out.n = n;
      },
    };
  }

  /**
   * Checks a gather before the kernel writes: images staged here, every index an image, and the
   * batch's non-zeros within out's room (a wrong index must not write past out into other buffers).
   */
  function checkGather(out: CsrBatch, images: SparseImages, indices: Int32Array, n: number): void {
    if (!mem.holdsImages(images)) {
      throw new Error(
        "wasm-simd kernels: images are not in kernel memory; stage them with the backend's alloc.stage",
      );
    }
    if (!(n >= 0 && n <= indices.length && n + 1 <= out.rowPtr.length)) {
      throw new Error(
        `wasm-simd kernels: gathering ${n} images with ${indices.length} indices into room for ${out.rowPtr.length - 1}`,
      );
    }
    const count = images.rowPtr.length - 1;
    let nnz = 0;
    for (let i = 0; i < n; i++) {
      const img = indices[i];
      if (!(img >= 0 && img < count)) {
        throw new Error(`wasm-simd kernels: image index ${img} is outside 0..${count - 1}`);
      }
      nnz += images.rowPtr[img + 1] - images.rowPtr[img];
    }
    if (nnz > out.colIdx.length || nnz > out.values.length) {
      throw new Error(
        `wasm-simd kernels: the batch has ${nnz} non-zeros, out has room for ${out.colIdx.length}`,
      );
    }
  }

  const kernels: Kernels = {
    name: 'wasm-simd',
    gatherRows(out, images, indices, n) {
      checkGather(out, images, indices, n);
      if (picks.length < n) picks = new Int32Array(mem.buffer, mem.reserve(n * 4), n);
      picks.set(indices.subarray(0, n));
      wasm.gatherRows(
        addr(out.rowPtr, 'out.rowPtr', n + 1),
        addr(out.colIdx, 'out.colIdx', 0),
        addr(out.values, 'out.values', 0),
        images.rowPtr.byteOffset,
        images.colIdx.byteOffset,
        images.values.byteOffset,
        picks.byteOffset,
        n,
      );
      out.n = n;
    },
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
      const [rp, ci, vs] = csr(x);
      spmmAt(
        addr(out, 'out', x.n * m),
        rp,
        ci,
        vs,
        x.n,
        addr(b, 'b', k * m),
        bias === null ? 0 : addr(bias, 'bias', m),
        m,
      );
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
    maxPoolBackward(dx, dout, arg, xLen, outLen) {
      // The kernel skips any index outside dx, so a bad arg cannot write past it.
      wasm.maxPoolBackward(
        addr(dx, 'dx', xLen),
        addr(dout, 'dout', outLen),
        addr(arg, 'arg', outLen),
        xLen,
        outLen,
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
      stage: stagingOnce(stage),
    },
  };
}

/** Compiles kernels.wasm bytes (read by the caller) and returns its backend. */
export function wasmBackendFromBytes(bytes: Uint8Array, options: WasmKernelOptions = {}): Backend {
  return createWasmBackend(compileKernels(bytes), options);
}

/**
 * Loading build/kernels.wasm: its exports' signatures, compiling it, instantiating it over a memory.
 *
 * The file is the baseline-SIMD module carrying a relaxed-SIMD build of the same kernels in a custom
 * section (scripts/build-wasm.mjs). The relaxed build's products use fused multiply-adds
 * (f32x4.relaxed_madd), several tens of percent faster; it is compiled where the runtime validates
 * it (Electron 45; Node 20 only with --experimental-wasm-relaxed-simd on its command line), and the
 * baseline module otherwise. Both compute the same sums to float32 rounding.
 */
import type { SharedMemoryLike } from './kernels';

/** One column strip of the sparse product for all rows; `j` is the strip's first byte, `last` live lanes. */
export type SpmmRows = (
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

/** spmmPixelsRows1..7: SpmmRows over uint16 columns and uint8 values, with the address of the 256 floats v / 255. */
export type SpmmPixelsRows = (...args: [...Parameters<SpmmRows>, scale: number]) => void;

/** The raw exports of kernels.wasm: addresses are byte offsets into the memory, sizes are counts. */
export interface WasmExports {
  [strip: `spmmRows${number}`]: SpmmRows; // spmmRows1 .. spmmRows7
  [strip: `spmmPixelsRows${number}`]: SpmmPixelsRows; // 1 .. 7: uint16 columns, uint8 values
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
  sigmoid(y: number, x: number, len: number): void;
  expSumRows(sums: number, best: number, x: number, n: number, m: number): void;
  convWeightGrad(
    dW: number,
    db: number,
    dout: number,
    col: number,
    N: number,
    P: number,
    FN: number,
    K: number,
  ): void;
  convColGrad(dcol: number, dout: number, W: number, N: number, P: number, FN: number, K: number): void;
  adam(
    p: number,
    g: number,
    m: number,
    v: number,
    len: number,
    lrT: number,
    beta1: number,
    beta2: number,
  ): void;
  im2col(col: number, x: number, ...geometry: number[]): void;
  col2im(x: number, col: number, ...geometry: number[]): void;
  maxPool(out: number, arg: number, x: number, ...geometry: number[]): void;
  maxPoolBackward(dx: number, dout: number, arg: number, ...geometry: number[]): void;
  rowsToChannels(out: number, rows: number, bias: number, N: number, P: number, F: number): void;
  channelsToRows(rows: number, x: number, N: number, P: number, F: number): void;
}

/**
 * The slice of the WebAssembly JS API used here, typed locally: the Node tsconfig has no DOM lib,
 * so the global `WebAssembly` has no value types there.
 */
interface WasmApi {
  Module: {
    new (bytes: Uint8Array): object;
    customSections(module: object, name: string): ArrayBuffer[];
  };
  Memory: new (desc: { initial: number; maximum: number; shared: true }) => SharedMemoryLike;
  Instance: new (module: object, imports: object) => { exports: unknown };
  validate(bytes: Uint8Array): boolean;
}
const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The custom section holding the relaxed-SIMD build (scripts/build-wasm.mjs writes it). */
const RELAXED_SECTION = 'mnist-lab.relaxed-simd';

/** Which build of the kernels a module is. */
export type KernelVariant = 'simd' | 'relaxed-simd';

/** A compiled kernels.wasm (a `WebAssembly.Module`; it can be posted to workers). */
export type KernelModule = object;

const variants = new WeakMap<KernelModule, KernelVariant>();

/**
 * Compiles kernels.wasm bytes: the relaxed-SIMD build inside them when this runtime accepts it
 * (`prefer` 'auto', the default), or the one asked for ('relaxed-simd' throws where the runtime
 * refuses it). Synchronous: fine in workers and Node (browsers' main threads refuse > 4 KB).
 */
export function compileKernels(bytes: Uint8Array, prefer: 'auto' | KernelVariant = 'auto'): KernelModule {
  const baseline = new WA.Module(bytes);
  let module = baseline;
  let variant: KernelVariant = 'simd';
  if (prefer !== 'simd') {
    const [section] = WA.Module.customSections(baseline, RELAXED_SECTION);
    const relaxed = section === undefined ? null : new Uint8Array(section);
    if (relaxed !== null && WA.validate(relaxed)) {
      module = new WA.Module(relaxed);
      variant = 'relaxed-simd';
    } else if (prefer === 'relaxed-simd') {
      throw new Error(
        relaxed === null
          ? 'wasm-simd kernels: this kernels.wasm has no relaxed-SIMD build (npm run build:wasm)'
          : 'wasm-simd kernels: this runtime refuses relaxed SIMD (Node 20: --experimental-wasm-relaxed-simd)',
      );
    }
  }
  variants.set(module, variant);
  return module;
}

/** 'relaxed-simd' or 'simd': which build `compileKernels` chose ('simd' for a module compiled elsewhere). */
export function kernelVariant(module: KernelModule): KernelVariant {
  return variants.get(module) ?? 'simd';
}

/** True when this runtime accepts the relaxed-SIMD build in `bytes` (kernels.wasm). */
export function relaxedSimdAvailable(bytes: Uint8Array): boolean {
  const [section] = WA.Module.customSections(new WA.Module(bytes), RELAXED_SECTION);
  return section !== undefined && WA.validate(new Uint8Array(section));
}

/** A shared memory of `pages` 64 KiB pages that can never grow (views into it are never detached). */
export function fixedMemory(pages: number): SharedMemoryLike {
  return new WA.Memory({ initial: pages, maximum: pages, shared: true });
}

/** The kernels' exports over `memory` (kernels.wasm imports a shared memory; it has no data, globals nor start). */
export function instantiate(module: KernelModule, memory: SharedMemoryLike): WasmExports {
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

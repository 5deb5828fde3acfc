/**
 * The WebAssembly kernels' memory and its allocator (the `alloc` of the backend in kernels-wasm.ts).
 *
 * WebAssembly code can only touch its own linear memory, so every buffer a kernel reads or writes
 * is a view into that memory, handed out here, and a network keeps its weights there: nothing is
 * copied per call. Allocation is a bump pointer that never frees (a network allocates once, up
 * front; make a new backend for a new network — instantiating is cheap). Growing a WebAssembly
 * memory would detach every view handed out so far, so the memory is created once at its full
 * size with `maximum = initial` (kernels-wasm.ts): it can never grow, views can never be detached,
 * and untouched pages cost no RAM (the OS maps them lazily). Asking for more than the reservation
 * throws a clear error.
 */
import type { CsrBatch, Floats, SparseImages } from './kernels';

const ALIGN = 64; // cache-line aligned starts
const PAD = 16; // kernels may read (never write) up to 3 floats past a row: keep that inside our memory

/** A fixed-size linear memory (its ArrayBuffer) carved up by a bump pointer. */
export class KernelMemory {
  /** Address 0 stays unused, so that 0 can mean "no bias". */
  private next = ALIGN;
  /** The colIdx arrays of images copied in by copyImages. */
  private readonly imageCopies = new WeakSet<Uint16Array>();

  /** `buffer` never changes: the memory cannot grow. */
  constructor(readonly buffer: ArrayBufferLike) {}

  /** Reserves `bytes` (plus read padding) and returns the start address. */
  reserve(bytes: number): number {
    const start = this.next;
    const end = start + bytes + PAD;
    if (end > this.buffer.byteLength) {
      throw new Error(
        `wasm-simd kernels: out of kernel memory (${this.buffer.byteLength} bytes reserved, ` +
          `${start} used, ${bytes} more requested); pass a larger reserveBytes to createWasmBackend`,
      );
    }
    this.next = Math.ceil(end / ALIGN) * ALIGN;
    return start;
  }

  /** A zeroed float32 view of `length` elements. */
  floats(length: number): Float32Array {
    return new Float32Array(this.buffer, this.reserve(length * 4), length);
  }

  /** A zeroed int32 view of `length` elements. */
  ints(length: number): Int32Array {
    return new Int32Array(this.buffer, this.reserve(length * 4), length);
  }

  /** An empty CSR batch for up to `rows` rows and `nnz` non-zeros. */
  csr(rows: number, nnz: number): CsrBatch {
    return {
      n: 0,
      rowPtr: new Int32Array(this.buffer, this.reserve((rows + 1) * 4), rows + 1),
      colIdx: new Int32Array(this.buffer, this.reserve(nnz * 4), nnz),
      values: new Float32Array(this.buffer, this.reserve(nnz * 4), nnz),
    };
  }

  /**
   * A copy of a split's non-zero index in this memory (for MNIST's 60,000 training images about
   * 27 MB), or null when it does not fit; then the memory it was about to take is given back.
   */
  copyImages(images: SparseImages): SparseImages | null {
    const { rowPtr, colIdx, values } = images;
    const mark = this.next;
    let copy: SparseImages;
    try {
      copy = {
        rowPtr: new Int32Array(this.buffer, this.reserve(rowPtr.byteLength), rowPtr.length),
        colIdx: new Uint16Array(this.buffer, this.reserve(colIdx.byteLength), colIdx.length),
        values: new Uint8Array(this.buffer, this.reserve(values.byteLength), values.length),
      };
    } catch {
      this.next = mark;
      return null;
    }
    copy.rowPtr.set(rowPtr);
    copy.colIdx.set(colIdx);
    copy.values.set(values);
    this.imageCopies.add(copy.colIdx);
    return copy;
  }

  /** True for images that copyImages made. */
  holdsImages(images: SparseImages): boolean {
    return (
      this.imageCopies.has(images.colIdx) &&
      images.rowPtr.buffer === this.buffer &&
      images.values.buffer === this.buffer
    );
  }

  /** Address of `arr`, after checking it is a view into this memory holding at least `len` elements. */
  addressOf(arr: Floats | Int32Array, name: string, len: number): number {
    if (arr.buffer !== this.buffer) {
      throw new Error(
        `wasm-simd kernels: ${name} is not in kernel memory; allocate it with the backend's alloc`,
      );
    }
    if (!(arr instanceof Float32Array) && !(arr instanceof Int32Array)) {
      throw new Error(`wasm-simd kernels: ${name} must be a Float32Array`);
    }
    if (arr.length < len) {
      throw new Error(`wasm-simd kernels: ${name} has ${arr.length} elements, needs ${len}`);
    }
    return arr.byteOffset;
  }
}

/**
 * Building mini-batches with the WebAssembly kernels: a split's non-zero index staged once (where it
 * lies when that is a shared memory, see gatherInPlace; else copied into the kernels' memory), and
 * the `gatherRows` kernel with the checks that keep its writes inside their buffers.
 */
import { checkRun, stagedInPlace, stagedWith, type StagedImages } from './backend';
import type { KernelMemory } from './kernel-memory';
import type { CsrBatch, PixelRows, SharedMemoryLike, SparseImages } from './kernels';
import { instantiate, type KernelModule, type WasmExports } from './kernels-wasm-module';

/** The gather kernel and the staging of splits, over the backend's memory `mem` and instance `wasm`. */
export function createGather(
  module: KernelModule,
  wasm: WasmExports,
  mem: KernelMemory,
): {
  gatherRows(out: CsrBatch, images: SparseImages, indices: Int32Array, n: number): void;
  stage(images: SparseImages): StagedImages;
} {
  const addr = mem.addressOf.bind(mem);
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
    if (copy === null) return inPlace(images);
    return stagedWith(
      copy,
      (out, indices, n) => gatherRows(out, copy, indices, n),
      (length) => mem.ints(length),
    );
  }

  /**
   * Images [start, start + n) of an index outside our memory copied into it as they are (two
   * native copies, 3 bytes a non-zero, rather than a gathered batch's 8), row starts counted from
   * the run's first non-zero: the pixel rows spmmPixels reads. Valid until the next call.
   */
  function copyRun(images: SparseImages, start: number, n: number): PixelRows {
    checkRun(start, n, images.rowPtr.length - 1);
    const e0 = images.rowPtr[start];
    const nnz = images.rowPtr[start + n] - e0;
    const run = runOf(n, nnz, images.colIdx.byteOffset + 2 * e0, images.values.byteOffset + e0);
    run.colIdx.set(images.colIdx.subarray(e0, e0 + nnz));
    run.values.set(images.values.subarray(e0, e0 + nnz));
    for (let i = 0; i <= n; i++) run.rowPtr[i] = images.rowPtr[start + i] - e0;
    return run;
  }

  /** Gathered where it is by the TypeScript kernel (it fits nowhere here); its runs are copied in for spmmPixels. */
  function inPlace(images: SparseImages): StagedImages {
    return { ...stagedInPlace(images), pixelRows: (start, n) => copyRun(images, start, n) };
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
                ? inPlace(images)
                : stagedWith(
                    copy,
                    (o, i, k) => gatherRows(o, copy, i, k),
                    (length) => mem.ints(length),
                  );
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
      gatherRange(out, start, n) {
        if (fallback !== null) return fallback.gatherRange(out, start, n);
        if (n + 1 > out.rowPtr.length) {
          throw new Error(`wasm-simd kernels: gathering ${n} images into room for ${out.rowPtr.length - 1}`);
        }
        const run = copyRun(images, start, n);
        const nnz = run.rowPtr[n];
        if (nnz > out.colIdx.length || nnz > out.values.length) {
          throw new Error(
            `wasm-simd kernels: the batch has ${nnz} non-zeros, out has room for ${Math.min(out.colIdx.length, out.values.length)}`,
          );
        }
        // The run, copied here, gathered by the kernel straight into out (no slot, no second copy).
        wasm.gatherRows(
          addr(out.rowPtr, 'out.rowPtr', n + 1),
          addr(out.colIdx, 'out.colIdx', nnz),
          addr(out.values, 'out.values', nnz),
          run.rowPtr.byteOffset,
          run.colIdx.byteOffset,
          run.values.byteOffset,
          runRoom.identity.byteOffset,
          n,
        );
        out.n = n;
      },
      pixelRows(start, n) {
        if (fallback !== null) return fallback.pixelRows(start, n);
        return copyRun(images, start, n);
      },
    };
  }

  // Room in our memory for one run of a shared index (gatherRange), grown on demand.
  let runRoom: {
    rows: number;
    nnz: number;
    rowPtr: number;
    colIdx: number;
    values: number;
    identity: Int32Array;
  } = { rows: -1, nnz: -1, rowPtr: 0, colIdx: 0, values: 0, identity: new Int32Array(0) };

  /**
   * Views in our memory for a run of n images and nnz non-zeros whose colIdx and values start at
   * the given byte offsets of the shared memory. Each view starts at the same offset modulo 8 as
   * its source: V8 copies between shared buffers a word at a time only when both ends are so
   * aligned, and byte by byte (about 6 times slower) otherwise.
   */
  function runOf(n: number, nnz: number, colIdxAt: number, valuesAt: number): PixelRows {
    if (runRoom.rows < n || runRoom.nnz < nnz) {
      // doubling (never freed: a bump allocator), so that a split's batches grow it a few times at most
      const rows = Math.max(n, 2 * runRoom.rows);
      const room = Math.max(Math.ceil(1.25 * nnz), 2 * runRoom.nnz);
      const identity = new Int32Array(mem.buffer, mem.reserve(4 * rows), rows);
      for (let i = 0; i < rows; i++) identity[i] = i;
      runRoom = {
        rows,
        nnz: room,
        rowPtr: mem.reserve(4 * (rows + 1)),
        colIdx: mem.reserve(2 * room + 8),
        values: mem.reserve(room + 8),
        identity,
      };
    }
    return {
      n,
      rowPtr: new Int32Array(mem.buffer, runRoom.rowPtr, n + 1),
      colIdx: new Uint16Array(mem.buffer, runRoom.colIdx + (colIdxAt % 8), nnz),
      values: new Uint8Array(mem.buffer, runRoom.values + (valuesAt % 8), nnz),
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

  /** out = images indices[0..n) as a CSR batch (the `gatherRows` kernel), images staged here. */
  function gatherRows(out: CsrBatch, images: SparseImages, indices: Int32Array, n: number): void {
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
  }

  return { gatherRows, stage };
}

/**
 * The kernel contract: the few matrix products that take nearly all of training's time, and the
 * gathering of each mini-batch from the dataset.
 *
 * Dimension letters: n = batch rows, k = inner (input features), m = output features.
 * All matrices are row-major and flat. Every kernel overwrites its output (never accumulates),
 * except `axpy`, which updates `y` in place.
 *
 * Two implementations share this contract:
 * - `tsKernels` (kernels-ts.ts): plain TypeScript, works on Float32Array and Float64Array; the
 *   reference the tests trust and the one to read next to the book.
 * - the WebAssembly SIMD kernels (kernels-wasm.ts, written in AssemblyScript under assembly/):
 *   float32 only, and only on buffers in their own memory.
 *
 * Kernels only compute; where their buffers live is their backend's allocator (backend.ts), which
 * every layer gets beside the kernels, so the fast kernels never copy weights in or out.
 */
export type Floats = Float32Array | Float64Array;

/**
 * A mini-batch in compressed sparse rows: row i's non-zeros are entries rowPtr[i] .. rowPtr[i+1]-1,
 * at columns colIdx[...] with values values[...]. MNIST images are about 81 % zeros.
 */
export interface CsrBatch {
  /** Rows currently filled (<= capacity). */
  n: number;
  /** (capacity + 1) */
  rowPtr: Int32Array;
  /** (nnzCapacity) */
  colIdx: Int32Array;
  /** (nnzCapacity) */
  values: Float32Array;
}

/**
 * A split's images as their non-zero pixels (the index the service builds beside the dataset):
 * image i's non-zeros are entries rowPtr[i] .. rowPtr[i+1]-1, at pixels colIdx[...] with uint8
 * values values[...] (0..255). Mini-batches are gathered from it by `gatherRows`.
 */
export interface SparseImages {
  /** (count + 1) */
  rowPtr: Int32Array;
  /** (nnz) */
  colIdx: Uint16Array;
  /** (nnz) */
  values: Uint8Array;
  /**
   * The shared WebAssembly.Memory the three arrays are views of, when they are (the service's
   * dataset): the WebAssembly backend then gathers from them where they are, in every thread,
   * instead of copying them into its own memory.
   */
  memory?: SharedMemoryLike;
}

/**
 * Rows [0, n) taken from a split's index as it holds them (StagedImages.pixelRows): row i's
 * non-zeros are entries rowPtr[i] .. rowPtr[i+1]-1 (rowPtr[0] = 0), at pixels colIdx[...] with
 * uint8 values values[...], which stand for values / 255. Evaluation's batches, not gathered.
 */
export interface PixelRows {
  n: number;
  /** (n + 1) */
  rowPtr: Int32Array;
  /** (nnz) */
  colIdx: Uint16Array;
  /** (nnz) */
  values: Uint8Array;
}

/** A shared WebAssembly.Memory (the engine's tsconfig has no WebAssembly value types). */
export interface SharedMemoryLike {
  readonly buffer: ArrayBufferLike;
}

/**
 * The geometry of a convolution or pooling window over a batch of images (book §7.2–7.4):
 * input x (N, C, H, W), window FH×FW moved by `stride` over the image padded with `pad` zeros on
 * every side, giving OH = (H + 2·pad - FH) / stride + 1 rows and OW columns of windows.
 */
export interface ConvGeometry {
  N: number;
  C: number;
  H: number;
  W: number;
  FH: number;
  FW: number;
  stride: number;
  pad: number;
  OH: number;
  OW: number;
}

/** The kernel set: plain functions over flat arrays, in forward/backward pairs. */
export interface Kernels {
  /** 'ts' or 'wasm-simd'. */
  readonly name: string;
  /**
   * out = the images indices[0..n) of `images` (staged by the backend's `alloc.stage`) as a CSR
   * batch, each uint8 value v becoming the float32 nearest v / 255. Building the mini-batch.
   */
  gatherRows(out: CsrBatch, images: SparseImages, indices: Int32Array, n: number): void;
  /** out (n,m) = a (n,k) · b (k,m) + bias (m); bias may be null. */
  gemm(out: Floats, a: Floats, b: Floats, bias: Floats | null, n: number, k: number, m: number): void;
  /** out (k,m) = aᵀ · g, with a (n,k) and g (n,m). The weight gradient dW = xᵀ · dout. */
  gemmAT(out: Floats, a: Floats, g: Floats, n: number, k: number, m: number): void;
  /** out (n,k) = g (n,m) · bᵀ, with b (k,m). The input gradient dx = dout · Wᵀ. */
  gemmBT(out: Floats, g: Floats, b: Floats, n: number, k: number, m: number): void;
  /** out (x.n, m) = X (x.n, k) · b (k,m) + bias (m), X sparse. */
  spmm(out: Floats, x: CsrBatch, b: Floats, bias: Floats | null, k: number, m: number): void;
  /**
   * out (x.n, m) = (X / 255) (x.n, k) · b (k,m) + bias (m), X the uint8 pixels of a split's index:
   * the same floats as spmm of the batch gatherRows makes of those images, without making it.
   */
  spmmPixels(out: Floats, x: PixelRows, b: Floats, bias: Floats | null, k: number, m: number): void;
  /** out (k,m) = Xᵀ · g, X sparse (x.n, k), g (x.n, m). The first layer's dW, skipping zero pixels. */
  spmmAT(out: Floats, x: CsrBatch, g: Floats, k: number, m: number): void;
  /** out (m) = column sums of g (n,m). The bias gradient db. */
  colSum(out: Floats, g: Floats, n: number, m: number): void;
  /** y (len) += a · x (len), in place (the one kernel that accumulates). SGD's W ← W - η·dW is a = -η. */
  axpy(y: Floats, a: number, x: Floats, len: number): void;
  /**
   * The Adam step (§6.1.6) over len entries, in place: m += (1-β1)(g - m); v += (1-β2)(g² - v);
   * p -= lrT·m / (√v + 1e-7), lrT being the bias-corrected learning rate of this step.
   */
  adam(
    p: Floats,
    g: Floats,
    m: Floats,
    v: Floats,
    len: number,
    lrT: number,
    beta1: number,
    beta2: number,
  ): void;
  /** y (len) = max(0, x) element-wise (ReLU forward; NaN and -0 give 0). */
  relu(y: Floats, x: Floats, len: number): void;
  /** dx (len) = dout where y > 0, else 0 (ReLU backward from its output y). */
  reluBackward(dx: Floats, dout: Floats, y: Floats, len: number): void;
  /** y (len) = 1 / (1 + exp(-x)) element-wise (Sigmoid forward, book §3.2.4). */
  sigmoid(y: Floats, x: Floats, len: number): void;
  /**
   * For each row i of x (n,m): best[i] = its arg-max (the first maximum, like np.argmax) and
   * sums[i] = Σ_j exp(x[i,j] - x[i,best]), the softmax's denominator taken after subtracting the
   * maximum (book §3.5.2), so that -log softmax(x)[t] = log sums[i] - (x[i,t] - x[i,best]).
   * Scoring logits without writing the probabilities. A NaN in a row makes its sum NaN.
   */
  expSumRows(sums: Floats, best: Int32Array, x: Floats, n: number, m: number): void;
  /**
   * The book's im2col: col (N·OH·OW, C·FH·FW) from x (N, C, H, W); row (n, oy, ox) holds the window
   * at (oy·stride - pad, ox·stride - pad), columns in (c, fy, fx) order, 0 outside the image.
   */
  im2col(col: Floats, x: Floats, g: ConvGeometry): void;
  /** The book's col2im: x (N, C, H, W) = the sum of every window's entries of col put back in place. */
  col2im(x: Floats, col: Floats, g: ConvGeometry): void;
  /**
   * Max pooling: out (N, C, OH, OW) = the maximum of each window (padding counts as 0, as the
   * book's im2col pads), arg = the index into x of the first maximum in (fy, fx) order, -1 for padding.
   */
  maxPool(out: Floats, arg: Int32Array, x: Floats, g: ConvGeometry): void;
  /** dx (N, C, H, W) = 0, then dx[arg[i]] += dout[i] for the N·C·OH·OW outputs (max-pool backward). */
  maxPoolBackward(dx: Floats, dout: Floats, arg: Int32Array, g: ConvGeometry): void;
  /**
   * out (N, F, P) = rows (N·P, F) per image transposed, plus bias (F) (may be null): the book's
   * `out.reshape(N, OH, OW, -1).transpose(0, 3, 1, 2)` after the im2col product.
   */
  rowsToChannels(out: Floats, rows: Floats, bias: Floats | null, N: number, P: number, F: number): void;
  /**
   * The convolution's filter gradients straight from dout (N, FN, P) as the layer above gives it:
   * dW (FN, K) = Σ_n dout_n (FN, P) · col_n (P, K) — the book's (colᵀ · dout)ᵀ without transposing
   * dout to rows — and db (FN) = Σ over n and p of dout. col (N·P, K) is the forward's im2col.
   */
  convWeightGrad(
    dW: Floats,
    db: Floats,
    dout: Floats,
    col: Floats,
    N: number,
    P: number,
    FN: number,
    K: number,
  ): void;
  /** dcol (N·P, K) = dout_nᵀ (P, FN) · W (FN, K) for each image n of dout (N, FN, P): the book's dout · col_Wᵀ. */
  convColGrad(dcol: Floats, dout: Floats, W: Floats, N: number, P: number, FN: number, K: number): void;
  /** rows (N·P, F) = x (N, F, P) per image transposed: the book's `dout.transpose(0,2,3,1).reshape(-1, FN)`. */
  channelsToRows(rows: Floats, x: Floats, N: number, P: number, F: number): void;
}

/**
 * Saliency: how the score of one class responds to each input pixel, by backpropagation from that
 * score to the input (Simonyan et al. 2013, "Deep Inside Convolutional Networks").
 *
 *   gradient[i] = ∂s_c / ∂x_i        s_c = class c's score before the softmax (Network.forward)
 *   evidence[i] = x_i · ∂s_c / ∂x_i  ("input × gradient": what speaks for (+) and against (-) c)
 *
 * The pass is the network in inference mode: BatchNormalization uses its running statistics and
 * Dropout passes its input through (scaled by 1 - ratio for the book's variant), so their backward
 * rules here are the inference ones, dx = dout · gamma / sqrt(runningVar + ε) and dx = dout · keep;
 * the training-mode backward of those layers would differentiate a different function. Affine and
 * Convolution compute only dx (their dW, db stay the training step's); activations and pooling use
 * their own backward. Nothing in the network's parameters or gradients is written.
 */
import { argmax } from './argmax';
import { Affine } from './layers/Affine';
import { BATCH_NORM_EPS, BatchNormalization } from './layers/BatchNormalization';
import { Convolution } from './layers/Convolution';
import { Dropout } from './layers/Dropout';
import type { Layer } from './layers/layer';
import type { Network } from './network';
import type { Floats, Matrix } from './tensor';
import { ensureMatrix } from './tensor';

/** One input's saliency for one class. */
export interface Saliency {
  /** The class whose score was differentiated. */
  classIndex: number;
  /** The arg-max of the scores: the network's top class for this input. */
  topClass: number;
  /** (outputSize) the scores s before the output activation. */
  scores: Float64Array;
  /** (D) ∂s_c / ∂x. */
  gradient: Float64Array;
  /** (D) x · ∂s_c / ∂x. */
  evidence: Float64Array;
}

/** Per-layer scratch buffers of the backward pass (kept, so repeated calls allocate nothing). */
interface Scratch {
  dx: Matrix | null;
  rows: Matrix | null;
  dcol: Matrix | null;
}

/**
 * The backward pass from one class score to the input, for one image at a time, on a network's
 * own layers and backend. Make one per network and reuse it: its buffers come from the backend's
 * allocator (WebAssembly memory is never given back), so they are allocated once.
 */
export class InputGradient {
  private readonly input: Matrix;
  private readonly seed: Matrix;
  private readonly scratch = new Map<Layer, Scratch>();

  constructor(readonly network: Network) {
    const { alloc } = network.backend;
    this.input = { rows: 1, cols: network.spec.inputSize, data: alloc.floats(network.spec.inputSize) };
    this.seed = { rows: 1, cols: network.spec.outputSize, data: alloc.floats(network.spec.outputSize) };
  }

  /**
   * ∂s_c/∂x and x·∂s_c/∂x for one image x (D values, already scaled as the network's input), c =
   * `classIndex`, or the top class when it is null.
   */
  compute(x: ArrayLike<number>, classIndex: number | null): Saliency {
    const { network } = this;
    const D = network.spec.inputSize;
    const M = network.spec.outputSize;
    if (x.length !== D) throw new Error(`saliency: input has ${x.length} values, expected ${D}`);
    if (classIndex !== null && !(Number.isInteger(classIndex) && classIndex >= 0 && classIndex < M))
      throw new Error(`saliency: class ${classIndex} is not in 0..${M - 1}`);
    const xin = this.input.data;
    for (let i = 0; i < D; i++) xin[i] = x[i];
    this.input.rows = 1;
    this.input.cols = D;
    let h: Matrix = this.input;
    for (const layer of network.layers) h = layer.forward(h, false);
    const scores = Float64Array.from(h.data.subarray(0, M));
    const topClass = argmax(scores);
    const c = classIndex ?? topClass;
    // dout (1, M) = ∂s_c/∂s: one-hot at c.
    const seed = this.seed;
    seed.data.fill(0, 0, M);
    seed.data[c] = 1;
    let dout: Matrix = seed;
    for (let i = network.layers.length - 1; i >= 0; i--) dout = this.backward(network.layers[i], dout);
    const gradient = Float64Array.from(dout.data.subarray(0, D));
    const evidence = new Float64Array(D);
    for (let i = 0; i < D; i++) evidence[i] = x[i] * gradient[i];
    return { classIndex: c, topClass, scores, gradient, evidence };
  }

  /** dx (1, ·) of one layer for dout, by its inference-mode rule (see the file comment). */
  private backward(layer: Layer, dout: Matrix): Matrix {
    const { alloc, kernels } = this.network.backend;
    let s = this.scratch.get(layer);
    if (s === undefined) this.scratch.set(layer, (s = { dx: null, rows: null, dcol: null }));
    const N = dout.rows;
    if (layer instanceof Affine) {
      // dx (N, D) = dout (N, M) · Wᵀ, W (D, M)
      const { rows: D, cols: M } = layer.W;
      const dx = (s.dx = ensureMatrix(s.dx, N, D, alloc));
      kernels.gemmBT(dx.data, dout.data, layer.W.data, N, D, M);
      return dx;
    }
    if (layer instanceof Convolution) {
      const { C, H, W } = layer.input;
      const { FN, FH, FW, stride, pad } = layer.options;
      const { H: OH, W: OW } = layer.output;
      const P = OH * OW;
      const K = C * FH * FW;
      // dout (N, FN·P) → rows (N·P, FN); dcol (N·P, K) = rows · W, W (FN, K); dx = col2im(dcol)
      const rows = (s.rows = ensureMatrix(s.rows, N * P, FN, alloc));
      kernels.channelsToRows(rows.data, dout.data, N, P, FN);
      const dcol = (s.dcol = ensureMatrix(s.dcol, N * P, K, alloc));
      kernels.gemm(dcol.data, rows.data, layer.W, null, N * P, FN, K);
      const dx = (s.dx = ensureMatrix(s.dx, N, C * H * W, alloc));
      kernels.col2im(dx.data, dcol.data, { N, C, H, W, FH, FW, stride, pad, OH, OW });
      return dx;
    }
    if (layer instanceof BatchNormalization) {
      // y = gamma · (x - runningMean) / sqrt(runningVar + ε) + beta  ⇒  dx = dout · gamma / sqrt(runningVar + ε)
      const M = layer.gamma.length;
      const dx = (s.dx = ensureMatrix(s.dx, N, M, alloc));
      scaleColumns(
        dx.data,
        dout.data,
        N,
        M,
        (j) => layer.gamma[j] / Math.sqrt(layer.runningVar[j] + BATCH_NORM_EPS),
      );
      return dx;
    }
    if (layer instanceof Dropout) {
      // y = x · keep at inference  ⇒  dx = dout · keep
      const keep = layer.scaling === 'book' ? 1 - layer.ratio : 1;
      const dx = (s.dx = ensureMatrix(s.dx, N, dout.cols, alloc));
      scaleColumns(dx.data, dout.data, N, dout.cols, () => keep);
      return dx;
    }
    // Relu, Sigmoid, Tanh, Pooling: their backward reads only what the forward just kept.
    return layer.backward(dout);
  }
}

/** out[i, j] = d[i, j] · factor(j) for an (N, M) matrix. */
function scaleColumns(out: Floats, d: Floats, N: number, M: number, factor: (j: number) => number): void {
  for (let j = 0; j < M; j++) {
    const f = factor(j);
    for (let i = 0; i < N; i++) out[i * M + j] = d[i * M + j] * f;
  }
}

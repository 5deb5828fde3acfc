/**
 * The multi-layer network of the book's MultiLayerNetExtend (ch06): any number of hidden layers
 *   Affine → [BatchNormalization] → activation → [Dropout]   (per hidden layer)
 *   Affine → SoftmaxWithLoss | IdentityWithLoss              (output)
 * The first Affine comes twice over the same W1, b1: as Affine for dense batches (N, D) and as
 * SparseAffine for sparse batches of pixels; each forward uses the one that fits its input.
 * All parameters live in ONE flat buffer with named views (W1, b1, ..., see param-layout.ts), and
 * all gradients in a second buffer with the same layout, so a snapshot or transfer is one copy.
 */
import { argmax } from './argmax';
import type { Backend } from './backend';
import type { ArchName } from './convnet';
import { ACTIVATION_LAYERS, Relu } from './layers/activations';
import type { Affine } from './layers/Affine';
import type { Convolution } from './layers/Convolution';
import { Dropout } from './layers/Dropout';
import { Pooling } from './layers/Pooling';
import type { Layer, LossLayer } from './layers/layer';
import { SparseAffine } from './layers/SparseAffine';
import { buildConvNet, buildMlp, convPlan, type MapShape, type WeightedLayer } from './network-build';
import type { ParamMap } from './optimizers';
import { layoutOf, paramLayout, type ParamLayout } from './param-layout';
import type { PixelRows } from './kernels';
import type { CsrBatch, Floats, Matrix, NetInput, Targets } from './tensor';
import { ensureMatrix, isLabels } from './tensor';
import { addDecayGradient, decayPenalty } from './weight-decay';
import {
  LOSS_LAYERS,
  type FeatureMap,
  type NamedTensor,
  type NetworkOptions,
  type NetworkSpec,
  type TensorInput,
} from './network-spec';

export type { WeightedLayer } from './network-build';

export { LOSS_LAYERS, LOSSES } from './network-spec';
export type {
  FeatureMap,
  LossName,
  NamedTensor,
  NetworkOptions,
  NetworkSpec,
  TensorInput,
} from './network-spec';

/** A built network: forward, loss, backprop and named parameters. */
export class Network {
  readonly backend: Backend;
  readonly layout: ParamLayout;
  /** Trainable parameters by name: views into the flat buffer (the book's `params`). */
  readonly params: ParamMap = {};
  /** Gradients by name, filled by gradient() (the book's `grads`). */
  readonly grads: ParamMap = {};
  /** Every layer in forward order for a dense input: Affine1, ..., the output Affine. */
  readonly layers: Layer[];
  /** The Affine layers (the first Affine first). */
  readonly affines: Affine[];
  /** The Convolution layers (Conv1 first); empty for an MLP. */
  readonly convs: Convolution[];
  /** Every layer with weights in parameter order (W1, W2, ...): what weight decay and the gradient norms read. */
  readonly weighted: WeightedLayer[];
  /** The first layer for sparse batches (an MLP's Affine1 with zero pixels skipped); null for a CNN. */
  readonly sparseInputLayer: SparseAffine | null;
  /** 'mlp', 'simple-convnet' or 'deep-convnet'. */
  readonly arch: ArchName;
  readonly lastLayer: LossLayer;
  private readonly flat: Floats;
  private readonly gradFlat: Floats;
  private readonly views = new Map<string, Floats>();
  /** Reused wrapper for dense inputs, so forward allocates nothing. */
  private readonly inputMatrix: Matrix;
  /** One image's pixels for activations() (D). */
  private readonly pixelInput: Floats;
  /** Whether the last forward went through sparseInputLayer (backward follows the same path). */
  private lastInputSparse = false;
  /** The Relu/Sigmoid/Tanh layers, whose outputs activations() reports. */
  private readonly activationLayers: Set<Layer>;
  /** A CNN's dense (N, D) batch, filled from a sparse batch (convolutions need every pixel). */
  private denseBatch: Matrix | null = null;
  /** The layers whose outputs featureMaps() reports, with their image shapes. */
  private readonly mapLayers: Map<Layer, MapShape>;
  /**
   * foldedRelu[i]: layers[i] is a Relu feeding the max-pool layers[i + 1], which forward() and
   * gradient() run as one step (Pooling's withRelu). Layer-by-layer callers (featureMaps,
   * activations, the hidden-layer outputs, saliency) still see each layer's own output.
   */
  private readonly foldedRelu: boolean[];

  constructor(
    readonly spec: NetworkSpec,
    opts: NetworkOptions,
  ) {
    const { backend, rng } = opts;
    this.backend = backend;
    this.arch = spec.arch ?? 'mlp';
    const plan = convPlan(spec);
    const sizes = [spec.inputSize, ...spec.hidden, spec.outputSize];
    this.layout = plan === null ? paramLayout(sizes, spec.batchNorm) : layoutOf(plan.slots);
    this.flat = backend.alloc.floats(this.layout.totalLength);
    this.gradFlat = backend.alloc.floats(this.layout.trainableLength);
    for (const s of this.layout.slots) {
      const view = this.flat.subarray(s.offset, s.offset + s.length);
      this.views.set(s.name, view);
      if (s.trainable) {
        this.params[s.name] = view;
        this.grads[s.name] = this.gradFlat.subarray(s.offset, s.offset + s.length);
      }
    }
    this.pixelInput = backend.alloc.floats(spec.inputSize);
    this.inputMatrix = { rows: 0, cols: spec.inputSize, data: this.pixelInput };
    if (ACTIVATION_LAYERS[spec.activation] === undefined)
      throw new Error(`unknown activation '${String(spec.activation)}'`);
    const ctx = { spec, backend, rng, view: (name: string) => this.view(name), grads: this.grads };
    const built = plan === null ? buildMlp(ctx) : buildConvNet(ctx, plan);
    this.layers = built.layers;
    this.affines = built.affines;
    this.convs = built.convs;
    this.weighted = built.weighted;
    this.activationLayers = built.activationLayers;
    this.mapLayers = built.mapLayers;
    this.foldedRelu = this.layers.map(
      (layer, i) => i >= 1 && layer instanceof Relu && this.layers[i + 1] instanceof Pooling,
    );
    this.sparseInputLayer = plan === null ? new SparseAffine('Affine1', this.affines[0], backend) : null;
    const LossLayerClass: (new (backend: Backend) => LossLayer) | undefined = LOSS_LAYERS[spec.loss];
    if (LossLayerClass === undefined) throw new Error(`unknown loss '${String(spec.loss)}'`);
    this.lastLayer = new LossLayerClass(backend);
  }

  private view(name: string): Floats {
    const v = this.views.get(name);
    if (v === undefined) throw new Error(`no parameter '${name}'`);
    return v;
  }

  /** The one flat parameter buffer (trainable prefix, then running statistics). A live view. */
  flatParams(): Floats {
    return this.flat;
  }

  /** The flat gradient buffer, same layout as the trainable prefix of flatParams(). */
  flatGrads(): Floats {
    return this.gradFlat;
  }

  /** Every tensor in book order (W1, b1, ..., gamma1, beta1, ..., runningMean1, runningVar1, ...). */
  tensors(): NamedTensor[] {
    return this.layout.slots.map((s) => ({ name: s.name, shape: [...s.shape], data: this.view(s.name) }));
  }

  /**
   * Loads tensors by name. Every trainable parameter must be given; running statistics are
   * optional. Everything is checked before anything is copied, so a bad list changes nothing.
   */
  setTensors(ts: TensorInput[]): void {
    const byName = new Map(ts.map((t) => [t.name, t]));
    for (const t of ts) {
      const slot = this.layout.slots.find((s) => s.name === t.name);
      if (slot === undefined)
        throw new Error(
          `unknown tensor '${t.name}' (expected ${this.layout.slots.map((s) => s.name).join(', ')})`,
        );
      if (t.shape.length !== slot.shape.length || t.shape.some((d, i) => d !== slot.shape[i]))
        throw new Error(
          `tensor '${t.name}' has shape (${t.shape.join(', ')}), expected (${slot.shape.join(', ')})`,
        );
      if (t.data.length !== slot.length)
        throw new Error(`tensor '${t.name}' has ${t.data.length} values, expected ${slot.length}`);
    }
    for (const s of this.layout.slots) {
      if (s.trainable && !byName.has(s.name))
        throw new Error(`missing tensor '${s.name}' (${s.shape.join('x')})`);
    }
    for (const t of ts) {
      const v = this.view(t.name);
      for (let i = 0; i < v.length; i++) v[i] = t.data[i];
    }
  }

  /**
   * Scores (N, outputSize) before the output activation. A dense input's data must come from the
   * network's backend (`backend.alloc.floats`), as BatchBuilder's batches do.
   */
  forward(x: NetInput, train: boolean): Matrix {
    let h: Matrix;
    this.lastInputSparse = x.kind === 'sparse';
    if (x.kind === 'sparse' && this.sparseInputLayer !== null) {
      h = this.sparseInputLayer.forward(x.csr);
    } else if (x.kind === 'sparse') {
      this.lastInputSparse = false;
      h = this.layers[0].forward(this.scatter(x.csr), train);
    } else {
      const m = this.inputMatrix;
      m.rows = x.n;
      m.data = x.data;
      h = this.layers[0].forward(m, train);
    }
    for (let i = 1; i < this.layers.length; i++) {
      if (this.foldedRelu[i]) h = (this.layers[++i] as Pooling).forward(h, train, true);
      else h = this.layers[i].forward(h, train);
    }
    return h;
  }

  /**
   * Scores in inference mode for rows taken straight from a split's index (StagedImages.pixelRows):
   * the same as `forward` of the batch gathered from them, for an MLP (sparseInputLayer); what
   * evaluation runs. No backward follows it.
   */
  forwardPixels(x: PixelRows): Matrix {
    if (this.sparseInputLayer === null)
      throw new Error(`forwardPixels: a ${this.arch} has no sparse first layer`);
    this.lastInputSparse = true;
    let h = this.sparseInputLayer.forwardPixels(x);
    for (let i = 1; i < this.layers.length; i++) h = this.layers[i].forward(h, false);
    return h;
  }

  /** A sparse batch as dense rows (N, D) of the network's backend: zeros, then each non-zero in place. */
  private scatter(csr: CsrBatch): Matrix {
    const D = this.spec.inputSize;
    const n = csr.n;
    const m = (this.denseBatch = ensureMatrix(this.denseBatch, n, D, this.backend.alloc));
    const d = m.data;
    d.fill(0, 0, n * D);
    const { rowPtr, colIdx, values } = csr;
    for (let i = 0; i < n; i++) {
      const o = i * D;
      for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) d[o + colIdx[e]] = values[e];
    }
    return m;
  }

  /** Mean data loss over the batch plus the weight-decay penalty (the book's `loss(x, t)`). */
  loss(x: NetInput, t: Targets, train: boolean): number {
    const data = this.lastLayer.forward(this.forward(x, train), t);
    return data + this.decayPenalty();
  }

  /** Σ over W1..WL of the weight-decay penalty (0 when weightDecay is 'none'). */
  decayPenalty(): number {
    let p = 0;
    for (const w of this.weighted) p += decayPenalty(this.spec.weightDecay, this.spec.weightDecayLambda, w.W);
    return p;
  }

  /**
   * Backpropagation (book §5.7): a training forward (or an inference one, `train` false: batch norm
   * on its running statistics, no dropout), then backward through every layer. Returns the loss.
   */
  gradient(x: NetInput, t: Targets, train = true): number {
    const loss = this.loss(x, t, train);
    let dout = this.lastLayer.backward();
    for (let i = this.layers.length - 1; i >= 1; i--) {
      dout = this.layers[i].backward(dout);
      // The pool's backward went through the ReLU folded into it.
      if (this.foldedRelu[i - 1]) i--;
    }
    if (this.lastInputSparse && this.sparseInputLayer !== null) this.sparseInputLayer.backward(dout);
    else this.layers[0].backward(dout);
    for (const w of this.weighted)
      addDecayGradient(this.spec.weightDecay, this.spec.weightDecayLambda, w.W, w.dW);
    return loss;
  }

  /** Output probabilities (N, outputSize) — softmax, or the raw outputs for identity-mse — as a new array. */
  predict(x: NetInput, train = false): Floats {
    const y = this.lastLayer.predict(this.forward(x, train));
    return y.data.slice(0, y.rows * y.cols);
  }

  /** Number of rows whose arg-max output equals the target (label, or arg-max of a one-hot row). */
  countCorrect(x: NetInput, t: Targets): number {
    const y = this.lastLayer.predict(this.forward(x, false));
    return countArgmaxMatches(y, t);
  }

  /** Fraction of rows classified correctly (the book's `accuracy(x, t)`). */
  accuracy(x: NetInput, t: Targets): number {
    const n = x.kind === 'sparse' ? x.csr.n : x.n;
    return n === 0 ? 0 : this.countCorrect(x, t) / n;
  }

  /**
   * What each hidden layer outputs for one input image (D values, already in [0, 1]), after its
   * activation, then the output probabilities. Copies, for the UI.
   */
  activations(pixels: ArrayLike<number>): { name: string; data: Float32Array }[] {
    const D = this.spec.inputSize;
    const data = this.pixelInput;
    for (let i = 0; i < D; i++) data[i] = pixels[i];
    const result: { name: string; data: Float32Array }[] = [];
    let h: Matrix = { rows: 1, cols: D, data };
    for (const layer of this.layers) {
      h = layer.forward(h, false);
      if (this.activationLayers.has(layer)) {
        result.push({ name: layer.name, data: Float32Array.from(h.data.subarray(0, h.cols)) });
      }
    }
    const y = this.lastLayer.predict(h);
    result.push({
      name: this.spec.loss === 'softmax-cross-entropy' ? 'Softmax' : 'Identity',
      data: Float32Array.from(y.data.subarray(0, y.cols)),
    });
    return result;
  }

  /**
   * For one input image (D values in [0, 1]), the output channels of every convolution, its ReLU
   * and every pooling layer, in forward order (what the book's §7.6 shows). Empty for an MLP. Copies.
   */
  featureMaps(pixels: ArrayLike<number>): FeatureMap[] {
    if (this.mapLayers.size === 0) return [];
    const D = this.spec.inputSize;
    const data = this.pixelInput;
    for (let i = 0; i < D; i++) data[i] = pixels[i];
    const result: FeatureMap[] = [];
    let h: Matrix = { rows: 1, cols: D, data };
    for (const layer of this.layers) {
      h = layer.forward(h, false);
      const shape = this.mapLayers.get(layer);
      if (shape !== undefined)
        result.push({ name: layer.name, ...shape, data: Float32Array.from(h.data.subarray(0, h.cols)) });
    }
    return result;
  }

  /** Freeze (or release) every Dropout mask, so repeated training forwards see the same mask. */
  freezeDropout(frozen: boolean): void {
    for (const l of this.layers) if (l instanceof Dropout) l.frozen = frozen;
  }
}

/** Rows of y (N, M) whose arg-max matches the targets. */
export function countArgmaxMatches(y: Matrix, t: Targets): number {
  const { rows, cols } = y;
  const d = y.data;
  let correct = 0;
  for (let i = 0; i < rows; i++) {
    const target = isLabels(t) ? t[i] : argmax(t, i * cols, cols);
    if (argmax(d, i * cols, cols) === target) correct++;
  }
  return correct;
}

/** Builds a network from its spec: parameters initialised from opts.rng in order W1, W2, ... */
export function createNetwork(spec: NetworkSpec, opts: NetworkOptions): Network {
  if ((spec.arch ?? 'mlp') === 'mlp' && spec.hidden.length < 1)
    throw new Error('a network needs at least one hidden layer');
  if (!(spec.dropout >= 0 && spec.dropout < 1))
    throw new Error(`dropout ratio ${spec.dropout} must be in [0, 1)`);
  return new Network(spec, opts);
}

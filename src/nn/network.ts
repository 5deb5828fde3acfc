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
import { ACTIVATION_LAYERS, type ActivationName } from './layers/activations';
import { Affine, type AffineParams } from './layers/Affine';
import { BatchNormalization } from './layers/BatchNormalization';
import { Dropout } from './layers/Dropout';
import { IdentityWithLoss } from './layers/IdentityWithLoss';
import type { Layer, LossLayer } from './layers/layer';
import { SoftmaxWithLoss } from './layers/SoftmaxWithLoss';
import { SparseAffine } from './layers/SparseAffine';
import { fillNormal, initScale, type InitName } from './init';
import type { ParamMap } from './optimizers';
import { paramLayout, type ParamLayout } from './param-layout';
import { registryNames } from './registry';
import type { Rng } from './rng';
import type { Floats, Matrix, NetInput, Targets } from './tensor';
import { isLabels } from './tensor';
import { addDecayGradient, decayPenalty, type WeightDecayName } from './weight-decay';

/** The output layers by loss config name (the book's SoftmaxWithLoss, and identity + MSE). */
export const LOSS_LAYERS = {
  'softmax-cross-entropy': SoftmaxWithLoss,
  'identity-mse': IdentityWithLoss,
} as const satisfies Record<string, new (backend: Backend) => LossLayer>;

/** A loss's config name. */
export type LossName = keyof typeof LOSS_LAYERS;

/** The losses' config names: the keys of LOSS_LAYERS. */
export const LOSSES = registryNames(LOSS_LAYERS);

/** Everything that fixes a network's architecture and regularisation. */
export interface NetworkSpec {
  inputSize: number;
  hidden: number[];
  outputSize: number;
  activation: ActivationName;
  loss: LossName;
  init: InitName;
  initStd: number;
  batchNorm: boolean;
  /** Dropout ratio after each activation; 0 = no Dropout layers. */
  dropout: number;
  weightDecay: WeightDecayName;
  weightDecayLambda: number;
}

/** A named tensor, as tensors() returns it (data is a live view into the flat buffer). */
export interface NamedTensor {
  name: string;
  shape: number[];
  data: Floats;
}

/** A named tensor to load with setTensors (any numeric array of the right length). */
export interface TensorInput {
  name: string;
  shape: number[];
  data: ArrayLike<number>;
}

/** What createNetwork needs besides the spec. */
export interface NetworkOptions {
  /** The kernels and the allocator of every buffer (float32 for training, float64 for gradient checks). */
  backend: Backend;
  /** Draws the initial weights and, later, the dropout masks. */
  rng: Rng;
}

/** A built network: forward, loss, backprop and named parameters. */
export class Network {
  readonly backend: Backend;
  readonly layout: ParamLayout;
  /** Trainable parameters by name: views into the flat buffer (the book's `params`). */
  readonly params: ParamMap = {};
  /** Gradients by name, filled by gradient() (the book's `grads`). */
  readonly grads: ParamMap = {};
  /** Every layer in forward order for a dense input: Affine1, ..., the output Affine. */
  readonly layers: Layer[] = [];
  /** The Affine layers (Affine1 first), whose W the weight decay and the gradient norms read. */
  readonly affines: Affine[] = [];
  /** The first layer for sparse batches: Affine1's parameters, zero pixels skipped. */
  readonly sparseInputLayer: SparseAffine;
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
  private readonly activationLayers = new Set<Layer>();

  constructor(
    readonly spec: NetworkSpec,
    opts: NetworkOptions,
  ) {
    const { backend, rng } = opts;
    this.backend = backend;
    const sizes = [spec.inputSize, ...spec.hidden, spec.outputSize];
    this.layout = paramLayout(sizes, spec.batchNorm);
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
    const Activation = ACTIVATION_LAYERS[spec.activation];
    if (Activation === undefined) throw new Error(`unknown activation '${String(spec.activation)}'`);
    const actName = spec.activation[0].toUpperCase() + spec.activation.slice(1);
    for (let l = 1; l < sizes.length; l++) {
      const params = this.affineParams(l, sizes[l - 1], sizes[l]);
      fillNormal(params.W.data, initScale(spec.init, sizes[l - 1], spec.initStd), rng);
      // Nothing is below the first layer, so it needs no dx.
      const affine = new Affine(`Affine${l}`, params, backend, { computeDx: l > 1 });
      this.affines.push(affine);
      this.layers.push(affine);
      if (l === sizes.length - 1) break;
      if (spec.batchNorm) {
        this.view(`gamma${l}`).fill(1);
        const bn = {
          gamma: this.view(`gamma${l}`),
          beta: this.view(`beta${l}`),
          dgamma: this.grads[`gamma${l}`],
          dbeta: this.grads[`beta${l}`],
          runningMean: this.view(`runningMean${l}`),
          runningVar: this.view(`runningVar${l}`),
        };
        this.layers.push(new BatchNormalization(`BatchNorm${l}`, bn, backend));
      }
      const activation = new Activation(`${actName}${l}`, backend);
      this.activationLayers.add(activation);
      this.layers.push(activation);
      if (spec.dropout > 0) this.layers.push(new Dropout(`Dropout${l}`, spec.dropout, rng, backend));
    }
    this.sparseInputLayer = new SparseAffine('Affine1', this.affines[0], backend);
    const LossLayerClass: (new (backend: Backend) => LossLayer) | undefined = LOSS_LAYERS[spec.loss];
    if (LossLayerClass === undefined) throw new Error(`unknown loss '${String(spec.loss)}'`);
    this.lastLayer = new LossLayerClass(backend);
  }

  /** Wl (D, M), bl and their gradients, as views. */
  private affineParams(l: number, D: number, M: number): AffineParams {
    return {
      W: { rows: D, cols: M, data: this.view(`W${l}`) },
      b: this.view(`b${l}`),
      dW: this.grads[`W${l}`],
      db: this.grads[`b${l}`],
    };
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
    if (x.kind === 'sparse') {
      h = this.sparseInputLayer.forward(x.csr);
    } else {
      const m = this.inputMatrix;
      m.rows = x.n;
      m.data = x.data;
      h = this.layers[0].forward(m, train);
    }
    for (let i = 1; i < this.layers.length; i++) h = this.layers[i].forward(h, train);
    return h;
  }

  /** Mean data loss over the batch plus the weight-decay penalty (the book's `loss(x, t)`). */
  loss(x: NetInput, t: Targets, train: boolean): number {
    const data = this.lastLayer.forward(this.forward(x, train), t);
    return data + this.decayPenalty();
  }

  /** Σ over W1..WL of the weight-decay penalty (0 when weightDecay is 'none'). */
  decayPenalty(): number {
    let p = 0;
    for (const a of this.affines)
      p += decayPenalty(this.spec.weightDecay, this.spec.weightDecayLambda, a.W.data);
    return p;
  }

  /** Backpropagation (book §5.7): training forward, then backward through every layer. Returns the loss. */
  gradient(x: NetInput, t: Targets): number {
    const loss = this.loss(x, t, true);
    let dout = this.lastLayer.backward();
    for (let i = this.layers.length - 1; i >= 1; i--) dout = this.layers[i].backward(dout);
    if (this.lastInputSparse) this.sparseInputLayer.backward(dout);
    else this.layers[0].backward(dout);
    for (const a of this.affines)
      addDecayGradient(this.spec.weightDecay, this.spec.weightDecayLambda, a.W.data, a.dW);
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
  if (spec.hidden.length < 1) throw new Error('a network needs at least one hidden layer');
  if (!(spec.dropout >= 0 && spec.dropout < 1))
    throw new Error(`dropout ratio ${spec.dropout} must be in [0, 1)`);
  return new Network(spec, opts);
}

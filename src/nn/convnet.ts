/**
 * The convolutional architectures of book ch07 and ch08, as plans the Network builds:
 *
 *   simple-convnet  (ch07 simple_convnet.py)  Conv1 → Relu → Pool → Affine2 → [BatchNorm] → Relu
 *                   → [Dropout] → Affine3 → SoftmaxWithLoss. Defaults: 30 filters 5×5, stride 1,
 *                   pad 0, 2×2 max pooling with stride 2, 100 hidden units. Params W1 (30, 1, 5, 5),
 *                   b1, W2 (4320, 100), b2, W3 (100, 10), b3, as the book keys them.
 *   deep-convnet    (ch08 deep_convnet.py, exactly)  3×3 convolutions of 16, 16, 32, 32, 64, 64
 *                   filters (pad 1, 1, 1, 2, 1, 1), ReLU after each, 2×2 max pooling after each
 *                   pair, Affine 1024→50 → Relu → Dropout 0.5 → Affine 50→10 → Dropout 0.5, He
 *                   initialisation; the book's Dropout (scaled by 0.5 at inference). W1..W8, b1..b8.
 *
 * A plan is the list of parameter slots (in the book's key order) and the list of stages in
 * forward order; network.ts turns the stages into layers over views of its flat buffer.
 */
import { outputSize, type ConvolutionOptions, type ImageShape } from './layers/Convolution';
import type { DropoutScaling } from './layers/Dropout';
import type { PoolingOptions } from './layers/Pooling';
import { registryNames } from './registry';

/** The architectures by config name, each with the book's file it follows. */
export const ARCHITECTURES = {
  mlp: 'ch06 multi_layer_net_extend.py',
  'simple-convnet': 'ch07 simple_convnet.py',
  'deep-convnet': 'ch08 deep_convnet.py',
} as const;

/** An architecture's config name. */
export type ArchName = keyof typeof ARCHITECTURES;

/** The architectures' config names: the keys of ARCHITECTURES. */
export const ARCHS = registryNames(ARCHITECTURES);

/** What a convolutional plan reads from the network spec (the simple-convnet's editable settings). */
export interface ConvSpec {
  inputSize: number;
  outputSize: number;
  /** Filters of the first convolution (the book's filter_num, 30). */
  filters: number;
  /** Filter side (filter_size, 5). */
  filterSize: number;
  /** Filter stride (1). */
  stride: number;
  /** Zero padding of the convolution (0). */
  pad: number;
  /** Max-pooling window side, also its stride (2). */
  pool: number;
  /** Hidden Affine units (hidden_size, 100). */
  convHidden: number;
  batchNorm: boolean;
  dropout: number;
}

/** One step of a plan, in forward order. `l` is the parameter index (W{l}, b{l}). */
export type Stage =
  | { kind: 'conv'; l: number; input: ImageShape; output: ImageShape; options: ConvolutionOptions }
  | { kind: 'pool'; input: ImageShape; output: ImageShape; options: PoolingOptions }
  | { kind: 'relu'; after: 'conv' | 'affine' }
  | { kind: 'affine'; l: number; D: number; M: number }
  | { kind: 'batchNorm'; index: number; M: number }
  | { kind: 'dropout'; ratio: number; scaling: DropoutScaling };

/** A parameter slot before offsets are given. */
export interface SlotSpec {
  name: string;
  shape: number[];
  trainable: boolean;
  /** Inputs per output unit (He / Xavier), for W slots. */
  fanIn?: number;
}

/** A convolutional network's plan. */
export interface ConvPlan {
  slots: SlotSpec[];
  stages: Stage[];
  /** Whether the initial weights are He (deep-convnet, as the book) rather than the configured init. */
  forceHe: boolean;
}

/** The square image side for inputSize pixels (784 → 28). */
function imageOf(inputSize: number): ImageShape {
  const side = Math.round(Math.sqrt(inputSize));
  if (side * side !== inputSize)
    throw new Error(`a convolutional network needs square images, got ${inputSize} pixels`);
  return { C: 1, H: side, W: side };
}

/** Builds plans: convolutions, pooling, affines, with slots named in order. */
class Planner {
  readonly slots: SlotSpec[] = [];
  readonly stages: Stage[] = [];
  private l = 0;
  shape: ImageShape;
  private bn = 0;

  constructor(inputSize: number) {
    this.shape = imageOf(inputSize);
  }

  conv(FN: number, F: number, stride: number, pad: number): void {
    const l = ++this.l;
    const input = this.shape;
    const OH = outputSize(input.H, F, stride, pad);
    const OW = outputSize(input.W, F, stride, pad);
    if (!(OH >= 1 && OW >= 1))
      throw new Error(
        `Conv${l}: a ${F}x${F} filter with pad ${pad} does not fit a ${input.H}x${input.W} image`,
      );
    const output = { C: FN, H: OH, W: OW };
    this.slots.push({ name: `W${l}`, shape: [FN, input.C, F, F], trainable: true, fanIn: input.C * F * F });
    this.slots.push({ name: `b${l}`, shape: [FN], trainable: true });
    this.stages.push({ kind: 'conv', l, input, output, options: { FN, FH: F, FW: F, stride, pad } });
    this.shape = output;
  }

  relu(after: 'conv' | 'affine'): void {
    this.stages.push({ kind: 'relu', after });
  }

  pool(P: number): void {
    const input = this.shape;
    const OH = outputSize(input.H, P, P, 0);
    const OW = outputSize(input.W, P, P, 0);
    if (!(OH >= 1 && OW >= 1)) throw new Error(`a ${P}x${P} pool does not fit a ${input.H}x${input.W} image`);
    const output = { C: input.C, H: OH, W: OW };
    this.stages.push({ kind: 'pool', input, output, options: { PH: P, PW: P, stride: P, pad: 0 } });
    this.shape = output;
  }

  /** Affine from the current size (the flattened image after the convolutions, or the last affine's M). */
  affine(D: number, M: number): void {
    const l = ++this.l;
    this.slots.push({ name: `W${l}`, shape: [D, M], trainable: true, fanIn: D });
    this.slots.push({ name: `b${l}`, shape: [M], trainable: true });
    this.stages.push({ kind: 'affine', l, D, M });
  }

  batchNorm(M: number): void {
    const index = ++this.bn;
    this.stages.push({ kind: 'batchNorm', index, M });
  }

  flatSize(): number {
    return this.shape.C * this.shape.H * this.shape.W;
  }

  /** gamma, beta after the trainable W, b; running statistics last (as param-layout.ts). */
  finish(forceHe: boolean): ConvPlan {
    const bns = this.stages.filter((s): s is Extract<Stage, { kind: 'batchNorm' }> => s.kind === 'batchNorm');
    for (const s of bns) {
      this.slots.push({ name: `gamma${s.index}`, shape: [s.M], trainable: true });
      this.slots.push({ name: `beta${s.index}`, shape: [s.M], trainable: true });
    }
    for (const s of bns) {
      this.slots.push({ name: `runningMean${s.index}`, shape: [s.M], trainable: false });
      this.slots.push({ name: `runningVar${s.index}`, shape: [s.M], trainable: false });
    }
    return { slots: this.slots, stages: this.stages, forceHe };
  }
}

/** The book's SimpleConvNet with the given settings. */
export function simpleConvNetPlan(spec: ConvSpec): ConvPlan {
  const p = new Planner(spec.inputSize);
  p.conv(spec.filters, spec.filterSize, spec.stride, spec.pad);
  p.relu('conv');
  p.pool(spec.pool);
  p.affine(p.flatSize(), spec.convHidden);
  if (spec.batchNorm) p.batchNorm(spec.convHidden);
  p.relu('affine');
  if (spec.dropout > 0) p.stages.push({ kind: 'dropout', ratio: spec.dropout, scaling: 'inverted' });
  p.affine(spec.convHidden, spec.outputSize);
  return p.finish(false);
}

/** The book's DeepConvNet (ch08 deep_convnet.py), fixed as the book builds it. */
export function deepConvNetPlan(spec: Pick<ConvSpec, 'inputSize' | 'outputSize'>): ConvPlan {
  const p = new Planner(spec.inputSize);
  const convs: [number, number][] = [
    [16, 1],
    [16, 1],
    [32, 1],
    [32, 2],
    [64, 1],
    [64, 1],
  ];
  convs.forEach(([FN, pad], i) => {
    p.conv(FN, 3, 1, pad);
    p.relu('conv');
    if (i % 2 === 1) p.pool(2);
  });
  p.affine(p.flatSize(), 50);
  p.relu('affine');
  p.stages.push({ kind: 'dropout', ratio: 0.5, scaling: 'book' });
  p.affine(50, spec.outputSize);
  p.stages.push({ kind: 'dropout', ratio: 0.5, scaling: 'book' });
  return p.finish(true);
}

/** The simple-convnet's defaults (the book's), for specs that leave them out. */
export const CONV_DEFAULTS = {
  filters: 30,
  filterSize: 5,
  stride: 1,
  pad: 0,
  pool: 2,
  convHidden: 100,
} as const;

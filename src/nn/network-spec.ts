/**
 * What a network is made of, before it is built: its spec (architecture and regularisation), the
 * loss layers by config name, what createNetwork takes besides the spec, and the tensors and
 * feature maps a built network hands out (network.ts).
 */
import type { Backend } from './backend';
import type { ArchName } from './convnet';
import type { InitName } from './init';
import type { ActivationName } from './layers/activations';
import { IdentityWithLoss } from './layers/IdentityWithLoss';
import type { LossLayer } from './layers/layer';
import { SoftmaxWithLoss } from './layers/SoftmaxWithLoss';
import { registryNames } from './registry';
import type { Rng } from './rng';
import type { Floats } from './tensor';
import type { WeightDecayName } from './weight-decay';

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
  /** 'mlp' (default: the layers above), or a convolutional network of convnet.ts. */
  arch?: ArchName;
  /** simple-convnet: first-layer filters, filter side, stride, pad, pool side, hidden units (book defaults). */
  filters?: number;
  filterSize?: number;
  stride?: number;
  pad?: number;
  pool?: number;
  convHidden?: number;
}

/** One image's output of a convolution, its ReLU or a pooling layer: C channels of H×W (for the UI). */
export interface FeatureMap {
  name: string;
  C: number;
  H: number;
  W: number;
  data: Float32Array;
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

/**
 * How a Network's layers come out of its spec: the MLP of the book's MultiLayerNetExtend (ch06),
 * or the stages of a convolutional plan (convnet.ts), each layer built over views of the network's
 * flat parameter and gradient buffers. Weights are drawn here, in parameter order (W1, W2, ...).
 */
import type { Backend } from './backend';
import { CONV_DEFAULTS, deepConvNetPlan, simpleConvNetPlan, type ConvPlan } from './convnet';
import { fillNormal, initScale } from './init';
import { ACTIVATION_LAYERS } from './layers/activations';
import { Affine, type AffineParams } from './layers/Affine';
import { BatchNormalization } from './layers/BatchNormalization';
import { Convolution } from './layers/Convolution';
import { Dropout } from './layers/Dropout';
import type { Layer } from './layers/layer';
import { Pooling } from './layers/Pooling';
import type { NetworkSpec } from './network';
import type { ParamMap } from './optimizers';
import type { Rng } from './rng';
import type { Floats } from './tensor';

/** A layer with weights, as weight decay and the gradient norms see it: W and dW (flat). */
export interface WeightedLayer {
  readonly name: string;
  readonly W: Floats;
  readonly dW: Floats;
}

/** One image's shape at a layer's output: C channels of H×W. */
export interface MapShape {
  C: number;
  H: number;
  W: number;
}

/** What the builder needs of the network: its spec, backend, parameter views and gradient views. */
export interface BuildContext {
  spec: NetworkSpec;
  backend: Backend;
  rng: Rng;
  /** The view of a parameter (or running statistic) by name; throws for an unknown name. */
  view: (name: string) => Floats;
  /** Gradients by name (views into the gradient buffer). */
  grads: ParamMap;
}

/** The layers of a built network, and the indexes over them that the Network reads. */
export interface BuiltLayers {
  /** Every layer in forward order for a dense input. */
  layers: Layer[];
  /** The Affine layers (the first Affine first). */
  affines: Affine[];
  /** The Convolution layers (Conv1 first); empty for an MLP. */
  convs: Convolution[];
  /** Every layer with weights in parameter order (W1, W2, ...). */
  weighted: WeightedLayer[];
  /** The Relu/Sigmoid/Tanh layers whose outputs activations() reports. */
  activationLayers: Set<Layer>;
  /** The layers whose outputs featureMaps() reports, with their image shapes. */
  mapLayers: Map<Layer, MapShape>;
}

/** The plan of a convolutional spec (the simple-convnet settings default to the book's); null for an MLP. */
export function convPlan(spec: NetworkSpec): ConvPlan | null {
  const arch = spec.arch ?? 'mlp';
  if (arch === 'mlp') return null;
  if (arch === 'deep-convnet') return deepConvNetPlan(spec);
  if (arch === 'simple-convnet')
    return simpleConvNetPlan({
      inputSize: spec.inputSize,
      outputSize: spec.outputSize,
      filters: spec.filters ?? CONV_DEFAULTS.filters,
      filterSize: spec.filterSize ?? CONV_DEFAULTS.filterSize,
      stride: spec.stride ?? CONV_DEFAULTS.stride,
      pad: spec.pad ?? CONV_DEFAULTS.pad,
      pool: spec.pool ?? CONV_DEFAULTS.pool,
      convHidden: spec.convHidden ?? CONV_DEFAULTS.convHidden,
      batchNorm: spec.batchNorm,
      dropout: spec.dropout,
    });
  throw new Error(`unknown architecture '${String(spec.arch)}'`);
}

function emptyLayers(): BuiltLayers {
  return {
    layers: [],
    affines: [],
    convs: [],
    weighted: [],
    activationLayers: new Set(),
    mapLayers: new Map(),
  };
}

/** Wl (D, M), bl and their gradients, as views. */
function affineParams(ctx: BuildContext, l: number, D: number, M: number): AffineParams {
  return {
    W: { rows: D, cols: M, data: ctx.view(`W${l}`) },
    b: ctx.view(`b${l}`),
    dW: ctx.grads[`W${l}`],
    db: ctx.grads[`b${l}`],
  };
}

/** BatchNormalization number `index` over gamma{index}, beta{index} and its running statistics. */
function batchNorm(ctx: BuildContext, index: number): BatchNormalization {
  ctx.view(`gamma${index}`).fill(1);
  const bn = {
    gamma: ctx.view(`gamma${index}`),
    beta: ctx.view(`beta${index}`),
    dgamma: ctx.grads[`gamma${index}`],
    dbeta: ctx.grads[`beta${index}`],
    runningMean: ctx.view(`runningMean${index}`),
    runningVar: ctx.view(`runningVar${index}`),
  };
  return new BatchNormalization(`BatchNorm${index}`, bn, ctx.backend);
}

/**
 * The MLP's layers: Affine → [BatchNormalization] → activation → [Dropout] per hidden layer, then
 * the output Affine. The first Affine computes no dx (nothing is below it).
 */
export function buildMlp(ctx: BuildContext): BuiltLayers {
  const { spec, backend, rng } = ctx;
  const out = emptyLayers();
  const sizes = [spec.inputSize, ...spec.hidden, spec.outputSize];
  const Activation = ACTIVATION_LAYERS[spec.activation];
  if (Activation === undefined) throw new Error(`unknown activation '${String(spec.activation)}'`);
  const actName = spec.activation[0].toUpperCase() + spec.activation.slice(1);
  for (let l = 1; l < sizes.length; l++) {
    const params = affineParams(ctx, l, sizes[l - 1], sizes[l]);
    fillNormal(params.W.data, initScale(spec.init, sizes[l - 1], spec.initStd), rng);
    const affine = new Affine(`Affine${l}`, params, backend, { computeDx: l > 1 });
    out.affines.push(affine);
    out.weighted.push({ name: `W${l}`, W: affine.W.data, dW: affine.dW });
    out.layers.push(affine);
    if (l === sizes.length - 1) break;
    if (spec.batchNorm) out.layers.push(batchNorm(ctx, l));
    const activation = new Activation(`${actName}${l}`, backend);
    out.activationLayers.add(activation);
    out.layers.push(activation);
    if (spec.dropout > 0) out.layers.push(new Dropout(`Dropout${l}`, spec.dropout, rng, backend));
  }
  return out;
}

/**
 * A convolutional network's layers from its plan. Weights are drawn in parameter order (W1, W2,
 * ...) with the configured init, or He for deep-convnet (the book's weight_init_scales).
 */
export function buildConvNet(ctx: BuildContext, plan: ConvPlan): BuiltLayers {
  const { spec, backend, rng } = ctx;
  const out = emptyLayers();
  const fanIn = new Map(plan.slots.map((s) => [s.name, s.fanIn ?? 1]));
  const scale = (l: number): number =>
    initScale(plan.forceHe ? 'he' : spec.init, fanIn.get(`W${l}`) ?? 1, spec.initStd);
  let first = true;
  let relus = 0;
  let pools = 0;
  let drops = 0;
  let lastShape: MapShape | null = null;
  for (const st of plan.stages) {
    switch (st.kind) {
      case 'conv': {
        const W = ctx.view(`W${st.l}`);
        fillNormal(W, scale(st.l), rng);
        const params = {
          W,
          b: ctx.view(`b${st.l}`),
          dW: ctx.grads[`W${st.l}`],
          db: ctx.grads[`b${st.l}`],
        };
        const conv = new Convolution(`Conv${st.l}`, params, st.input, st.options, backend, {
          computeDx: !first,
        });
        out.convs.push(conv);
        out.weighted.push({ name: `W${st.l}`, W, dW: conv.dW });
        out.layers.push(conv);
        out.mapLayers.set(conv, st.output);
        lastShape = st.output;
        break;
      }
      case 'pool': {
        const pool = new Pooling(`Pool${++pools}`, st.input, st.options, backend);
        out.layers.push(pool);
        out.mapLayers.set(pool, st.output);
        lastShape = st.output;
        break;
      }
      case 'affine': {
        const params = affineParams(ctx, st.l, st.D, st.M);
        fillNormal(params.W.data, scale(st.l), rng);
        const affine = new Affine(`Affine${st.l}`, params, backend, { computeDx: !first });
        out.affines.push(affine);
        out.weighted.push({ name: `W${st.l}`, W: affine.W.data, dW: affine.dW });
        out.layers.push(affine);
        lastShape = null;
        break;
      }
      case 'relu': {
        const relu = new ACTIVATION_LAYERS.relu(`Relu${++relus}`, backend);
        out.layers.push(relu);
        if (st.after === 'conv' && lastShape !== null) out.mapLayers.set(relu, lastShape);
        else out.activationLayers.add(relu);
        break;
      }
      case 'batchNorm':
        out.layers.push(batchNorm(ctx, st.index));
        break;
      case 'dropout':
        out.layers.push(new Dropout(`Dropout${++drops}`, st.ratio, rng, backend, st.scaling));
        break;
    }
    first = false;
  }
  return out;
}

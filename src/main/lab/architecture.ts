/**
 * Reading a multi-layer network's architecture off its weight shapes: W1 (784, 50), W2 (50, 100),
 * W3 (100, 10) is 784-50-100-10. Each W's rows must equal the previous W's columns.
 */
import type { WeightTensor } from '../../shared/runs';
import { LabError, message } from '../../shared/messages';
import { deepConvNetPlan, simpleConvNetPlan, type ConvPlan } from '../../nn/index';

/** Layer sizes [input, hidden..., output] and whether batch-norm tensors are present. */
export interface Architecture {
  sizes: number[];
  batchNorm: boolean;
}

/** Infers the layer sizes from W1, W2, ...; throws a readable error when the shapes do not chain. */
export function architectureOf(tensors: WeightTensor[]): Architecture {
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const shapeText = (s: number[]) => `(${s.join(', ')})`;
  const sizes: number[] = [];
  for (let l = 1; byName.has(`W${l}`); l++) {
    const W = byName.get(`W${l}`) as WeightTensor;
    if (W.shape.length !== 2) {
      throw new LabError(message('notDense', { W: `W${l}`, shape: shapeText(W.shape) }));
    }
    const [rows, cols] = W.shape;
    if (l === 1) sizes.push(rows);
    else if (rows !== sizes[sizes.length - 1]) {
      throw new LabError(
        message('shapesDontChain', {
          previous: `W${l - 1}`,
          outputs: sizes[sizes.length - 1],
          weight: `W${l} ${shapeText(W.shape)}`,
          inputs: rows,
        }),
      );
    }
    sizes.push(cols);
    const b = byName.get(`b${l}`);
    if (!b) throw new LabError(message('noBias', { W: `W${l}`, b: `b${l}` }));
    if (b.data.length !== cols)
      throw new LabError(
        message('biasSize', {
          b: `b${l}`,
          count: b.data.length,
          weight: `W${l} ${shapeText(W.shape)}`,
          outputs: cols,
        }),
      );
  }
  if (sizes.length < 3) {
    const names = tensors.map((t) => `${t.name} ${shapeText(t.shape)}`).join(', ');
    throw new LabError(names ? message('tooFewLayers', { names }) : message('emptyWeights'));
  }
  return { sizes, batchNorm: byName.has('gamma1') };
}

/** A convolutional network read off its shapes: the book's SimpleConvNet (with its settings) or DeepConvNet. */
export interface ConvArchitecture {
  arch: 'simple-convnet' | 'deep-convnet';
  filters: number;
  filterSize: number;
  stride: number;
  pad: number;
  pool: number;
  convHidden: number;
  batchNorm: boolean;
}

/** The simple-convnet settings a file's shapes cannot tell apart, tried from the book's (stride 1, pad 0, pool 2) outwards. */
const STRIDES = [1, 2, 3, 4];
const PADS = [0, 1, 2, 3, 4];
const POOLS = [2, 1, 3, 4];

/** The settings of `conv` as a plan's spec, for `side`×`side` images and 10 classes. */
function planOf(conv: ConvArchitecture, side: number): ConvPlan {
  const io = { inputSize: side * side, outputSize: 10 };
  if (conv.arch === 'deep-convnet') return deepConvNetPlan(io);
  return simpleConvNetPlan({ ...io, ...conv, dropout: 0 });
}

/** Whether the tensors are exactly the plan's slots (every name, every shape), nothing more or less. */
function fitsPlan(tensors: readonly WeightTensor[], plan: ConvPlan): boolean {
  if (tensors.length !== plan.slots.length) return false;
  const byName = new Map(tensors.map((t) => [t.name, t]));
  return plan.slots.every((slot) => {
    const t = byName.get(slot.name);
    return (
      t !== undefined && t.shape.length === slot.shape.length && t.shape.every((d, i) => d === slot.shape[i])
    );
  });
}

/**
 * A CNN's architecture from its keys and shapes, or null when W1 is not a 4-D filter bank (an MLP).
 * W1..W8 in deep_convnet.py's shapes is DeepConvNet. W1 (FN, 1, F, F), W2 (FN·S·S, H), W3 (H, 10)
 * (and gamma1/beta1/runningMean1/runningVar1 of H with batch norm) is SimpleConvNet: FN, F and H come
 * from the shapes; stride, pad and pool only through the pooled side S, so `preferred` (a JSON
 * export's own settings) is tried first, then the book's stride 1, pad 0, pool 2, then the nearest
 * others. Throws notBookConvNet, listing the shapes, for a filter bank that fits neither network.
 */
export function convArchitectureOf(
  tensors: WeightTensor[],
  side = 28,
  preferred?: Partial<ConvArchitecture>,
): ConvArchitecture | null {
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const W1 = byName.get('W1');
  if (W1 === undefined || W1.shape.length !== 4) return null;
  const deep: ConvArchitecture = {
    arch: 'deep-convnet',
    filters: 16,
    filterSize: 3,
    stride: 1,
    pad: 1,
    pool: 2,
    convHidden: 50,
    batchNorm: false,
  };
  if (fitsPlan(tensors, planOf(deep, side))) return deep;
  for (const conv of simpleCandidates(tensors, preferred)) {
    try {
      if (fitsPlan(tensors, planOf(conv, side))) return conv;
    } catch {
      // A filter or pool that does not fit the image: not this candidate.
    }
  }
  const shapes = tensors.map((t) => `${t.name} (${t.shape.join(', ')})`).join(', ');
  throw new LabError(message('notBookConvNet', { shapes }));
}

/** The SimpleConvNet settings to try for these shapes, most likely first. */
function simpleCandidates(
  tensors: WeightTensor[],
  preferred?: Partial<ConvArchitecture>,
): ConvArchitecture[] {
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const [FN, , F] = byName.get('W1')!.shape;
  const W2 = byName.get('W2');
  if (W2 === undefined || W2.shape.length !== 2) return [];
  const base = {
    arch: 'simple-convnet' as const,
    filters: FN,
    filterSize: F,
    convHidden: W2.shape[1],
    batchNorm: byName.has('gamma1'),
  };
  const out: ConvArchitecture[] = [];
  if (preferred?.arch === 'simple-convnet') {
    const { stride, pad, pool } = preferred;
    if (stride !== undefined && pad !== undefined && pool !== undefined)
      out.push({ ...base, stride, pad, pool });
  }
  const tried: ConvArchitecture[] = [];
  for (const pool of POOLS)
    for (const stride of STRIDES) for (const pad of PADS) tried.push({ ...base, stride, pad, pool });
  const distance = (c: ConvArchitecture) => c.stride - 1 + c.pad + Math.abs(c.pool - 2);
  // A stable sort keeps pool 2 before 1, 3, 4 and small strides before large ones at equal distance.
  return [...out, ...tried.sort((a, b) => distance(a) - distance(b))];
}

/**
 * Reading a multi-layer network's architecture off its weight shapes: W1 (784, 50), W2 (50, 100),
 * W3 (100, 10) is 784-50-100-10. Each W's rows must equal the previous W's columns.
 */
import type { WeightTensor } from '../../shared/runs';
import { LabError, message } from '../../shared/messages';

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

/** A convolutional network read off its shapes: the book's SimpleConvNet or DeepConvNet. */
export interface ConvArchitecture {
  arch: 'simple-convnet' | 'deep-convnet';
  filters: number;
  filterSize: number;
  convHidden: number;
}

/**
 * A CNN's architecture from its keys and shapes, or null when W1 is not a 4-D filter bank (an MLP).
 * W1..W8 with W1 (16, 1, 3, 3) and W7 (1024, 50) is DeepConvNet; W1 (FN, 1, F, F), W2 (FN·S·S, H),
 * W3 (H, 10) is SimpleConvNet with stride 1, pad 0 and 2×2 pooling (S = (28 - F + 1) / 2), the book's.
 */
export function convArchitectureOf(tensors: WeightTensor[], side = 28): ConvArchitecture | null {
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const W1 = byName.get('W1');
  if (W1 === undefined || W1.shape.length !== 4) return null;
  if (byName.has('W8') && W1.shape.join('x') === '16x1x3x3')
    return { arch: 'deep-convnet', filters: 16, filterSize: 3, convHidden: 50 };
  const [FN, C, F] = W1.shape;
  const W2 = byName.get('W2');
  const pooled = Math.floor((side - F + 1) / 2);
  if (C !== 1 || W2 === undefined || W2.shape.length !== 2 || W2.shape[0] !== FN * pooled * pooled) {
    const shapes = tensors.map((t) => `${t.name} (${t.shape.join(', ')})`).join(', ');
    throw new LabError(message('notBookConvNet', { shapes }));
  }
  return { arch: 'simple-convnet', filters: FN, filterSize: F, convHidden: W2.shape[1] };
}

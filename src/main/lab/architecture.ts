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

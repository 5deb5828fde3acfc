/**
 * Reading a multi-layer network's architecture off its weight shapes: W1 (784, 50), W2 (50, 100),
 * W3 (100, 10) is 784-50-100-10. Each W's rows must equal the previous W's columns.
 */
import type { WeightTensor } from '../../shared/runs';

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
      throw new Error(
        `W${l} has shape ${shapeText(W.shape)}; only fully-connected networks (every W 2-D) can be evaluated here.`,
      );
    }
    const [rows, cols] = W.shape;
    if (l === 1) sizes.push(rows);
    else if (rows !== sizes[sizes.length - 1]) {
      throw new Error(
        `The shapes do not chain: W${l - 1} ends in ${sizes[sizes.length - 1]} outputs but W${l} ${shapeText(W.shape)} takes ${rows} inputs.`,
      );
    }
    sizes.push(cols);
    const b = byName.get(`b${l}`);
    if (!b) throw new Error(`W${l} has no bias b${l}.`);
    if (b.data.length !== cols)
      throw new Error(
        `b${l} has ${b.data.length} values but W${l} ${shapeText(W.shape)} has ${cols} outputs.`,
      );
  }
  if (sizes.length < 3) {
    const names = tensors.map((t) => `${t.name} ${shapeText(t.shape)}`).join(', ');
    throw new Error(
      `Expected at least W1, b1, W2, b2 (a network with a hidden layer); the file holds ${names || 'nothing'}.`,
    );
  }
  return { sizes, batchNorm: byName.has('gamma1') };
}

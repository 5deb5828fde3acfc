/**
 * How to lay weight tensors out as pictures. The first layer's W1 (784, H) holds one 28x28
 * template per hidden unit (column j, read down the 784 rows); a convolution's W1 (FN, C, FH, FW)
 * holds one FH x FW filter per output channel. Later 2-D weights (W2 (H1, H2), ...) are heatmaps.
 */
import type { WeightTensor } from '../../shared/runs';

export interface TileSet {
  /** 'unit' for a fully connected layer, 'filter' for a convolution. */
  kind: 'unit' | 'filter';
  count: number;
  width: number;
  height: number;
  /** Value of pixel i (row-major in the tile) of tile j. */
  value(j: number, i: number): number;
}

/** The first layer as tiles, or null when W1 has neither shape (784·k, H) nor (FN, C, FH, FW). */
export function firstLayerTiles(w: WeightTensor): TileSet | null {
  if (w.shape.length === 2) {
    const [inputs, hidden] = w.shape;
    const side = Math.round(Math.sqrt(inputs));
    if (side * side !== inputs) return null;
    // W1 (784, H): unit j's weight on pixel i is W1[i, j] = data[i * H + j].
    return {
      kind: 'unit',
      count: hidden,
      width: side,
      height: side,
      value: (j, i) => w.data[i * hidden + j],
    };
  }
  if (w.shape.length === 4) {
    const [fn, c, fh, fw] = w.shape;
    const size = c * fh * fw;
    // W1 (FN, C, FH, FW): the first input channel of filter j (MNIST has one channel).
    return { kind: 'filter', count: fn, width: fw, height: fh, value: (j, i) => w.data[j * size + i] };
  }
  return null;
}

/** The tensors after W1 that are weight matrices (W2, W3, ...), in order. */
export function laterWeightMatrices(weights: readonly WeightTensor[]): WeightTensor[] {
  return weights.filter((w) => /^W\d+$/.test(w.name) && w.name !== 'W1' && w.shape.length === 2);
}

/** The weight tensors (W1, W2, ...) a histogram is drawn for, in order. */
export function weightTensors(weights: readonly WeightTensor[]): WeightTensor[] {
  return weights.filter((w) => /^W\d+$/.test(w.name));
}

/** Pixel (x, y) and value of tile j at flat index i, for the hover readout. */
export function tilePixel(tiles: TileSet, j: number, i: number): { x: number; y: number; value: number } {
  return { x: i % tiles.width, y: Math.floor(i / tiles.width), value: tiles.value(j, i) };
}

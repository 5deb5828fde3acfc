import { describe, expect, it } from 'vitest';
import {
  firstLayerTiles,
  laterWeightMatrices,
  tilePixel,
  weightTensors,
} from '../../../src/renderer/weights/weightLayout';
import type { WeightTensor } from '../../../src/shared/runs';

/** W (rows, cols) with W[i, j] = 1000 i + j, so every read names its own position. */
function indexed(name: string, rows: number, cols: number): WeightTensor {
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = 1000 * i + j;
  return { name, shape: [rows, cols], data };
}

describe('first-layer tiles', () => {
  it('W1 (784, H): one 28x28 tile per hidden unit, tile j pixel i = W1[i, j]', () => {
    const tiles = firstLayerTiles(indexed('W1', 784, 50))!;
    expect(tiles.kind).toBe('unit');
    expect(tiles.count).toBe(50);
    expect(tiles.width).toBe(28);
    expect(tiles.height).toBe(28);
    expect(tiles.value(7, 0)).toBe(7);
    expect(tiles.value(7, 783)).toBe(783_007);
    expect(tiles.value(49, 28 * 3 + 5)).toBe(1000 * 89 + 49);
  });

  it('tilePixel gives the pixel (x, y) of a flat index for the hover readout', () => {
    const tiles = firstLayerTiles(indexed('W1', 784, 4))!;
    expect(tilePixel(tiles, 2, 28 * 10 + 3)).toEqual({ x: 3, y: 10, value: 1000 * 283 + 2 });
  });

  it('a convolution W1 (FN, C, FH, FW) gives one FH x FW tile per filter (first channel)', () => {
    const [fn, c, fh, fw] = [30, 1, 5, 5];
    const data = Float32Array.from({ length: fn * c * fh * fw }, (_, k) => k);
    const tiles = firstLayerTiles({ name: 'W1', shape: [fn, c, fh, fw], data })!;
    expect(tiles.kind).toBe('filter');
    expect(tiles.count).toBe(30);
    expect([tiles.width, tiles.height]).toEqual([5, 5]);
    expect(tiles.value(3, 7)).toBe(3 * 25 + 7);
  });

  it('shapes that are not pictures give null', () => {
    expect(firstLayerTiles(indexed('W1', 120, 10))).toBeNull();
    expect(firstLayerTiles({ name: 'W1', shape: [784], data: new Float32Array(784) })).toBeNull();
  });
});

describe('which tensors are drawn', () => {
  const weights: WeightTensor[] = [
    indexed('W1', 784, 50),
    { name: 'b1', shape: [50], data: new Float32Array(50) },
    { name: 'gamma1', shape: [50], data: new Float32Array(50) },
    indexed('W2', 50, 100),
    { name: 'b2', shape: [100], data: new Float32Array(100) },
    indexed('W3', 100, 10),
  ];

  it('later heatmaps are W2, W3, ... (2-D weight matrices after W1)', () => {
    expect(laterWeightMatrices(weights).map((w) => w.name)).toEqual(['W2', 'W3']);
  });

  it('histograms are drawn for every weight matrix, not biases or batch-norm parameters', () => {
    expect(weightTensors(weights).map((w) => w.name)).toEqual(['W1', 'W2', 'W3']);
  });
});

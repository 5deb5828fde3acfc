/**
 * The hidden-layer map: the outputs of one hidden layer for a fixed set of images, projected to
 * 2-D by PCA (pca.ts), so the classes can be watched pulling apart as the network trains; and a
 * drawn digit projected onto the same two axes.
 */
import { hiddenLayers, hiddenOutputs, type HiddenLayer } from './hidden-layers';
import type { Network } from './network';
import { pca } from './pca';

/** One hidden layer's 2-D map of n images. */
export interface HiddenMapResult {
  /** Every hidden layer the network has (the choices). */
  layers: HiddenLayer[];
  /** The index (in `layers`) of the mapped layer. */
  layer: number;
  /** (n, 2) each image's coordinates along the first two principal axes. */
  points: Float32Array;
  /** (n) the class the network gives each image, and its probability. */
  predictions: Uint8Array;
  confidences: Float32Array;
  /** The share of the layer's variance along each axis. */
  explainedVarianceRatio: [number, number];
  /** The drawn digit on the same axes, when one was given. */
  drawn: [number, number] | null;
  /** (n, width) the mapped layer's outputs themselves (what the PCA, or a t-SNE, is taken of). */
  features: Float32Array;
}

/**
 * Maps hidden layer `layer` (an index into hiddenLayers(network)) for n uint8 images (n, D), and
 * `drawn` (D uint8 pixels) on the same axes. Throws when the network has no such layer.
 */
export function hiddenMap(
  network: Network,
  images: Uint8Array,
  n: number,
  layer: number,
  drawn: Uint8Array | null = null,
): HiddenMapResult {
  const layers = hiddenLayers(network);
  if (!(Number.isInteger(layer) && layer >= 0 && layer < layers.length))
    throw new Error(`hidden layer ${layer} does not exist (the network has ${layers.length})`);
  const { layers: outputs, predictions, confidences } = hiddenOutputs(network, images, n);
  const d = layers[layer].width;
  const p = pca(outputs[layer], n, d, 2);
  const k = p.components.length / d; // 2, or 1 for a one-unit layer
  const points = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) points[i * 2 + c] = p.projections[i * k + c];
  let drawnPoint: [number, number] | null = null;
  if (drawn !== null) {
    const h = hiddenOutputs(network, drawn, 1).layers[layer];
    const xy = [0, 0];
    for (let c = 0; c < k; c++)
      for (let j = 0; j < d; j++) xy[c] += (h[j] - p.mean[j]) * p.components[c * d + j];
    drawnPoint = [xy[0], xy[1]];
  }
  return {
    layers,
    layer,
    points,
    predictions,
    confidences,
    explainedVarianceRatio: [p.explainedVarianceRatio[0] ?? 0, p.explainedVarianceRatio[1] ?? 0],
    drawn: drawnPoint,
    features: outputs[layer],
  };
}

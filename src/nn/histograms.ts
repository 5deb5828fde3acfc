/**
 * Activation and weight histograms (the book's §6.2 view of a real run): per hidden layer, the
 * distribution of its outputs on a fixed batch of images and the share of dead ReLU units (never
 * above 0 on that batch); per weight layer, the distribution of its weights. Saturation (sigmoid
 * outputs piled at 0 and 1), dying ReLUs and exploding weights show up here as they happen.
 */
import { Relu } from './layers/activations';
import { hiddenLayers, hiddenOutputs } from './hidden-layers';
import type { Network } from './network';

/** Equal-width bins over [min, max]; counts[i] covers [min + i·w, min + (i+1)·w), the last bin closed. */
export interface Histogram {
  min: number;
  max: number;
  counts: number[];
}

/** One layer's histograms at one moment. */
export interface LayerHistograms {
  /** Hidden layers: their outputs on the batch ('Relu1'), with the dead share for a ReLU layer. */
  activations: { name: string; histogram: Histogram; deadShare: number | null }[];
  /** Weight layers ('W1', ...). */
  weights: { name: string; histogram: Histogram }[];
}

/** `bins` equal-width bins over the range of `values` (one bin of everything when they are all equal). */
export function histogram(values: ArrayLike<number>, bins: number): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Array<number>(bins).fill(0);
  if (values.length === 0) return { min: 0, max: 0, counts };
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const b = width > 0 ? Math.min(bins - 1, Math.floor((values[i] - min) / width)) : 0;
    counts[b]++;
  }
  return { min, max, counts };
}

/** Share of the `width` units of outputs (n, width) that are ≤ 0 for every one of the n rows. */
export function deadShare(outputs: Float32Array, n: number, width: number): number {
  let dead = 0;
  for (let j = 0; j < width; j++) {
    let alive = false;
    for (let i = 0; i < n && !alive; i++) if (outputs[i * width + j] > 0) alive = true;
    if (!alive) dead++;
  }
  return width === 0 ? 0 : dead / width;
}

/** Histograms of every hidden layer's outputs on n uint8 images (n, D) and of every weight layer. */
export function layerHistograms(network: Network, images: Uint8Array, n: number, bins = 30): LayerHistograms {
  const hidden = hiddenLayers(network);
  const outputs = hiddenOutputs(network, images, n).layers;
  return {
    activations: hidden.map((h, l) => ({
      name: h.name,
      histogram: histogram(outputs[l], bins),
      deadShare: network.layers[h.layerIndex] instanceof Relu ? deadShare(outputs[l], n, h.width) : null,
    })),
    weights: network.weighted.map((w) => ({ name: w.name, histogram: histogram(w.W, bins) })),
  };
}

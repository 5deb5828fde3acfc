/**
 * What the "look deeper" views receive from a run's worker: the saliency of one drawing
 * (LabApi.explain).
 */

/** One drawing's saliency for one class, from the run's current weights. */
export interface Explanation {
  /** The class whose score was differentiated (the top class unless one was asked for). */
  classIndex: number;
  /** The network's top class for this drawing. */
  topClass: number;
  /** (10) the class probabilities, as predict gives them. */
  probabilities: Float32Array;
  /** (784) ∂(score of classIndex)/∂(pixel), pixels scaled to [0, 1], score before the softmax. */
  gradient: Float32Array;
  /** (784) pixel × gradient: positive speaks for classIndex, negative against it. */
  evidence: Float32Array;
}

/** How many test images the hidden-layer map shows: the first HIDDEN_MAP_IMAGES of the test split. */
export const HIDDEN_MAP_IMAGES = 2000;

/** How many test images the activation histograms are taken on (the first ones of the test split). */
export const HISTOGRAM_IMAGES = 500;

/** A hidden layer the map can show. */
export interface HiddenLayerInfo {
  /** The activation layer's book name, e.g. 'Relu1'. */
  name: string;
  width: number;
}

/** One hidden layer's map of the first HIDDEN_MAP_IMAGES test images (LabApi.hiddenMap). */
export interface HiddenMap {
  /** The run's iteration when the weights were taken. */
  iteration: number;
  /** Every hidden layer of the network. */
  layers: HiddenLayerInfo[];
  /** The mapped layer (an index into `layers`). */
  layer: number;
  /** (count, 2) each image's position along the first two principal axes. */
  points: Float32Array;
  /** (count) true label, predicted class and its probability. */
  labels: Uint8Array;
  predictions: Uint8Array;
  confidences: Float32Array;
  /** The share of the layer's variance each axis explains. */
  explainedVarianceRatio: [number, number];
  /** The drawn digit on the same axes, when pixels were given. */
  drawn: [number, number] | null;
  /**
   * (count, width) the mapped layer's outputs for each image, when asked for (`withFeatures`);
   * otherwise null.
   */
  features: Float32Array | null;
  /** How long the evaluator took (forward pass of the images, PCA), ms. */
  computeMs: number;
}

/** Equal-width bins over [min, max] (the engine's Histogram). */
export interface HistogramData {
  min: number;
  max: number;
  counts: number[];
}

/** Activation and weight histograms at one evaluation point (kept with its EpochMetrics). */
export interface EpochHistograms {
  /** Per hidden layer: its outputs on the first HISTOGRAM_IMAGES test images; deadShare for ReLU layers. */
  activations: { name: string; histogram: HistogramData; deadShare: number | null }[];
  /** Per weight layer (W1, W2, ...). */
  weights: { name: string; histogram: HistogramData }[];
}

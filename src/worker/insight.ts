/**
 * The evaluator's "look deeper" work (issue 13), on a snapshot it has just loaded: the hidden-layer
 * map of the first HIDDEN_MAP_IMAGES test images and the activation and weight histograms on the
 * first HISTOGRAM_IMAGES. Both run beside training, on the second core, never in its way.
 */
import { hiddenLayers, hiddenMap, layerHistograms, type Network } from '../nn/index';
import { LabError, message } from '../shared/messages';
import type { SplitView } from '../shared/dataset';
import { HIDDEN_MAP_IMAGES, HISTOGRAM_IMAGES, type EpochHistograms, type HiddenMap } from '../shared/explain';

/**
 * The map of hidden layer `layer` (and of the drawn `pixels`, if any), with how long it took; the
 * layer's outputs too when `withFeatures`.
 */
export function mapOf(
  network: Network,
  test: SplitView,
  layer: number,
  pixels: Uint8Array | null,
  withFeatures = false,
): Omit<HiddenMap, 'iteration'> {
  const count = hiddenLayers(network).length;
  if (layer >= count) throw new LabError(message('hiddenLayerMissing', { layer, count }));
  const t0 = performance.now();
  const n = Math.min(HIDDEN_MAP_IMAGES, test.count);
  const d = test.pixelsPerImage;
  const m = hiddenMap(network, test.images.subarray(0, n * d), n, layer, pixels);
  return {
    layers: m.layers.map((l) => ({ name: l.name, width: l.width })),
    layer: m.layer,
    points: m.points,
    labels: test.labels.slice(0, n),
    predictions: m.predictions,
    confidences: m.confidences,
    explainedVarianceRatio: m.explainedVarianceRatio,
    drawn: m.drawn,
    features: withFeatures ? m.features : null,
    computeMs: performance.now() - t0,
  };
}

/** Activation histograms on the first test images and weight histograms, for the network as loaded. */
export function histogramsOf(network: Network, test: SplitView): EpochHistograms {
  const n = Math.min(HISTOGRAM_IMAGES, test.count);
  return layerHistograms(network, test.images.subarray(0, n * test.pixelsPerImage), n);
}

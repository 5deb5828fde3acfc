/**
 * The worker's answers for the CNN views: a drawn digit's feature maps from the run's current
 * weights (LabApi.featureMaps, book §7.6), and the first layer's weights before training
 * (LabApi.initialWeights, the "before" of the book's Fig. 7-24), rebuilt from the run's seed.
 */
import { Rng, createNetwork } from '../nn/index';
import type { Backend, FeatureMap, Network } from '../nn/index';
import type { TrainConfig } from '../shared/hyperparams';
import type { WeightTensor } from '../shared/runs';
import { networkSpec } from './engine';

/** Every convolution, ReLU-after-convolution and pooling output for one (784) uint8 image. Copies. */
export function featureMapsOf(network: Network, pixels: Uint8Array): FeatureMap[] {
  const x = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) x[i] = pixels[i] / 255;
  return network.featureMaps(x);
}

/**
 * W1 and b1 as the run's network was initialised: the Trainer draws the weights from stream 0 of
 * the seed, in parameter order, so a network built the same way holds the same first layer.
 */
export function initialFirstLayer(config: TrainConfig, inputSize: number, backend: Backend): WeightTensor[] {
  const network = createNetwork(networkSpec(config, inputSize), { backend, rng: new Rng(config.seed, 0) });
  return network
    .tensors()
    .filter((t) => t.name === 'W1' || t.name === 'b1')
    .map((t) => ({ name: t.name, shape: [...t.shape], data: Float32Array.from(t.data) }));
}

/**
 * What LabApi.featureMaps answers: one image's output channels of a convolution, its ReLU or a
 * pooling layer (the engine's FeatureMap: `name` such as Conv1, Relu1, Pool1; C channels of H×W,
 * channel-major in `data`).
 */
export type { FeatureMap } from '../nn/index';

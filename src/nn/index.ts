/** The from-scratch engine's public API. */
export type { CsrBatch, Floats, Kernels, SparseImages } from './kernels';
export { float64Backend, tsBackend, type Alloc, type Backend, type StagedImages } from './backend';
export { Rng } from './rng';
export type { DenseInput, Matrix, NetInput, SparseInput, Targets } from './tensor';
export { ensureMatrix, isLabels } from './tensor';
export type { Layer, LossLayer } from './layers/layer';
export { Affine, type AffineParams } from './layers/Affine';
export { SparseAffine } from './layers/SparseAffine';
export {
  ACTIVATIONS,
  ACTIVATION_LAYERS,
  Relu,
  Sigmoid,
  Tanh,
  type ActivationName,
} from './layers/activations';
export { Dropout } from './layers/Dropout';
export { BatchNormalization, type BatchNormParams } from './layers/BatchNormalization';
export { SoftmaxWithLoss, softmaxRows } from './layers/SoftmaxWithLoss';
export { IdentityWithLoss } from './layers/IdentityWithLoss';
export {
  AdaGrad,
  Adam,
  Momentum,
  Nesterov,
  OPTIMIZERS,
  OPTIMIZER_CLASSES,
  RMSprop,
  SGD,
  createOptimizer,
  type Optimizer,
  type OptimizerName,
  type OptimizerOptions,
  type ParamMap,
} from './optimizers';
export {
  SCHEDULES,
  SCHEDULES_BY_NAME,
  learningRateAt,
  type Schedule,
  type ScheduleName,
  type ScheduleOptions,
} from './schedules';
export { INITS, INIT_SCALES, fillNormal, initScale, type InitName } from './init';
export {
  WEIGHT_DECAYS,
  WEIGHT_DECAY_RULES,
  addDecayGradient,
  decayPenalty,
  type WeightDecayName,
} from './weight-decay';
export { registryNames } from './registry';
export { paramLayout, type ParamLayout, type ParamSlot } from './param-layout';
export {
  LOSSES,
  LOSS_LAYERS,
  Network,
  countArgmaxMatches,
  createNetwork,
  type LossName,
  type NamedTensor,
  type NetworkOptions,
  type NetworkSpec,
  type TensorInput,
} from './network';
export { gradientCheck, numericalGradient, type GradientCheckResult } from './gradient';
export { BatchBuilder, type DataSplit, type Perturbation } from './batch';
export { shiftRotate } from './augment';
export { evaluateNetwork, type Evaluation } from './evaluate';
export {
  GRADIENT_SAMPLE_EVERY,
  Trainer,
  type SplitName,
  type StepResult,
  type TrainerConfig,
} from './trainer';
export { GradientNormMeter, l2Norm } from './gradient-norms';
export { tsKernels } from './kernels-ts';
export {
  Convolution,
  outputSize,
  type ConvolutionParams,
  type ConvolutionOptions,
  type ImageShape,
} from './layers/Convolution';
export { Pooling, type PoolingOptions } from './layers/Pooling';
export {
  ARCHITECTURES,
  ARCHS,
  CONV_DEFAULTS,
  deepConvNetPlan,
  simpleConvNetPlan,
  type ArchName,
  type ConvPlan,
  type ConvSpec,
} from './convnet';
export type { FeatureMap, WeightedLayer } from './network';
export { bookSpec } from './book-spec';
export type { ConvGeometry } from './kernels';
export * as toys from './toys';
// Look deeper (saliency, hidden-layer map, histograms)
export { InputGradient, type Saliency } from './saliency';
export { pca, jacobiEigen, type PcaOptions, type PcaResult } from './pca';
export {
  affinities,
  calibrateRow,
  klDivergence,
  nearestNeighbourAgreement,
  tsne,
  type TsneOptions,
  type TsneProgress,
  type TsneResult,
} from './tsne';
export { hiddenLayers, hiddenOutputs, type HiddenLayer, type HiddenOutputs } from './hidden-layers';
export { hiddenMap, type HiddenMapResult } from './hidden-map';
export { deadShare, histogram, layerHistograms, type Histogram, type LayerHistograms } from './histograms';
// Gradient check in the app (issue 13)
export {
  VERDICT_LIMITS,
  checkGradients,
  overallVerdict,
  verdictOf,
  type CheckGradientsOptions,
  type GradientVerdict,
  type ParameterCheck,
} from './gradient-verdict';

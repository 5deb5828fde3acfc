/**
 * The training loop of book §4.5 / ch05 train_neuralnet.py, as a pure object with no I/O: the
 * worker calls step() as fast as it likes, evaluate() when evalDue says so, and talks to the world.
 *
 * Reproducible: the seed fixes everything random. Rng stream 0 initialises the weights and then
 * draws the dropout masks; stream 1 picks batches and draws noise and augmentation. Same config
 * and seed → the same losses, bit for bit.
 */
import type { Backend } from './backend';
import { BatchBuilder, type DataSplit } from './batch';
import { evaluateNetwork, type Evaluation } from './evaluate';
import { clipGlobalNorm } from './grad-clip';
import { GradientNormMeter } from './gradient-norms';
import type { InitName } from './init';
import type { ActivationName } from './layers/activations';
import { createNetwork, type LossName, type Network, type NetworkSpec, type TensorInput } from './network';
import { createOptimizer, type Optimizer, type OptimizerName } from './optimizers';
import { Rng } from './rng';
import { learningRateAt, type ScheduleName, type ScheduleOptions } from './schedules';
import type { NetInput } from './tensor';
import type { WeightDecayName } from './weight-decay';

/** How the mini-batches are drawn: with replacement (the book), or a fresh permutation per epoch. */
export const SAMPLINGS = ['random', 'shuffle'] as const;
/** Whether totalIterations counts iterations or epochs. */
export const STOP_BY = ['iterations', 'epochs'] as const;

/**
 * What the trainer reads. The app's TrainConfig (src/shared/hyperparams.ts, derived from the one
 * hyperparameter list) is passed as it is: the type checker holds it to this shape. The trainer
 * trusts the values: the config was validated where it entered the app.
 */
export interface TrainerConfig extends Pick<
  NetworkSpec,
  'arch' | 'filters' | 'filterSize' | 'stride' | 'pad' | 'pool' | 'convHidden'
> {
  hidden: number[];
  activation: ActivationName;
  loss: LossName;
  init: InitName;
  initStd: number;
  optimizer: OptimizerName;
  learningRate: number;
  /** Clip the global L2 norm of all gradients to this before each update (0 = off). */
  gradClip: number;
  momentum: number;
  beta1: number;
  beta2: number;
  rmsDecay: number;
  schedule: ScheduleName;
  scheduleStepEpochs: number;
  scheduleDecay: number;
  weightDecay: WeightDecayName;
  weightDecayLambda: number;
  dropout: number;
  batchNorm: boolean;
  batchSize: number;
  stopBy: (typeof STOP_BY)[number];
  epochs: number;
  iterations: number;
  evalEvery: number;
  sampling: (typeof SAMPLINGS)[number];
  /** Use only the first N training images (0 = all). */
  trainSubset: number;
  /** Hold out this fraction of the (subset of) training images, from its end, for validation. */
  validationSplit: number;
  /** Early stopping after this many evaluations without a better validation loss (0 = off). */
  patience: number;
  noiseSigma: number;
  augmentShift: number;
  augmentRotate: number;
  seed: number;
}

/** What one step reports. The same object is reused by every step: copy what you keep. */
export interface StepResult {
  loss: number;
  /** The learning rate this step used (after the schedule). */
  learningRate: number;
  /** True every evalEvery iterations and after the last one. */
  evalDue: boolean;
}

/** By default the gradient norms are measured on one iteration in this many (see gradient-norms.ts). */
export const GRADIENT_SAMPLE_EVERY = 10;

/** Which images evaluate() looks at. */
export type SplitName = 'train' | 'test' | 'validation';

/** One training run: network, optimizer, batches, schedule and early stopping. */
export class Trainer {
  readonly network: Network;
  readonly optimizer: Optimizer;
  /** ‖dW_l‖₂ per weight layer, averaged over sampled iterations: take() it at each evaluation point. */
  readonly gradientNorms: GradientNormMeter;
  /** Updates done so far. */
  iteration = 0;
  /** ceil(fitCount / batchSize): 600 for the book's 60,000 images in batches of 100. */
  readonly iterationsPerEpoch: number;
  /** iterations, or epochs · iterationsPerEpoch. */
  readonly totalIterations: number;
  /** Training images actually fitted: [0, fitCount) of the train split. */
  readonly fitCount: number;
  /** Validation images: [fitCount, fitCount + validationCount) of the train split. */
  readonly validationCount: number;
  private baseLearningRate: number;
  private readonly scheduleOptions: ScheduleOptions;
  private currentLearningRate: number;
  private readonly dataRng: Rng;
  private readonly batch: BatchBuilder;
  private readonly indices: Int32Array;
  /** 'shuffle': this epoch's order, and where the next batch starts in it. */
  private readonly permutation: Int32Array;
  private position = 0;
  private readonly gradientSampleEvery: number;
  private readonly result: StepResult = { loss: 0, learningRate: 0, evalDue: false };
  private bestValidationLoss = Infinity;
  private evaluationsWithoutImprovement = 0;

  constructor(
    readonly config: TrainerConfig,
    readonly data: { train: DataSplit; test: DataSplit },
    readonly opts: {
      /** Where the network computes (float32: the WebAssembly SIMD backend, or tsBackend). */
      backend: Backend;
      initialWeights?: TensorInput[];
      /** Measure the gradient norms on every k-th iteration (default GRADIENT_SAMPLE_EVERY). */
      gradientSampleEvery?: number;
    },
  ) {
    const c = config;
    const trainCount = c.trainSubset > 0 ? Math.min(c.trainSubset, data.train.count) : data.train.count;
    this.validationCount = Math.floor(trainCount * c.validationSplit);
    this.fitCount = trainCount - this.validationCount;
    if (this.fitCount < 1)
      throw new Error(`no training images left (subset ${trainCount}, validation ${this.validationCount})`);
    this.iterationsPerEpoch = Math.ceil(this.fitCount / c.batchSize);
    this.totalIterations = c.stopBy === 'epochs' ? c.epochs * this.iterationsPerEpoch : c.iterations;
    this.network = createNetwork(
      { ...c, inputSize: data.train.pixelsPerImage, outputSize: 10 },
      { backend: opts.backend, rng: new Rng(c.seed, 0) },
    );
    if (opts.initialWeights) this.network.setTensors(opts.initialWeights);
    this.gradientNorms = new GradientNormMeter(this.network.weighted.map((w) => w.dW));
    this.gradientSampleEvery = Math.max(1, Math.floor(opts.gradientSampleEvery ?? GRADIENT_SAMPLE_EVERY));
    this.baseLearningRate = c.learningRate;
    this.scheduleOptions = { stepEpochs: c.scheduleStepEpochs, decay: c.scheduleDecay };
    this.currentLearningRate = this.scheduledRate();
    this.optimizer = createOptimizer(c.optimizer, {
      ...c,
      lr: this.currentLearningRate,
      backend: opts.backend,
    });
    this.dataRng = new Rng(c.seed, 1);
    const capacity = Math.min(c.batchSize, this.fitCount);
    this.batch = new BatchBuilder(opts.backend, capacity, data.train.pixelsPerImage, c);
    this.indices = new Int32Array(capacity);
    this.permutation = new Int32Array(c.sampling === 'shuffle' ? this.fitCount : 0);
    for (let i = 0; i < this.permutation.length; i++) this.permutation[i] = i;
  }

  /** True once totalIterations updates have been made. */
  get done(): boolean {
    return this.iteration >= this.totalIterations;
  }

  /** Epochs done so far, fractional: iteration / iterationsPerEpoch (the schedules' t). */
  get epoch(): number {
    return this.iteration / this.iterationsPerEpoch;
  }

  /** The learning rate the next step will use (base rate through the schedule). */
  get learningRate(): number {
    return this.currentLearningRate;
  }

  /** Changes the base rate A of the schedule (a live change from the UI); applies from the next step. */
  setBaseLearningRate(lr: number): void {
    this.baseLearningRate = lr;
    this.currentLearningRate = this.scheduledRate();
  }

  private scheduledRate(): number {
    return learningRateAt(this.config.schedule, this.baseLearningRate, this.epoch, this.scheduleOptions);
  }

  /** One mini-batch: sample, forward, backward, update. */
  step(): StepResult {
    if (this.done) throw new Error(`training is done (${this.totalIterations} iterations)`);
    const lr = (this.currentLearningRate = this.scheduledRate());
    this.optimizer.lr = lr;
    const input = this.nextBatch();
    // The labels buffer may be longer than n (a short last batch): the loss reads only n rows.
    const loss = this.network.gradient(input, this.batch.labels);
    if (this.config.gradClip > 0) clipGlobalNorm(this.network.flatGrads(), this.config.gradClip);
    this.optimizer.update(this.network.params, this.network.grads);
    this.iteration++;
    this.currentLearningRate = this.scheduledRate();
    const r = this.result;
    r.loss = loss;
    r.learningRate = lr;
    r.evalDue = this.iteration % this.config.evalEvery === 0 || this.done;
    // The optimizers read the gradients and leave them as they are, so they still hold this step's.
    // The step before an evaluation point is always measured, so every point has at least one sample.
    if (r.evalDue || this.iteration % this.gradientSampleEvery === 0) this.gradientNorms.sample();
    return r;
  }

  /** Picks the next batch's images and builds it. */
  private nextBatch(): NetInput {
    const B = this.indices.length;
    const idx = this.indices;
    let n = B;
    if (this.config.sampling === 'random') {
      // The book: batch_mask = np.random.choice(train_size, batch_size), with replacement.
      for (let i = 0; i < B; i++) idx[i] = this.dataRng.int(this.fitCount);
    } else {
      const perm = this.permutation;
      if (this.position === 0) {
        // Fisher-Yates: a fresh uniform permutation each epoch.
        for (let i = perm.length - 1; i > 0; i--) {
          const j = this.dataRng.int(i + 1);
          const t = perm[i];
          perm[i] = perm[j];
          perm[j] = t;
        }
      }
      n = Math.min(B, perm.length - this.position);
      for (let i = 0; i < n; i++) idx[i] = perm[this.position + i];
      this.position += n;
      if (this.position >= perm.length) this.position = 0;
    }
    return this.batch.fill(this.data.train, idx, n, this.dataRng);
  }

  /** Accuracy and mean data loss on a split, in inference mode (train = the fitted images only). */
  evaluate(split: SplitName): Evaluation {
    switch (split) {
      case 'train':
        return evaluateNetwork(this.network, this.data.train, { start: 0, end: this.fitCount });
      case 'validation':
        return evaluateNetwork(this.network, this.data.train, {
          start: this.fitCount,
          end: this.fitCount + this.validationCount,
        });
      case 'test':
        return evaluateNetwork(this.network, this.data.test);
      default:
        throw new Error(`unknown split '${String(split)}'`);
    }
  }

  /**
   * Early stopping: call after each validation evaluation. True when the validation loss has not
   * improved for `patience` evaluations in a row (never when patience is 0).
   */
  shouldStopEarly(validationLoss: number): boolean {
    if (validationLoss < this.bestValidationLoss) {
      this.bestValidationLoss = validationLoss;
      this.evaluationsWithoutImprovement = 0;
    } else {
      this.evaluationsWithoutImprovement++;
    }
    return this.config.patience > 0 && this.evaluationsWithoutImprovement >= this.config.patience;
  }
}

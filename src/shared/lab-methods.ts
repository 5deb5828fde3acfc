/**
 * The LabApi's method table: per method its arguments (a zod tuple) and its result, and whether the
 * desktop app answers it its own way (a dialog in main). Everything else derives from it: the
 * `LabApi` type the renderer calls, `LabHandlers` the service implements (with validated
 * arguments), LAB_METHODS, the preload bridge, the ipcMain handlers, the web bridge's server and
 * client, and the one validation where a call arrives in main (src/main/lab/lab-dispatch.ts).
 * Adding a method is one entry here plus its service implementation.
 */
import { z } from 'zod';
import type { Drawing, ExportedWeights, SampleImages, TestEvaluation, WeightsPreview } from './api';
import type { DatasetInfo, Prediction, RunMetrics, RunSummary, WeightTensor } from './runs';
import type { LabMessage } from './messages';
import type { FeatureMap } from './feature-maps';
import {
  drawingIdSchema,
  fileBytesSchema,
  fileNameSchema,
  importChoicesSchema,
  labelSchema,
} from './lab-arguments';
import {
  languageSchema,
  learningRateSchema,
  nameSchema,
  pendingIdSchema,
  pixelsSchema,
  runIdSchema,
} from './lab-arguments';
import { sampleCountSchema, sampleStartSchema, splitSchema, startConfigSchema } from './lab-arguments';
import { exportFormatSchema } from './weights-formats';
import type { Explanation, HiddenMap } from './explain';
import { classIndexSchema, hiddenLayerSchema, hiddenMapOptionsSchema } from './lab-arguments';
import { gradientCheckOptionsSchema, type GradientCheckReport } from './gradient-check';
import { classNamesSchema } from './class-names';

/**
 * A result: the service's own value, so its shape is its TypeScript type and it is not checked
 * again at runtime (only what arrives from outside is).
 */
const result = <T>() => z.custom<T>(() => true);

/** A method every adapter passes to the service. */
const call = <A extends z.ZodTuple, R extends z.ZodType>(args: A, returns: R) => ({
  args,
  result: returns,
  desktop: false as const,
});
/** A method the desktop app answers its own way (a native dialog); the service's answer serves a browser. */
const desktopCall = <A extends z.ZodTuple, R extends z.ZodType>(args: A, returns: R) => ({
  args,
  result: returns,
  desktop: true as const,
});

const none = z.tuple([]);
const byRun = z.tuple([runIdSchema]);

export const LAB_METHOD_TABLE = {
  /** The loaded dataset (loading the bundled one on first use). */
  datasetInfo: call(none, result<DatasetInfo>()),
  /** Up to 100 images from a split, for previews. */
  sampleImages: call(z.tuple([splitSchema, sampleStartSchema, sampleCountSchema]), result<SampleImages>()),
  /** Desktop: a folder dialog in main. Resolves null when cancelled (always in a browser). */
  chooseDatasetFolder: desktopCall(none, result<DatasetInfo | null>()),

  listRuns: call(none, result<RunSummary[]>()),
  /**
   * Starts a run from a (partial) config, filled from the defaults; rejects when it is out of range.
   * Without a name the run is named by its number in `language` ("Run 3" in English, the default).
   */
  startRun: call(
    z.tuple([startConfigSchema, nameSchema.optional(), languageSchema.optional()]),
    result<RunSummary>(),
  ),
  pauseRun: call(byRun, result<void>()),
  resumeRun: call(byRun, result<void>()),
  stepRun: call(byRun, result<void>()),
  stopRun: call(byRun, result<void>()),
  setLearningRate: call(z.tuple([runIdSchema, learningRateSchema]), result<void>()),
  renameRun: call(z.tuple([runIdSchema, nameSchema]), result<RunSummary>()),
  deleteRun: call(byRun, result<void>()),
  getRunMetrics: call(byRun, result<RunMetrics>()),

  /** The run's prediction for 784 pixels 0..255 in MNIST's format. */
  predict: call(z.tuple([runIdSchema, pixelsSchema]), result<Prediction>()),
  getWeights: call(byRun, result<WeightTensor[]>()),
  /** Classify the whole test set with the run's current weights (confusion matrix, mistakes). */
  evaluateRun: call(byRun, result<TestEvaluation>()),

  /** The personal test set, oldest first. Saved with the run history (the app's user-data folder). */
  listDrawings: call(none, result<Drawing[]>()),
  /** Adds a drawing (784 MNIST-format pixels) with the digit the user says it is. */
  addDrawing: call(z.tuple([pixelsSchema, labelSchema]), result<Drawing>()),
  deleteDrawing: call(z.tuple([drawingIdSchema]), result<void>()),
  /** Classify the personal test set with the run's current weights (as evaluateRun, in listDrawings order). */
  evaluateDrawings: call(byRun, result<TestEvaluation>()),

  /**
   * The run as a file of the format (its weights, or a notebook / training script with its prose in
   * `language`); desktop: through a save dialog, null when cancelled.
   */
  exportWeights: desktopCall(
    z.tuple([runIdSchema, exportFormatSchema, languageSchema.optional()]),
    result<ExportedWeights | null>(),
  ),
  /** Decodes and checks a weights file; nothing changes until importWeights. Rejects with what is wrong. */
  openWeights: call(z.tuple([fileNameSchema, fileBytesSchema]), result<WeightsPreview>()),
  /** Desktop: an open dialog in main, then openWeights. Resolves null when cancelled (always in a browser). */
  chooseWeightsFile: desktopCall(none, result<WeightsPreview | null>()),
  /** A new run (source and state 'imported') from a pending file, paused, ready to evaluate or train on. */
  importWeights: call(z.tuple([pendingIdSchema, importChoicesSchema]), result<RunSummary>()),

  /** What this Lab runs on: the app's version, the kernels its workers use, and Node's version. */
  appInfo: call(
    none,
    z.object({
      version: z.string(),
      /** 'wasm-simd' when the workers run build/kernels.wasm, else the TypeScript kernels. */
      kernels: z.enum(['wasm-simd', 'typescript']),
      /** True when this runtime accepts WebAssembly relaxed SIMD. */
      relaxedSimd: z.boolean(),
      node: z.string(),
      /**
       * Why runs are not saved as usual: another MNIST Lab holds the run folder (read-only here),
       * or the folder cannot be written (runs kept in memory). Null when saving works.
       */
      storageNotice: z.custom<LabMessage>((v) => typeof v === 'object' && v !== null).nullable(),
    }),
  ),

  // The CNN views (cnnviews)
  /**
   * For 784 pixels (a drawn digit), each convolution's, its ReLU's and each pooling layer's output
   * channels from the run's current weights, in forward order (book §7.6); [] for an MLP.
   */
  featureMaps: call(z.tuple([runIdSchema, pixelsSchema]), result<FeatureMap[]>()),
  /**
   * The run's first-layer weights (W1, b1) before training, rebuilt from its seed (the seed fixes
   * the initialisation); null for an imported run, whose weights came from a file.
   */
  initialWeights: call(byRun, result<WeightTensor[] | null>()),
  // Look deeper (issue 13)
  /**
   * Saliency of 784 drawn pixels for a class (left out: the top class): ∂score/∂pixel and pixel ×
   * that, by the run's worker, from its current weights.
   */
  explain: call(z.tuple([runIdSchema, pixelsSchema, classIndexSchema.optional()]), result<Explanation>()),
  /**
   * A hidden layer's outputs for the first 2,000 test images projected to 2-D by PCA (and the drawn
   * pixels on the same axes), by the run's evaluator; null when one is still being computed.
   * `{ withFeatures: true }` adds the layer's outputs themselves (for the t-SNE view).
   */
  hiddenMap: call(
    z.tuple([runIdSchema, hiddenLayerSchema, pixelsSchema.optional(), hiddenMapOptionsSchema.optional()]),
    result<HiddenMap | null>(),
  ),
  // Gradient check in the app (issue 13)
  /**
   * The book's ch05 check on the run's current weights (paused or finished; refused while it trains),
   * in a thread of its own: progress as `gradient-check` events; cancelGradientCheck ends it.
   */
  checkGradients: call(
    z.tuple([runIdSchema, gradientCheckOptionsSchema.optional()]),
    result<GradientCheckReport>(),
  ),
  /** Cancels the run's running gradient check (its checkGradients rejects as cancelled); nothing if none. */
  cancelGradientCheck: call(byRun, result<void>()),

  // Class names for any dataset (issue 13)
  /** Names the loaded dataset's 10 classes (null: back to its names file, its known names or 0…9). */
  setClassNames: call(z.tuple([classNamesSchema]), result<DatasetInfo>()),
} as const;

type Table = typeof LAB_METHOD_TABLE;

/** The invoke-style LabApi methods (everything but onEvent and the desktop shell). */
export type LabMethod = keyof Table;

/** Every method of the table, in its order. */
export const LAB_METHODS = Object.keys(LAB_METHOD_TABLE) as LabMethod[];

/** The methods the desktop app answers with its own dialogs. */
export type DesktopMethod = { [M in LabMethod]: Table[M]['desktop'] extends true ? M : never }[LabMethod];

/** What a caller passes to method `M` (the arguments before validation). */
export type LabArgs<M extends LabMethod> = z.input<Table[M]['args']>;
/** What method `M` resolves with. */
export type LabResult<M extends LabMethod> = z.output<Table[M]['result']>;

/** The methods as a caller (the renderer, the CLI) sees them. */
export type LabCalls = { [M in LabMethod]: (...args: LabArgs<M>) => Promise<LabResult<M>> };

/** The methods as the service implements them: their arguments already validated by the table. */
export type LabHandlers = {
  [M in LabMethod]: (...args: z.output<Table[M]['args']>) => Promise<LabResult<M>>;
};

/** The desktop app's own versions of the desktop methods (the dialogs in main). */
export type DesktopHandlers = Pick<LabHandlers, DesktopMethod>;

/** True when `name` is one of the table's methods (an own key, so "toString" is not). */
export function isLabMethod(name: unknown): name is LabMethod {
  return typeof name === 'string' && Object.hasOwn(LAB_METHOD_TABLE, name);
}

/**
 * A LabCalls with one function per method of the table, each forwarding its arguments to
 * `invoke` (the preload's ipcRenderer.invoke, the web client's socket, main's dispatch).
 * The answer's type is the table's: the other end implements LabHandlers.
 */
export function labCalls(invoke: (method: LabMethod, args: unknown[]) => Promise<unknown>): LabCalls {
  const entries = LAB_METHODS.map((method) => [method, (...args: unknown[]) => invoke(method, args)]);
  return Object.fromEntries(entries) as LabCalls;
}

/**
 * Import and export of a run's weights, around src/formats: a file is decoded, its architecture read
 * off the shapes (an MLP's W1 (784, 50), W2 (50, 100), ...; a CNN's filter bank W1 (30, 1, 5, 5),
 * ...), checked by loading it into a network of that architecture, and turned into a TrainConfig for
 * the imported run. Nothing here touches a run.
 */
import { decodeWeights } from '../../formats/index';
import type { WeightsMeta } from '../../formats/index';
import { Rng, createNetwork, tsBackend } from '../../nn/index';
import { describeConfigErrors, parseTrainConfig } from '../../shared/hyperparams';
import type { Activation, TrainConfig } from '../../shared/hyperparams';
import type { EpochMetrics, RunSummary, WeightTensor } from '../../shared/runs';
import { architectureOf, convArchitectureOf, type ConvArchitecture } from './architecture';
import { LabError, message, rawMessage } from '../../shared/messages';

/** MNIST's image and class counts: what an imported network must take and give. */
const INPUT_SIZE = 784;
const OUTPUT_SIZE = 10;

/** A decoded, checked weights file. */
export interface CheckedWeights {
  tensors: WeightTensor[];
  meta?: WeightsMeta;
  /** MLP layer sizes; for a CNN [784, its hidden Affine units, 10]. */
  sizes: number[];
  batchNorm: boolean;
  /** The convolutional network the shapes describe, or null for an MLP. */
  conv: ConvArchitecture | null;
  needsActivation: boolean;
  suggestedActivation: Activation;
}

/** The book's ch03 sample_weight.pkl is 784-50-100-10 with sigmoid; anything else gets ReLU. */
export function suggestActivation(sizes: number[]): Activation {
  return sizes.join('-') === '784-50-100-10' ? 'sigmoid' : 'relu';
}

/** Throws naming the first tensor that holds NaN or an infinity, and where. */
export function checkFinite(tensors: readonly WeightTensor[]): void {
  for (const { name, data } of tensors) {
    for (let i = 0; i < data.length; i++) {
      if (!Number.isFinite(data[i]))
        throw new LabError(message('nonFiniteWeight', { name, value: String(data[i]), index: i }));
    }
  }
}

/** Decodes `bytes` and checks the network fits MNIST; throws the format's or the shapes' message. */
export function checkWeightsFile(fileName: string, bytes: Uint8Array): CheckedWeights {
  const { tensors, meta } = decodeWeights(bytes, fileName);
  checkFinite(tensors);
  const conv = convArchitectureOf(tensors, Math.sqrt(INPUT_SIZE), recordedConv(meta?.config));
  if (conv !== null) {
    // A CNN is ReLU throughout (the book's); its settings all come from the shapes.
    const checked: CheckedWeights = {
      tensors,
      meta,
      sizes: [INPUT_SIZE, conv.convHidden, OUTPUT_SIZE],
      batchNorm: conv.batchNorm,
      conv,
      needsActivation: false,
      suggestedActivation: 'relu',
    };
    checkTensorsFit(importedConfig(checked, 'relu'), tensors);
    return checked;
  }
  const { sizes, batchNorm } = architectureOf(tensors);
  if (sizes[0] !== INPUT_SIZE)
    throw new LabError(message('wrongInputs', { inputs: sizes[0], pixels: INPUT_SIZE }));
  const last = sizes[sizes.length - 1];
  if (last !== OUTPUT_SIZE)
    throw new LabError(message('wrongOutputs', { outputs: last, classes: OUTPUT_SIZE }));
  const fileActivation = meta?.architecture.activation;
  const checked: CheckedWeights = {
    tensors,
    meta,
    sizes,
    batchNorm,
    conv: null,
    needsActivation: fileActivation === undefined,
    suggestedActivation: fileActivation ?? suggestActivation(sizes),
  };
  checkTensorsFit(importedConfig(checked, checked.suggestedActivation), tensors);
  return checked;
}

/** A JSON export's own simple-convnet settings (stride, pad, pool), to prefer when the shapes fit them. */
export function recordedConv(
  config: Record<string, unknown> | undefined,
): Partial<ConvArchitecture> | undefined {
  if (config?.arch !== 'simple-convnet') return undefined;
  const { stride, pad, pool } = config;
  const numbers = [stride, pad, pool].every((v) => typeof v === 'number');
  return numbers
    ? { arch: 'simple-convnet', ...({ stride, pad, pool } as Record<string, number>) }
    : undefined;
}

/** The architecture settings the shapes fix: an MLP's sizes and activation, or a CNN's settings. */
function architectureSettings(
  checked: Pick<CheckedWeights, 'sizes' | 'batchNorm' | 'conv'>,
  activation: Activation,
): Partial<TrainConfig> {
  const { conv } = checked;
  if (conv === null || conv === undefined)
    return { arch: 'mlp', hidden: checked.sizes.slice(1, -1), activation, batchNorm: checked.batchNorm };
  const { arch, filters, filterSize, stride, pad, pool, convHidden, batchNorm } = conv;
  if (arch === 'deep-convnet') return { arch, activation: 'relu', batchNorm: false };
  return { arch, filters, filterSize, stride, pad, pool, convHidden, activation: 'relu', batchNorm };
}

/** The config of an imported run: the architecture from the shapes, the chosen activation, the JSON's config or defaults. */
export function importedConfig(
  checked: Pick<CheckedWeights, 'sizes' | 'batchNorm' | 'meta'> & { conv?: ConvArchitecture | null },
  activation: Activation,
  training?: Record<string, unknown>,
): TrainConfig {
  const architecture = architectureSettings({ conv: null, ...checked }, activation);
  // The file's own settings (JSON), else the ones the user chose (the panel's), else the defaults.
  const recorded = checked.meta?.config;
  const settings = recorded ?? training;
  const chosen = settings === undefined ? null : parseTrainConfig({ ...settings, ...architecture });
  const base = chosen?.ok ? chosen.config : {};
  const parsed = parseTrainConfig({ ...base, ...architecture });
  if (!parsed.ok)
    throw new LabError(message('notTrainable', { detail: rawMessage(describeConfigErrors(parsed.errors)) }));
  return parsed.config;
}

/** Loads the tensors into a network of `config`'s architecture; throws when a tensor is missing or misshapen. */
export function checkTensorsFit(config: TrainConfig, tensors: WeightTensor[]): void {
  const network = createNetwork(
    { ...config, inputSize: INPUT_SIZE, outputSize: OUTPUT_SIZE },
    { backend: tsBackend, rng: new Rng(config.seed) },
  );
  network.setTensors(tensors);
}

/** What a JSON export records besides the tensors: architecture, config, seed and metrics. */
export function exportMeta(summary: RunSummary, epochs: EpochMetrics[]): WeightsMeta {
  const { config } = summary;
  const conv = config.arch !== 'mlp';
  return {
    architecture: {
      inputSize: INPUT_SIZE,
      hidden: conv ? [config.arch === 'deep-convnet' ? 50 : config.convHidden] : config.hidden,
      outputSize: OUTPUT_SIZE,
      activation: conv ? 'relu' : config.activation,
      batchNorm: config.batchNorm,
      // A CNN's JSON also names its architecture (the import reads it off the shapes, preferring these).
      ...(conv ? { arch: config.arch } : {}),
    },
    config: { ...config },
    seed: config.seed,
    metrics: { iteration: summary.iteration, epochs },
  };
}

/** A file name from a run name: letters, digits, dashes and underscores, e.g. "Run 3" -> "Run-3.npz". */
export function exportFileName(runName: string, extension: string): string {
  const base =
    runName
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}_-]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'weights';
  return `${base.slice(0, 80)}.${extension}`;
}

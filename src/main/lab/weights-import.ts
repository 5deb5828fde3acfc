/**
 * Import and export of a run's weights, around src/formats: a file is decoded, its architecture read
 * off the shapes (W1 (784, 50), W2 (50, 100), ...), checked by loading it into a network of that
 * architecture, and turned into a TrainConfig for the imported run. Nothing here touches a run.
 */
import { decodeWeights } from '../../formats/index';
import type { WeightsMeta } from '../../formats/index';
import { Rng, createNetwork, tsBackend } from '../../nn/index';
import { describeConfigErrors, parseTrainConfig } from '../../shared/hyperparams';
import type { Activation, TrainConfig } from '../../shared/hyperparams';
import type { EpochMetrics, RunSummary, WeightTensor } from '../../shared/runs';
import { architectureOf } from './architecture';
import { messageText } from '../../shared/messages';

/** MNIST's image and class counts: what an imported network must take and give. */
const INPUT_SIZE = 784;
const OUTPUT_SIZE = 10;

/** A decoded, checked weights file. */
export interface CheckedWeights {
  tensors: WeightTensor[];
  meta?: WeightsMeta;
  sizes: number[];
  batchNorm: boolean;
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
        throw new Error(messageText('nonFiniteWeight', { name, value: String(data[i]), index: i }));
    }
  }
}

/** Decodes `bytes` and checks the network fits MNIST; throws the format's or the shapes' message. */
export function checkWeightsFile(fileName: string, bytes: Uint8Array): CheckedWeights {
  const { tensors, meta } = decodeWeights(bytes, fileName);
  checkFinite(tensors);
  const { sizes, batchNorm } = architectureOf(tensors);
  if (sizes[0] !== INPUT_SIZE)
    throw new Error(messageText('wrongInputs', { inputs: sizes[0], pixels: INPUT_SIZE }));
  const last = sizes[sizes.length - 1];
  if (last !== OUTPUT_SIZE)
    throw new Error(messageText('wrongOutputs', { outputs: last, classes: OUTPUT_SIZE }));
  const fileActivation = meta?.architecture.activation;
  const checked: CheckedWeights = {
    tensors,
    meta,
    sizes,
    batchNorm,
    needsActivation: fileActivation === undefined,
    suggestedActivation: fileActivation ?? suggestActivation(sizes),
  };
  checkTensorsFit(importedConfig(checked, checked.suggestedActivation), tensors);
  return checked;
}

/** The config of an imported run: sizes and batch norm from the shapes, the chosen activation, the JSON's config or defaults. */
export function importedConfig(
  checked: Pick<CheckedWeights, 'sizes' | 'batchNorm' | 'meta'>,
  activation: Activation,
  training?: Record<string, unknown>,
): TrainConfig {
  const architecture = { hidden: checked.sizes.slice(1, -1), activation, batchNorm: checked.batchNorm };
  // The file's own settings (JSON), else the ones the user chose (the panel's), else the defaults.
  const recorded = checked.meta?.config;
  const settings = recorded ?? training;
  const chosen = settings === undefined ? null : parseTrainConfig({ ...settings, ...architecture });
  const base = chosen?.ok ? chosen.config : {};
  const parsed = parseTrainConfig({ ...base, ...architecture });
  if (!parsed.ok)
    throw new Error(messageText('notTrainable', { detail: describeConfigErrors(parsed.errors) }));
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
  return {
    architecture: {
      inputSize: INPUT_SIZE,
      hidden: config.hidden,
      outputSize: OUTPUT_SIZE,
      activation: config.activation,
      batchNorm: config.batchNorm,
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

/**
 * The architectures the Python exports can write, by the name a run's config gives its
 * architecture (`arch`): the fully-connected network ('mlp', mlp.ts) and the book's convolutional
 * networks ('simple-convnet', 'deep-convnet', convnet.ts: im2col convolution and max pooling). The
 * record is keyed by the engine's architecture names, so a new architecture fails the type check
 * here until it has its Python; a config naming none of them (a file from elsewhere) is refused
 * with the catalogued `pythonExportUnsupported`, never written as a wrong file.
 */
import type { TFunction } from 'i18next';
import type { ArchName } from '../../../nn/index';
import type { TrainConfig } from '../../../shared/hyperparams';
import type { KeyOf } from '../../../shared/i18n';
import { LabError, message } from '../../../shared/messages';
import type { PythonFormat } from '../../../shared/weights-formats';
import { DEEP_CONVNET_PYTHON, SIMPLE_CONVNET_PYTHON } from './convnet';
import { MLP_PYTHON } from './mlp';

/** What the notebook and the script need to know of an architecture. */
export interface PythonArchitecture {
  /** The notebook's one-line description of the network (the UI's language). */
  describe(config: TrainConfig, t: TFunction): string;
  /** The notebook's forward pass: the functions it calls, then `def predict(network, x)` (book ch03 style). */
  notebookForward(config: TrainConfig): string;
  /** Code that sets `first_layer` to the first layer's weights as images (count, height, width). */
  notebookFirstLayer: string;
  /** How many test images the notebook's predict takes at a time (im2col's rows grow with it). */
  notebookBatch: number;
  /** The dictionary keys of the prose that differs by architecture. */
  forwardTextKey: KeyOf<'notebook'>;
  firstLayerTextKey: KeyOf<'notebook'>;
  scriptAboutKey: KeyOf<'notebook'>;
  /** Whether the script trains on rows of 784 (load_mnist(flatten=True)) rather than (N, 1, 28, 28) images. */
  scriptFlatten: boolean;
  /** The script's layer classes and network class (predict, loss, accuracy, gradient by backprop). */
  scriptNetwork(config: TrainConfig): string;
  /** The script's statement that builds `network`. */
  scriptConstruct(config: TrainConfig): string;
}

/** The architectures' Python, by the engine's architecture names. */
export const PYTHON_ARCHITECTURES: Record<ArchName, PythonArchitecture> = {
  mlp: MLP_PYTHON,
  'simple-convnet': SIMPLE_CONVNET_PYTHON,
  'deep-convnet': DEEP_CONVNET_PYTHON,
};

/** A run's architecture name: its config's `arch` setting, 'mlp' for runs from before there was one. */
export function architectureName(config: TrainConfig): string {
  const named: unknown = (config as Partial<TrainConfig>).arch;
  return typeof named === 'string' ? named : 'mlp';
}

/** The Python of `config`'s architecture; throws pythonExportUnsupported for a name it does not know. */
export function pythonArchitecture(config: TrainConfig, format: PythonFormat): PythonArchitecture {
  const name = architectureName(config);
  const architecture = Object.hasOwn(PYTHON_ARCHITECTURES, name)
    ? PYTHON_ARCHITECTURES[name as ArchName]
    : undefined;
  if (!architecture)
    throw new LabError(message('pythonExportUnsupported', { architecture: name, format: `.${format}` }));
  return architecture;
}

/**
 * The architectures the Python exports can write, by name. Today that is the fully-connected
 * network ('mlp'); a convolutional network joins with one entry here and a module like mlp.ts whose
 * notebook forward pass is an im2col convolution and max-pooling (book ch07 `Convolution.forward`,
 * `Pooling.forward` written as functions) and whose script has the Convolution and Pooling layers.
 * Any other architecture is refused with the catalogued `pythonExportUnsupported`, never written
 * as a wrong file.
 */
import type { TFunction } from 'i18next';
import type { TrainConfig } from '../../../shared/hyperparams';
import { LabError, message } from '../../../shared/messages';
import type { PythonFormat } from '../../../shared/weights-formats';
import { MLP_PYTHON } from './mlp';

/** What the notebook and the script need to know of an architecture. */
export interface PythonArchitecture {
  /** The notebook's one-line description of the network (the UI's language). */
  describe(config: TrainConfig, t: TFunction): string;
  /** The notebook's forward pass: the functions it calls, then `def predict(network, x)` (book ch03 style). */
  notebookForward(config: TrainConfig): string;
  /** Code that sets `first_layer` to the first layer's weights as images (count, height, width). */
  notebookFirstLayer: string;
  /** The script's layer classes and network class (predict, loss, accuracy, gradient by backprop). */
  scriptNetwork(config: TrainConfig): string;
  /** The script's statement that builds `network`. */
  scriptConstruct(config: TrainConfig): string;
}

/** The architectures written so far, by the name a run's config gives its architecture. */
export const PYTHON_ARCHITECTURES: Record<string, PythonArchitecture> = {
  mlp: MLP_PYTHON,
};

/** A run's architecture name: its config's `architecture` setting, 'mlp' for runs from before there was one. */
export function architectureName(config: TrainConfig): string {
  const named = (config as TrainConfig & { architecture?: unknown }).architecture;
  return typeof named === 'string' ? named : 'mlp';
}

/** The Python of `config`'s architecture; throws pythonExportUnsupported when there is none yet. */
export function pythonArchitecture(config: TrainConfig, format: PythonFormat): PythonArchitecture {
  const name = architectureName(config);
  const architecture = Object.hasOwn(PYTHON_ARCHITECTURES, name) ? PYTHON_ARCHITECTURES[name] : undefined;
  if (!architecture)
    throw new LabError(message('pythonExportUnsupported', { architecture: name, format: `.${format}` }));
  return architecture;
}

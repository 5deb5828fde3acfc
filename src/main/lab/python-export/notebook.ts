/**
 * A run as a Jupyter notebook (nbformat 4.5, Python 3 kernel): its facts and every hyperparameter
 * with the book's sections, its metrics as data, its weights embedded as base64 of the .npz export,
 * an MNIST reader, a plain-NumPy forward pass, the test accuracy and matplotlib plots of the curves,
 * the confusion matrix and the first layer's weights. The prose is in the UI's language; the code
 * cells are the same in every language.
 */
import { Buffer } from 'node:buffer';
import { encodeWeights } from '../../../formats/index';
import { translator } from '../../../shared/i18n';
import { architectureName, pythonArchitecture } from './architecture';
import type { PythonExportInput } from './export-input';
import { MNIST_READER, mnistDirLine } from './mnist-reader';
import { PYTHON_LOSSES } from './book-code';
import { py, pyNumberList } from './python-source';
import { settingRows } from './settings';
import { exportMeta } from '../weights-import';

/** One cell of nbformat 4.5. */
type Cell =
  | { cell_type: 'markdown'; id: string; metadata: Record<string, never>; source: string[] }
  | {
      cell_type: 'code';
      id: string;
      metadata: Record<string, never>;
      execution_count: null;
      outputs: never[];
      source: string[];
    };

/** nbformat's multi-line source: the lines, each but the last ending in a newline. */
const sourceLines = (text: string): string[] =>
  text.split('\n').map((line, i, all) => (i < all.length - 1 ? `${line}\n` : line));

/** Markdown text with the characters a table or a heading would take as syntax escaped. */
const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]|<>#])/g, '\\$1');

/** The cells that import, read and plot: the same in every language. */
function codeCells(input: PythonExportInput): Record<string, string> {
  const { summary, metrics, tensors, dataset } = input;
  const config = summary.config;
  const architecture = pythonArchitecture(config, 'ipynb');
  const npz = Buffer.from(encodeWeights('npz', tensors, exportMeta(summary, metrics.epochs))).toString(
    'base64',
  );
  const epochs = metrics.epochs;
  const last = input.metrics.epochs.at(-1) ?? summary.lastEpoch;
  const npzLines = npz.match(/.{1,100}/g) ?? [];
  return {
    setup: `import base64, gzip, io, os
import numpy as np
import matplotlib.pyplot as plt

${mnistDirLine(dataset.path)}
print('MNIST_DIR =', MNIST_DIR)`,
    metrics: `run = ${py({
      name: summary.name,
      id: summary.id,
      architecture: architectureName(config),
      iteration: summary.iteration,
      total_iterations: summary.totalIterations,
      state: summary.state,
    })}
config = ${py(config)}

# The mini-batch loss of every iteration (iteration 1 first).
${pyNumberList('losses', metrics.losses)}
losses = np.array(losses)

# One entry per evaluation point.
evaluations = ${py({
      iteration: epochs.map((e) => e.iteration),
      train_accuracy: epochs.map((e) => e.trainAccuracy),
      train_loss: epochs.map((e) => e.trainLoss),
      test_accuracy: epochs.map((e) => e.testAccuracy),
      test_loss: epochs.map((e) => e.testLoss),
      test_correct: epochs.map((e) => e.testCorrect),
      test_count: epochs.map((e) => e.testCount),
    })}

# What the app reported at its last evaluation (None: it has not evaluated this run).
reported = ${last ? py({ iteration: last.iteration, test_correct: last.testCorrect, test_count: last.testCount }) : 'None'}
print(f'{len(losses)} iterations, {len(evaluations["iteration"])} evaluation points')`,
    weights: `# The .npz export of the run's weights, in base64.
WEIGHTS_NPZ = (
${npzLines.map((line) => `    '${line}'`).join('\n')}
)
network = dict(np.load(io.BytesIO(base64.b64decode(WEIGHTS_NPZ))))
for name, value in network.items():
    print(f'{name:>14} {str(value.shape):>12} {value.dtype}')`,
    mnist: `${MNIST_READER}


(x_train, t_train), (x_test, t_test) = load_mnist(normalize=True, flatten=True)
print('train', x_train.shape, t_train.shape, ' test', x_test.shape, t_test.shape)`,
    forward: architecture.notebookForward(config),
    accuracy: `batch_size = ${architecture.notebookBatch}
y_test = np.concatenate([np.argmax(predict(network, x_test[i:i + batch_size]), axis=1)
                         for i in range(0, len(x_test), batch_size)])
correct = int(np.sum(y_test == t_test))
print(f'test accuracy: {correct / len(t_test):.4f} ({correct}/{len(t_test)})')
if reported is not None:
    print(f"the app reported: {reported['test_correct'] / reported['test_count']:.4f} "
          f"({reported['test_correct']}/{reported['test_count']}) at iteration {reported['iteration']}")`,
    curves: `fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(12, 4))
ax_loss.plot(np.arange(1, len(losses) + 1), losses, linewidth=0.5)
ax_loss.set_xlabel('iteration')
ax_loss.set_ylabel('loss')
ax_loss.set_title('training loss (mini-batch)')
ax_acc.plot(evaluations['iteration'], evaluations['train_accuracy'], marker='o', label='train acc')
ax_acc.plot(evaluations['iteration'], evaluations['test_accuracy'], marker='s', label='test acc', linestyle='--')
ax_acc.set_xlabel('iteration')
ax_acc.set_ylabel('accuracy')
ax_acc.set_ylim(0, 1.0)
ax_acc.legend(loc='lower right')
ax_acc.set_title('accuracy')
plt.show()`,
    confusion: `confusion = np.zeros((10, 10), dtype=int)
np.add.at(confusion, (t_test, y_test), 1)
fig, ax = plt.subplots(figsize=(6, 6))
ax.imshow(confusion, cmap='Blues')
for i in range(10):
    for j in range(10):
        ax.text(j, i, confusion[i, j], ha='center', va='center', fontsize=8,
                color='white' if confusion[i, j] > confusion.max() / 2 else 'black')
ax.set_xticks(range(10))
ax.set_yticks(range(10))
ax.set_xlabel('predicted')
ax.set_ylabel('true')
ax.set_title(f'confusion matrix ({correct}/{len(t_test)} right)')
plt.show()`,
    firstLayer: `${architecture.notebookFirstLayer}
count = min(len(first_layer), 100)
cols = 10
rows = (count + cols - 1) // cols
fig, axes = plt.subplots(rows, cols, figsize=(cols, rows), squeeze=False)
for k, ax in enumerate(axes.flat):
    ax.axis('off')
    if k < count:
        ax.imshow(first_layer[k], cmap='gray')
fig.suptitle(f'the first layer: {count} of {len(first_layer)}')
plt.show()`,
  };
}

/** The notebook of one run, as the bytes of its .ipynb (JSON). */
export function notebookFile(input: PythonExportInput): Uint8Array {
  const t = translator(input.language);
  const { summary, dataset } = input;
  const config = summary.config;
  const architecture = pythonArchitecture(config, 'ipynb');
  const code = codeCells(input);
  const last = input.metrics.epochs.at(-1) ?? summary.lastEpoch;
  const counts = {
    train: dataset.trainCount.toLocaleString('en'),
    test: dataset.testCount.toLocaleString('en'),
  };
  const facts = [
    [t('notebook.factRun'), summary.name],
    [
      t('notebook.factDataset'),
      dataset.source === 'bundled'
        ? t('notebook.datasetBundled', counts)
        : t('notebook.datasetFolder', { ...counts, path: dataset.path }),
    ],
    [t('notebook.factArchitecture'), architecture.describe(config, t)],
    [
      t('notebook.factProgress'),
      t('notebook.progress', {
        iteration: summary.iteration,
        total: summary.totalIterations,
        state: t(`state.${summary.state}`),
      }),
    ],
  ];
  const rows = settingRows(config, t).map((row) => {
    const value = row.notUsed ? t('notebook.notUsed', { value: row.value, why: row.notUsed }) : row.value;
    return `| ${escapeMarkdown(row.label)} | ${escapeMarkdown(value)} | ${row.section ? `§${row.section}` : ''} |`;
  });
  const output = PYTHON_LOSSES[config.loss].outputName;
  const markdown: Record<string, string> = {
    title: `# ${escapeMarkdown(summary.name)}\n\n${t('notebook.intro')}\n\n${facts
      .map(([label, value]) => `- **${label}:** ${escapeMarkdown(value)}`)
      .join('\n')}`,
    settings: `## ${t('notebook.settingsHeading')}\n\n${t('notebook.settingsIntro')}\n\n| ${t('notebook.colSetting')} | ${t('notebook.colValue')} | ${t('notebook.colSection')} |\n|---|---|---|\n${rows.join('\n')}`,
    setup: `## ${t('notebook.setupHeading')}\n\n${t('notebook.setupText')}`,
    metrics: `## ${t('notebook.metricsHeading')}\n\n${t('notebook.metricsText', { evalEvery: config.evalEvery })}`,
    weights: `## ${t('notebook.weightsHeading')}\n\n${t('notebook.weightsText')}`,
    mnist: `## ${t('notebook.mnistHeading')}\n\n${t('notebook.mnistText')}`,
    forward: `## ${t('notebook.forwardHeading')}\n\n${t(architecture.forwardTextKey, { output })}`,
    accuracy: `## ${t('notebook.accuracyHeading')}\n\n${
      last
        ? t('notebook.accuracyText', {
            correct: last.testCorrect,
            count: last.testCount,
            iteration: last.iteration,
            batch: architecture.notebookBatch.toLocaleString('en'),
          })
        : t('notebook.accuracyNoReport', { batch: architecture.notebookBatch.toLocaleString('en') })
    }`,
    curves: `## ${t('notebook.curvesHeading')}\n\n${t('notebook.curvesText')}`,
    confusion: `## ${t('notebook.confusionHeading')}\n\n${t('notebook.confusionText')}`,
    firstLayer: `## ${t('notebook.firstLayerHeading')}\n\n${t(architecture.firstLayerTextKey)}`,
  };
  const order = [
    'setup',
    'metrics',
    'weights',
    'mnist',
    'forward',
    'accuracy',
    'curves',
    'confusion',
    'firstLayer',
  ];
  const cells: Cell[] = [];
  const add = (cell_type: 'markdown' | 'code', text: string): void => {
    const id = `${cell_type === 'code' ? 'code' : 'text'}-${cells.length + 1}`;
    cells.push(
      cell_type === 'code'
        ? { cell_type, id, metadata: {}, execution_count: null, outputs: [], source: sourceLines(text) }
        : { cell_type, id, metadata: {}, source: sourceLines(text) },
    );
  };
  add('markdown', markdown.title);
  add('markdown', markdown.settings);
  for (const part of order) {
    add('markdown', markdown[part]);
    add('code', code[part]);
  }
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { display_name: 'Python 3 (ipykernel)', language: 'python', name: 'python3' },
      language_info: { name: 'python', pygments_lexer: 'ipython3' },
      mnist_lab: { run: summary.id, language: input.language },
    },
    cells,
  };
  return new TextEncoder().encode(`${JSON.stringify(notebook, null, 1)}\n`);
}

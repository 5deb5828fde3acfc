/**
 * A run as a self-contained NumPy training script in the book's style (ch05 train_neuralnet.py,
 * ch06 MultiLayerNetExtend and common/optimizer.py): the network class with predict / loss /
 * gradient by backprop, the chosen optimizer's update, the app's schedule, weight decay, dropout,
 * batch norm, gradient clipping, sampling, subset, validation and early stopping, noise and
 * augmentation; it prints the book's progress lines and `test accuracy: 0.9700 (9700/10000)`. Its
 * header, in the UI's language, lists the settings and says what it cannot reproduce exactly.
 */
import { translator } from '../../../shared/i18n';
import type { TrainConfig } from '../../../shared/hyperparams';
import { pythonArchitecture } from './architecture';
import { PYTHON_OPTIMIZERS, PYTHON_SCHEDULES } from './book-code';
import type { PythonExportInput } from './export-input';
import { MNIST_READER, mnistDirLine } from './mnist-reader';
import { blocks, comment, lines, pyNumber, wrap } from './python-source';
import { settingRows } from './settings';

/** The app's augmentation (src/nn/augment.ts) for a batch: random shift and rotation, bilinear. */
const SHIFT_ROTATE = `def shift_rotate(x, max_shift, max_degrees, side=28):
    """A random shift (whole pixels in [-max_shift, max_shift]) and rotation (degrees in [-max_degrees,
    max_degrees]) of each image of x (N, side*side) or (N, 1, side, side), resampled bilinearly; pixels from
    outside are 0."""
    n = x.shape[0]
    images = x.reshape(n, side, side)
    shift_x = np.random.randint(-max_shift, max_shift + 1, n) if max_shift > 0 else np.zeros(n)
    shift_y = np.random.randint(-max_shift, max_shift + 1, n) if max_shift > 0 else np.zeros(n)
    angle = (2 * np.random.rand(n) - 1) * max_degrees * np.pi / 180
    c = (side - 1) / 2
    ys, xs = np.mgrid[0:side, 0:side]
    dx = xs[None] - c - shift_x[:, None, None]
    dy = ys[None] - c - shift_y[:, None, None]
    cos, sin = np.cos(angle)[:, None, None], np.sin(angle)[:, None, None]
    sx = cos * dx + sin * dy + c  # where in the source each output pixel comes from
    sy = -sin * dx + cos * dy + c
    x0, y0 = np.floor(sx).astype(int), np.floor(sy).astype(int)
    fx, fy = sx - x0, sy - y0
    rows = np.arange(n)[:, None, None]

    def pixel(px, py):
        inside = (px >= 0) & (py >= 0) & (px < side) & (py < side)
        return np.where(inside, images[rows, np.clip(py, 0, side - 1), np.clip(px, 0, side - 1)], 0)

    top = pixel(x0, y0) + fx * (pixel(x0 + 1, y0) - pixel(x0, y0))
    bottom = pixel(x0, y0 + 1) + fx * (pixel(x0 + 1, y0 + 1) - pixel(x0, y0 + 1))
    return (top + fy * (bottom - top)).reshape(x.shape)`;

const CLIP_GRADS = `def clip_grads(grads, max_norm):
    """Scales every gradient by max_norm / ||g|| when the global L2 norm ||g|| of all of them exceeds max_norm."""
    total_norm = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))
    if total_norm > max_norm:
        for g in grads.values():
            g *= max_norm / total_norm`;

/** The header: what the script is, how to run it, the settings, what it cannot reproduce. */
function header(input: PythonExportInput): string {
  const t = translator(input.language);
  const { summary } = input;
  const config = summary.config;
  const settings = settingRows(config, t).map((row) => {
    const section = row.section ? `  [§${row.section}]` : '';
    const value = row.notUsed ? t('notebook.notUsed', { value: row.value, why: row.notUsed }) : row.value;
    return `  ${row.label}: ${value}${section}`;
  });
  const learningRates = input.metrics.learningRates;
  const liveRate =
    config.schedule === 'constant' &&
    Array.from(learningRates).some((lr) => Math.abs(lr - Math.fround(config.learningRate)) > 1e-9);
  const cannot = [
    t('notebook.cannotRandom', { seed: config.seed }),
    t('notebook.cannotFloat'),
    liveRate && t('notebook.cannotLiveRate', { lr: config.learningRate }),
    summary.source === 'imported' && t('notebook.cannotImported'),
  ].filter((s): s is string => typeof s === 'string');
  const text = [
    t('notebook.scriptTitle', { name: summary.name }),
    '',
    ...wrap(t(pythonArchitecture(config, 'py').scriptAboutKey), 92),
    '',
    t('notebook.scriptRun', { file: input.fileName }),
    '',
    t('notebook.scriptSettings'),
    ...settings,
    '',
    t('notebook.scriptCannot'),
    ...cannot.flatMap((item) => wrap(item, 88).map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`))),
  ];
  return `#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n${text.map((line) => `# ${line}`.trimEnd()).join('\n')}`;
}

/** The settings the code below reads, as Python variables. */
function settingsBlock(config: TrainConfig): string {
  const byEpochs = config.stopBy === 'epochs';
  return lines([
    "# --- The run's settings ---",
    `seed = ${config.seed}`,
    `learning_rate = ${pyNumber(config.learningRate)}`,
    `batch_size = ${config.batchSize}`,
    byEpochs ? `epochs = ${config.epochs}` : `iters_num = ${config.iterations}`,
    `eval_every = ${config.evalEvery}`,
    config.trainSubset > 0 && `train_subset = ${config.trainSubset}`,
    config.validationSplit > 0 && `validation_split = ${pyNumber(config.validationSplit)}`,
    config.validationSplit > 0 && config.patience > 0 && `patience = ${config.patience}`,
    config.gradClip > 0 && `grad_clip = ${pyNumber(config.gradClip)}`,
    config.noiseSigma > 0 && `noise_sigma = ${pyNumber(config.noiseSigma)}`,
    (config.augmentShift > 0 || config.augmentRotate > 0) && `augment_shift = ${config.augmentShift}`,
    (config.augmentShift > 0 || config.augmentRotate > 0) &&
      `augment_rotate = ${pyNumber(config.augmentRotate)}`,
  ]);
}

/** The training loop of the book's train_neuralnet.py, with the app's extras where they are set. */
function trainingBlock(config: TrainConfig): string {
  const architecture = pythonArchitecture(config, 'py');
  const schedule = PYTHON_SCHEDULES[config.schedule](config);
  const validation = config.validationSplit > 0;
  const augment = config.augmentShift > 0 || config.augmentRotate > 0;
  const shuffle = config.sampling === 'shuffle';
  return lines([
    "# --- Training (the book's ch05 train_neuralnet.py) ---",
    'np.random.seed(seed)',
    `(x_train, t_train), (x_test, t_test) = load_mnist(normalize=True, flatten=${architecture.scriptFlatten ? 'True' : 'False'})`,
    config.trainSubset > 0 && 'x_train, t_train = x_train[:train_subset], t_train[:train_subset]',
    validation &&
      `validation_count = int(len(x_train) * validation_split)  # held out from the end
x_val, t_val = x_train[len(x_train) - validation_count:], t_train[len(x_train) - validation_count:]
x_train, t_train = x_train[:len(x_train) - validation_count], t_train[:len(x_train) - validation_count]`,
    '',
    'train_size = x_train.shape[0]',
    'iter_per_epoch = int(np.ceil(train_size / batch_size))',
    config.stopBy === 'epochs' && 'iters_num = epochs * iter_per_epoch',
    architecture.scriptConstruct(config),
    `optimizer = ${PYTHON_OPTIMIZERS[config.optimizer].create(config)}`,
    '',
    'train_loss_list = []',
    'train_acc_list = []',
    'test_acc_list = []',
    validation && "best_val_loss, evaluations_without_improvement = float('inf'), 0",
    shuffle && 'order, position = None, 0',
    '',
    'for i in range(iters_num):',
    schedule && `    epoch = i / iter_per_epoch\n    optimizer.lr = ${schedule}`,
    shuffle
      ? `    if position == 0:
        order = np.random.permutation(train_size)  # a fresh order every epoch
    batch_mask = order[position:position + batch_size]
    position = 0 if position + batch_size >= train_size else position + batch_size`
      : '    batch_mask = np.random.choice(train_size, batch_size)',
    '    x_batch = x_train[batch_mask]',
    '    t_batch = t_train[batch_mask]',
    augment && '    x_batch = shift_rotate(x_batch, augment_shift, augment_rotate)',
    config.noiseSigma > 0 &&
      '    x_batch = np.clip(x_batch + noise_sigma * np.random.randn(*x_batch.shape), 0, 1)',
    '',
    '    grads = network.gradient(x_batch, t_batch)',
    config.gradClip > 0 && '    clip_grads(grads, grad_clip)',
    '    optimizer.update(network.params, grads)',
    '    train_loss_list.append(network.last_loss)',
    '',
    '    if (i + 1) % eval_every == 0 or i + 1 == iters_num:',
    '        train_acc = network.accuracy(x_train, t_train)',
    '        test_acc = network.accuracy(x_test, t_test)',
    '        train_acc_list.append(train_acc)',
    '        test_acc_list.append(test_acc)',
    validation
      ? `        val_loss = network.data_loss(x_val, t_val)
        print(f'iteration {i + 1}/{iters_num}: loss {network.last_loss:.4f}, '
              f'train acc {train_acc:.4f}, test acc {test_acc:.4f}, validation loss {val_loss:.4f}')`
      : `        print(f'iteration {i + 1}/{iters_num}: loss {network.last_loss:.4f}, '
              f'train acc {train_acc:.4f}, test acc {test_acc:.4f}')`,
    validation &&
      `        if val_loss < best_val_loss:
            best_val_loss, evaluations_without_improvement = val_loss, 0
        else:
            evaluations_without_improvement += 1`,
    validation &&
      config.patience > 0 &&
      `        if evaluations_without_improvement >= patience:
            print(f'stopped early: the validation loss has not improved for {patience} evaluations')
            break`,
    '',
    'correct = network.count_correct(x_test, t_test)',
    "print(f'test accuracy: {correct / len(t_test):.4f} ({correct}/{len(t_test)})')",
  ]);
}

/** The training script of one run, as the bytes of its .py (UTF-8). */
export function trainingScriptFile(input: PythonExportInput): Uint8Array {
  const config = input.summary.config;
  const architecture = pythonArchitecture(config, 'py');
  const augment = config.augmentShift > 0 || config.augmentRotate > 0;
  const source = blocks([
    header(input),
    `import gzip\nimport os\nfrom collections import OrderedDict\n\nimport numpy as np\n\n${comment(
      'The folder of the four MNIST IDX files (raw or .gz); the environment variable MNIST_DIR overrides it.',
    )}\n${mnistDirLine(input.dataset.path)}`,
    settingsBlock(config),
    MNIST_READER,
    architecture.scriptNetwork(config),
    PYTHON_OPTIMIZERS[config.optimizer].code,
    config.gradClip > 0 && CLIP_GRADS,
    augment && SHIFT_ROTATE,
    trainingBlock(config),
  ]);
  return new TextEncoder().encode(`${source}\n`);
}

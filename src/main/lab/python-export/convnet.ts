/**
 * The convolutional networks (book ch07 SimpleConvNet, ch08 DeepConvNet) in Python, written from
 * the very plan the engine builds (src/nn/convnet.ts): the same layers in the same order, the same
 * filter, stride, pad and pool settings, batch norm and dropout where the run has them, the book's
 * test-time Dropout scaling in DeepConvNet. The notebook gets a forward pass through im2col
 * (book 7.4), the training script the network class with backprop through im2col / col2im.
 */
import type { TFunction } from 'i18next';
import { deepConvNetPlan, simpleConvNetPlan, type ConvPlan } from '../../../nn/index';
import type { TrainConfig } from '../../../shared/hyperparams';
import type { PythonArchitecture } from './architecture';
import { PYTHON_ACTIVATIONS, PYTHON_LOSSES } from './book-code';
import { BOOK_DROPOUT, NOTEBOOK_CONV_LAYERS, SCRIPT_CONV_LAYERS } from './conv-layers';
import { BATCH_NORMALIZATION, BATCH_NORM_FUNCTION, DROPOUT } from './mlp';
import { pythonDecay, sharedMethods, weightGradient } from './network-methods';
import { blocks, pyNumber } from './python-source';

/** One step of the engine's plan. */
type Stage = ConvPlan['stages'][number];

type ConvArch = 'simple-convnet' | 'deep-convnet';

/** MNIST's images: 1 channel of 28×28, 10 classes. */
const INPUT_SIZE = 784;
const OUTPUT_SIZE = 10;

/** The engine's plan for `config` (src/nn/convnet.ts, as network.ts builds it). */
export function convPlanOf(config: TrainConfig): ConvPlan {
  if (config.arch === 'deep-convnet')
    return deepConvNetPlan({ inputSize: INPUT_SIZE, outputSize: OUTPUT_SIZE });
  return simpleConvNetPlan({ ...config, inputSize: INPUT_SIZE, outputSize: OUTPUT_SIZE });
}

/** The initial scale of a W with `fanIn` inputs, as Python (book 6.2; the engine's init.ts). */
const CONV_INITS: Record<TrainConfig['init'], (fanIn: string, config: TrainConfig) => string> = {
  std: (_fanIn, c) => pyNumber(c.initStd),
  xavier: (fanIn) => `np.sqrt(1.0 / ${fanIn})`,
  he: (fanIn) => `np.sqrt(2.0 / ${fanIn})`,
};

const shapeText = (shape: { C: number; H: number; W: number }): string =>
  `(N, ${shape.C}, ${shape.H}, ${shape.W})`;

/** The layers in words and sizes, for the notebook's description (code names, the same in every language). */
function layerText(plan: ConvPlan, config: TrainConfig): string {
  const parts = plan.stages.map((s) => {
    switch (s.kind) {
      case 'conv':
        return `Conv${s.l} ${s.options.FN}×${s.options.FH}×${s.options.FW} (stride ${s.options.stride}, pad ${s.options.pad})`;
      case 'pool':
        return `Pool ${s.options.PH}×${s.options.PW}`;
      case 'relu':
        return 'ReLU';
      case 'affine':
        return `Affine${s.l} ${s.D}→${s.M}`;
      case 'batchNorm':
        return 'BatchNorm';
      case 'dropout':
        return `Dropout ${s.ratio}`;
    }
  });
  return [...parts, PYTHON_LOSSES[config.loss].outputName].join(' → ');
}

/** The notebook's predict(network, x): one line per stage of the plan, with the shape it gives. */
function notebookPredict(plan: ConvPlan, config: TrainConfig): string {
  const output = PYTHON_LOSSES[config.loss];
  const body = [
    '    x = x.reshape(-1, 1, 28, 28)  # rows of 784 as images (N, 1, 28, 28), as load_mnist(flatten=False)',
  ];
  let current = 'x';
  let image = true; // whether `current` is (N, C, H, W) rather than (N, M)
  let l = 0;
  let pools = 0;
  for (const s of plan.stages) {
    switch (s.kind) {
      case 'conv':
        l = s.l;
        body.push(
          `    a${l} = Convolution(network['W${l}'], network['b${l}'], stride=${s.options.stride}, pad=${s.options.pad}).forward(${current})  # ${shapeText(s.output)}`,
        );
        current = `a${l}`;
        break;
      case 'relu':
        body.push(`    z${l} = relu(${current})`);
        current = `z${l}`;
        break;
      case 'pool':
        pools++;
        body.push(
          `    p${pools} = Pooling(pool_h=${s.options.PH}, pool_w=${s.options.PW}, stride=${s.options.stride}).forward(${current})  # ${shapeText(s.output)}`,
        );
        current = `p${pools}`;
        break;
      case 'affine':
        l = s.l;
        body.push(
          `    a${l} = ${image ? `${current}.reshape(len(${current}), -1)` : current} @ network['W${l}'] + network['b${l}']  # (N, ${s.M})`,
        );
        current = `a${l}`;
        image = false;
        break;
      case 'batchNorm':
        body.push(
          `    a${l} = batch_norm(a${l}, network['gamma${s.index}'], network['beta${s.index}'], network['runningMean${s.index}'], network['runningVar${s.index}'])`,
        );
        break;
      case 'dropout':
        body.push(
          s.scaling === 'book'
            ? `    ${current} = ${current} * (1.0 - ${pyNumber(s.ratio)})  # the book's Dropout(${pyNumber(s.ratio)}) at inference`
            : `    # Dropout(${pyNumber(s.ratio)}) passes ${current} through unchanged at inference (inverted dropout).`,
        );
        break;
    }
  }
  body.push(`    y = ${output.functionName}(${current})`, '    return y');
  return `def predict(network, x):\n    """x (N, 784) -> (N, 10): ${layerText(plan, config)}."""\n${body.join('\n')}`;
}

/** The script's layer names by stage, as the engine names them (Conv1, Relu1, Pool1, Affine2, ...). */
function layerLines(plan: ConvPlan): { name: string; code: string; stage: Stage }[] {
  let relus = 0;
  let pools = 0;
  let drops = 0;
  return plan.stages.map((s) => {
    switch (s.kind) {
      case 'conv':
        return {
          stage: s,
          name: `Conv${s.l}`,
          code: `Convolution(self.params['W${s.l}'], self.params['b${s.l}'], stride=${s.options.stride}, pad=${s.options.pad})`,
        };
      case 'relu':
        return { stage: s, name: `Relu${++relus}`, code: 'Relu()' };
      case 'pool':
        return {
          stage: s,
          name: `Pool${++pools}`,
          code: `Pooling(pool_h=${s.options.PH}, pool_w=${s.options.PW}, stride=${s.options.stride})`,
        };
      case 'affine':
        return {
          stage: s,
          name: `Affine${s.l}`,
          code: `Affine(self.params['W${s.l}'], self.params['b${s.l}'])`,
        };
      case 'batchNorm':
        return {
          stage: s,
          name: `BatchNorm${s.index}`,
          code: `BatchNormalization(self.params['gamma${s.index}'], self.params['beta${s.index}'])`,
        };
      case 'dropout':
        return { stage: s, name: `Dropout${++drops}`, code: `Dropout(${pyNumber(s.ratio)})` };
    }
  });
}

/** The script's network class (SimpleConvNet or DeepConvNet) with predict, loss, accuracy and gradient. */
function scriptNetworkClass(arch: ConvArch, plan: ConvPlan, config: TrainConfig): string {
  const className = arch === 'deep-convnet' ? 'DeepConvNet' : 'SimpleConvNet';
  const bookFile = arch === 'deep-convnet' ? 'ch08 deep_convnet.py' : 'ch07 simple_convnet.py';
  const loss = PYTHON_LOSSES[config.loss];
  const decay = pythonDecay(config);
  const init = plan.forceHe ? 'he' : config.init;
  const layers = layerLines(plan);
  const weighted = layers.filter((x) => x.stage.kind === 'conv' || x.stage.kind === 'affine');
  const norms = layers.filter((x) => x.stage.kind === 'batchNorm');
  const paramLines: string[] = [];
  for (const s of plan.stages) {
    if (s.kind === 'conv') {
      const { FN, FH, FW } = s.options;
      const scale = CONV_INITS[init](`(${s.input.C} * ${FH} * ${FW})`, config);
      paramLines.push(
        `        self.params['W${s.l}'] = ${scale} * np.random.randn(${FN}, ${s.input.C}, ${FH}, ${FW})  # (FN, C, FH, FW)`,
        `        self.params['b${s.l}'] = np.zeros(${FN})`,
      );
    } else if (s.kind === 'affine') {
      const scale = CONV_INITS[init](String(s.D), config);
      paramLines.push(
        `        self.params['W${s.l}'] = ${scale} * np.random.randn(${s.D}, ${s.M})`,
        `        self.params['b${s.l}'] = np.zeros(${s.M})`,
      );
    } else if (s.kind === 'batchNorm') {
      paramLines.push(
        `        self.params['gamma${s.index}'] = np.ones(${s.M})`,
        `        self.params['beta${s.index}'] = np.zeros(${s.M})`,
      );
    }
  }
  const weightNames = weighted.map((x) => `'${x.name}'`).join(', ');
  return `class ${className}:
    """The book's ${className} (${bookFile}) as the app built this run, input (N, 1, 28, 28):
    ${layers.map((x) => x.name).join(' -> ')} -> ${loss.layerClass}."""
    def __init__(self${decay ? ', weight_decay_lambda=0' : ''}):
${decay ? '        self.weight_decay_lambda = weight_decay_lambda\n' : ''}        # Initialise the weights (book 6.2${plan.forceHe ? ", He as the book's DeepConvNet" : ''}): W = scale * N(0, 1), b = 0.
        self.params = {}
${paramLines.join('\n')}

        # The layers, in forward order
        self.layers = OrderedDict()
${layers.map((x) => `        self.layers['${x.name}'] = ${x.code}`).join('\n')}
        self.last_layer = ${loss.layerClass}()
        self.last_loss = None

${sharedMethods({ decay, weightRange: `range(1, ${weighted.length + 1})`, batchSize: 100, sections: '5.7, 7.4' })}
        for idx, name in enumerate([${weightNames}], start=1):
${weightGradient(decay, 'self.layers[name]')}
            grads['b' + str(idx)] = self.layers[name].db
${norms
  .map((x) => {
    const i = (x.stage as Extract<Stage, { kind: 'batchNorm' }>).index;
    return `        grads['gamma${i}'], grads['beta${i}'] = self.layers['${x.name}'].dgamma, self.layers['${x.name}'].dbeta\n`;
  })
  .join('')}        return grads`;
}

/** A convolutional architecture, as the Python exports write it. */
function convArchitecture(arch: ConvArch): PythonArchitecture {
  return {
    describe: (config: TrainConfig, t: TFunction) =>
      t('notebook.architectureConv', {
        network: arch === 'deep-convnet' ? 'DeepConvNet (ch08)' : 'SimpleConvNet (ch07)',
        layers: layerText(convPlanOf(config), config),
      }),
    notebookForward: (config) => {
      const plan = convPlanOf(config);
      const output = PYTHON_LOSSES[config.loss];
      return blocks([
        PYTHON_ACTIVATIONS.relu.functionCode,
        output.functionCode,
        plan.stages.some((s) => s.kind === 'batchNorm') && BATCH_NORM_FUNCTION,
        NOTEBOOK_CONV_LAYERS,
        notebookPredict(plan, config),
      ]);
    },
    notebookFirstLayer: `first_layer = network['W1'][:, 0]  # (FN, FH, FW): each filter's weights on the image (its one channel)`,
    notebookBatch: 100,
    forwardTextKey: 'notebook.forwardTextConv',
    firstLayerTextKey: 'notebook.firstLayerTextConv',
    scriptAboutKey: 'notebook.scriptAboutConv',
    scriptFlatten: false,
    scriptNetwork: (config) => {
      const plan = convPlanOf(config);
      const stages = plan.stages;
      const dropout = stages.find((s): s is Extract<Stage, { kind: 'dropout' }> => s.kind === 'dropout');
      return blocks([
        SCRIPT_CONV_LAYERS,
        PYTHON_ACTIVATIONS.relu.layerCode,
        stages.some((s) => s.kind === 'batchNorm') && BATCH_NORMALIZATION,
        dropout && (dropout.scaling === 'book' ? BOOK_DROPOUT : DROPOUT),
        PYTHON_LOSSES[config.loss].layerCode,
        scriptNetworkClass(arch, plan, config),
      ]);
    },
    scriptConstruct: (config) =>
      `network = ${arch === 'deep-convnet' ? 'DeepConvNet' : 'SimpleConvNet'}(${
        config.weightDecayLambda > 0 && config.weightDecay !== 'none'
          ? `weight_decay_lambda=${pyNumber(config.weightDecayLambda)}`
          : ''
      })`,
  };
}

export const SIMPLE_CONVNET_PYTHON = convArchitecture('simple-convnet');
export const DEEP_CONVNET_PYTHON = convArchitecture('deep-convnet');

/**
 * The fully-connected network (the book's ch05 TwoLayerNet / ch06 MultiLayerNetExtend) in Python:
 * the notebook's forward pass as the book's ch03 `predict` writes it, one line per layer, and the
 * training script's layers and network class with backpropagation.
 */
import type { TrainConfig } from '../../../shared/hyperparams';
import type { PythonArchitecture } from './architecture';
import { PYTHON_ACTIVATIONS, PYTHON_INITS, PYTHON_LOSSES } from './book-code';
import { pythonDecay, sharedMethods, weightGradient } from './network-methods';
import { blocks, lines, py, pyNumber } from './python-source';

/** The layer sizes, input to output: 784-50-10. */
export const mlpSizes = (config: TrainConfig): number[] => [784, ...config.hidden, 10];

export const BATCH_NORM_FUNCTION = `def batch_norm(x, gamma, beta, running_mean, running_var):
    """Batch normalization at inference (book 6.3): the running averages replace the batch's statistics."""
    xn = (x - running_mean) / np.sqrt(running_var + 1e-7)
    return gamma * xn + beta`;

/** The notebook's forward pass: helper functions, then predict(network, x) one layer per line. */
function notebookForward(config: TrainConfig): string {
  const activation = PYTHON_ACTIVATIONS[config.activation];
  const output = PYTHON_LOSSES[config.loss];
  const layers = config.hidden.length + 1;
  const body: string[] = [];
  for (let l = 1; l <= layers; l++) {
    const input = l === 1 ? 'x' : `z${l - 1}`;
    body.push(`    a${l} = ${input} @ network['W${l}'] + network['b${l}']`);
    if (l === layers) break;
    if (config.batchNorm)
      body.push(
        `    a${l} = batch_norm(a${l}, network['gamma${l}'], network['beta${l}'], network['runningMean${l}'], network['runningVar${l}'])`,
      );
    body.push(`    z${l} = ${activation.functionName}(a${l})`);
    if (config.dropout > 0)
      body.push(`    # Dropout(${pyNumber(config.dropout)}) passes z${l} through unchanged at inference.`);
  }
  body.push(`    y = ${output.functionName}(a${layers})`, '    return y');
  const predict = `def predict(network, x):\n    """x (N, 784) -> (N, 10): ${mlpSizes(config).join('-')}."""\n${body.join('\n')}`;
  return blocks([
    activation.functionCode,
    output.functionCode,
    config.batchNorm && BATCH_NORM_FUNCTION,
    predict,
  ]);
}

/** Each column of W1 (784, hidden) as a 28x28 image. */
const NOTEBOOK_FIRST_LAYER = `first_layer = network['W1'].T.reshape(-1, 28, 28)  # (hidden, 28, 28): one image per unit`;

const AFFINE = `class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x, train_flg=False):
        self.x = x
        out = x @ self.W + self.b
        return out

    def backward(self, dout):
        dx = dout @ self.W.T
        self.dW = self.x.T @ dout
        self.db = np.sum(dout, axis=0)
        return dx`;

export const BATCH_NORMALIZATION = `class BatchNormalization:
    """Batch normalization (book 6.3, http://arxiv.org/abs/1502.03167); running averages start at 0."""
    def __init__(self, gamma, beta, momentum=0.9):
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.running_mean = None
        self.running_var = None
        self.batch_size = None
        self.xc = None
        self.xn = None
        self.std = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x, train_flg=True):
        if self.running_mean is None:
            self.running_mean = np.zeros(x.shape[1])
            self.running_var = np.zeros(x.shape[1])
        if train_flg:
            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc ** 2, axis=0)
            std = np.sqrt(var + 1e-7)
            xn = xc / std
            self.batch_size = x.shape[0]
            self.xc = xc
            self.xn = xn
            self.std = std
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
        else:
            xc = x - self.running_mean
            xn = xc / np.sqrt(self.running_var + 1e-7)
        return self.gamma * xn + self.beta

    def backward(self, dout):
        dbeta = dout.sum(axis=0)
        dgamma = np.sum(self.xn * dout, axis=0)
        dxn = self.gamma * dout
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=0)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / self.batch_size) * self.xc * dvar
        dmu = np.sum(dxc, axis=0)
        dx = dxc - dmu / self.batch_size
        self.dgamma = dgamma
        self.dbeta = dbeta
        return dx`;

export const DROPOUT = `class Dropout:
    """Dropout (book 6.4.3), inverted as the app does it: kept units are scaled by 1 / (1 - ratio) while
    training, so inference passes x through (the book multiplies by 1 - ratio at inference instead)."""
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = (np.random.rand(*x.shape) > self.dropout_ratio) / (1.0 - self.dropout_ratio)
            return x * self.mask
        return x

    def backward(self, dout):
        return dout * self.mask`;

/** The script's network class, MultiLayerNetExtend with only the parts this run uses. */
function scriptNetworkClass(config: TrainConfig): string {
  const activation = PYTHON_ACTIVATIONS[config.activation];
  const loss = PYTHON_LOSSES[config.loss];
  const decay = pythonDecay(config);
  const bn = config.batchNorm;
  const dropout = config.dropout > 0;
  return `class MultiLayerNet:
    """A fully-connected network (book ch06 MultiLayerNetExtend): per hidden layer
    Affine -> ${[bn && 'BatchNormalization', activation.layerClass, dropout && 'Dropout'].filter(Boolean).join(' -> ')}, then Affine -> ${loss.layerClass}."""
    def __init__(self, input_size, hidden_size_list, output_size${decay ? ', weight_decay_lambda=0' : ''}${dropout ? ', dropout_ratio=0.5' : ''}):
        self.input_size = input_size
        self.output_size = output_size
        self.hidden_size_list = hidden_size_list
        self.hidden_layer_num = len(hidden_size_list)
${lines([decay && '        self.weight_decay_lambda = weight_decay_lambda', '        self.params = {}'])}

        # Initialise the weights (book 6.2): W = scale * N(0, 1), b = 0.
        all_size_list = [input_size] + hidden_size_list + [output_size]
        for idx in range(1, len(all_size_list)):
            scale = ${PYTHON_INITS[config.init](config)}
            self.params['W' + str(idx)] = scale * np.random.randn(all_size_list[idx - 1], all_size_list[idx])
            self.params['b' + str(idx)] = np.zeros(all_size_list[idx])

        # The layers
        self.layers = OrderedDict()
        for idx in range(1, self.hidden_layer_num + 1):
            self.layers['Affine' + str(idx)] = Affine(self.params['W' + str(idx)], self.params['b' + str(idx)])
${lines([
  bn &&
    `            self.params['gamma' + str(idx)] = np.ones(hidden_size_list[idx - 1])
            self.params['beta' + str(idx)] = np.zeros(hidden_size_list[idx - 1])
            self.layers['BatchNorm' + str(idx)] = BatchNormalization(self.params['gamma' + str(idx)], self.params['beta' + str(idx)])`,
  `            self.layers['Activation_function' + str(idx)] = ${activation.layerClass}()`,
  dropout && `            self.layers['Dropout' + str(idx)] = Dropout(dropout_ratio)`,
])}

        idx = self.hidden_layer_num + 1
        self.layers['Affine' + str(idx)] = Affine(self.params['W' + str(idx)], self.params['b' + str(idx)])
        self.last_layer = ${loss.layerClass}()
        self.last_loss = None

${sharedMethods({ decay, weightRange: 'range(1, self.hidden_layer_num + 2)', batchSize: 1000, sections: '5.7' })}
        for idx in range(1, self.hidden_layer_num + 2):
${weightGradient(decay, "self.layers['Affine' + str(idx)]")}
            grads['b' + str(idx)] = self.layers['Affine' + str(idx)].db
${
  bn
    ? `            if idx != self.hidden_layer_num + 1:
                grads['gamma' + str(idx)] = self.layers['BatchNorm' + str(idx)].dgamma
                grads['beta' + str(idx)] = self.layers['BatchNorm' + str(idx)].dbeta
`
    : ''
}        return grads`;
}

/** The fully-connected network, as the Python exports write it. */
export const MLP_PYTHON: PythonArchitecture = {
  describe: (config, t) =>
    t('notebook.architectureMlp', {
      sizes: mlpSizes(config).join('-'),
      activation: t(`option.activation.${config.activation}`),
      extras:
        (config.batchNorm ? t('notebook.withBatchNorm') : '') +
        (config.dropout > 0 ? t('notebook.withDropout', { ratio: config.dropout }) : ''),
      output: PYTHON_LOSSES[config.loss].outputName,
    }),
  notebookForward,
  notebookFirstLayer: NOTEBOOK_FIRST_LAYER,
  notebookBatch: 1000,
  forwardTextKey: 'notebook.forwardText',
  firstLayerTextKey: 'notebook.firstLayerText',
  scriptAboutKey: 'notebook.scriptAbout',
  scriptFlatten: true,
  scriptNetwork: (config) =>
    blocks([
      AFFINE,
      PYTHON_ACTIVATIONS[config.activation].layerCode,
      config.batchNorm && BATCH_NORMALIZATION,
      config.dropout > 0 && DROPOUT,
      PYTHON_LOSSES[config.loss].layerCode,
      scriptNetworkClass(config),
    ]),
  scriptConstruct: (config) =>
    `network = MultiLayerNet(input_size=784, hidden_size_list=${py(config.hidden)}, output_size=10${
      config.weightDecayLambda > 0 && config.weightDecay !== 'none'
        ? `, weight_decay_lambda=${pyNumber(config.weightDecayLambda)}`
        : ''
    }${config.dropout > 0 ? `, dropout_ratio=${pyNumber(config.dropout)}` : ''})`,
};

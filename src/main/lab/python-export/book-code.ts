/**
 * The book's building blocks in Python, one entry per name of the engine's registries, so a new
 * activation, loss, init, weight decay, optimizer or schedule fails the type check here until it
 * has its Python (the Record types list every name). Update rules and layers follow the book's
 * common/functions.py, common/layers.py and common/optimizer.py, and the engine (src/nn) where the
 * app does otherwise (inverted dropout, L1 decay, schedules, gradient clipping).
 */
import type { TrainConfig } from '../../../shared/hyperparams';
import { pyNumber } from './python-source';

type Activation = TrainConfig['activation'];
type Loss = TrainConfig['loss'];
type Init = TrainConfig['init'];
type WeightDecay = TrainConfig['weightDecay'];
type Optimizer = TrainConfig['optimizer'];
type Schedule = TrainConfig['schedule'];

/** An activation: its function (the notebook's forward pass) and its layer class (the script). */
export interface PythonActivation {
  functionName: string;
  functionCode: string;
  layerClass: string;
  layerCode: string;
}

export const PYTHON_ACTIVATIONS: Record<Activation, PythonActivation> = {
  relu: {
    functionName: 'relu',
    functionCode: `def relu(x):
    return np.maximum(0, x)`,
    layerClass: 'Relu',
    layerCode: `class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x, train_flg=False):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        dx = dout
        return dx`,
  },
  sigmoid: {
    functionName: 'sigmoid',
    functionCode: `def sigmoid(x):
    return 1 / (1 + np.exp(-x))`,
    layerClass: 'Sigmoid',
    layerCode: `def sigmoid(x):
    return 1 / (1 + np.exp(-x))


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x, train_flg=False):
        out = sigmoid(x)
        self.out = out
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out
        return dx`,
  },
  tanh: {
    functionName: 'tanh',
    functionCode: `def tanh(x):
    return np.tanh(x)`,
    layerClass: 'Tanh',
    layerCode: `class Tanh:
    def __init__(self):
        self.out = None

    def forward(self, x, train_flg=False):
        self.out = np.tanh(x)
        return self.out

    def backward(self, dout):
        dx = dout * (1.0 - self.out ** 2)
        return dx`,
  },
};

/** An output layer with its loss: the notebook's output function and the script's loss layer. */
export interface PythonLoss {
  /** The output's name in prose (softmax, identity). */
  outputName: string;
  functionName: string;
  functionCode: string;
  layerClass: string;
  layerCode: string;
}

const SOFTMAX = `def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)  # guards against overflow
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)`;

export const PYTHON_LOSSES: Record<Loss, PythonLoss> = {
  'softmax-cross-entropy': {
    outputName: 'softmax',
    functionName: 'softmax',
    functionCode: SOFTMAX,
    layerClass: 'SoftmaxWithLoss',
    layerCode: `${SOFTMAX}


def cross_entropy_error(y, t):
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None  # the output of softmax
        self.t = None  # the labels

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        dx = self.y.copy()
        dx[np.arange(batch_size), self.t] -= 1
        dx = dx / batch_size
        return dx`,
  },
  'identity-mse': {
    outputName: 'identity',
    functionName: 'identity_function',
    functionCode: `def identity_function(x):
    return x`,
    layerClass: 'IdentityWithLoss',
    layerCode: `class IdentityWithLoss:
    """Identity output with the mean squared error 0.5 * sum((y - t)^2) / N, t the one-hot labels (book 5.6.3)."""
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = np.eye(x.shape[1])[t]  # one-hot
        self.y = x
        self.loss = 0.5 * np.sum((self.y - self.t) ** 2) / x.shape[0]
        return self.loss

    def backward(self, dout=1):
        return (self.y - self.t) / self.y.shape[0]`,
  },
};

/** The standard deviation of layer idx's initial weights, as a Python expression (book 6.2). */
export const PYTHON_INITS: Record<Init, (config: TrainConfig) => string> = {
  std: (c) => pyNumber(c.initStd),
  xavier: () => 'np.sqrt(1.0 / all_size_list[idx - 1])',
  he: () => 'np.sqrt(2.0 / all_size_list[idx - 1])',
};

/** Weight decay on each W (book 6.4.2): the penalty added to the loss and the term added to dW; null for none. */
export const PYTHON_WEIGHT_DECAYS: Record<WeightDecay, { penalty: string; gradient: string } | null> = {
  none: null,
  l2: {
    penalty: '0.5 * self.weight_decay_lambda * np.sum(W ** 2)',
    gradient: 'self.weight_decay_lambda * W',
  },
  l1: {
    penalty: 'self.weight_decay_lambda * np.sum(np.abs(W))',
    gradient: 'self.weight_decay_lambda * np.sign(W)',
  },
};

/** An optimizer: its class (common/optimizer.py) and the expression that builds it from the settings. */
export interface PythonOptimizer {
  code: string;
  create(config: TrainConfig): string;
}

export const PYTHON_OPTIMIZERS: Record<Optimizer, PythonOptimizer> = {
  sgd: {
    code: `class SGD:
    """Stochastic gradient descent (book 6.1.2): W <- W - lr * dW."""
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]`,
    create: () => 'SGD(lr=learning_rate)',
  },
  momentum: {
    code: `class Momentum:
    """Momentum SGD (book 6.1.4): v <- momentum * v - lr * dW; W <- W + v."""
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {}
            for key, val in params.items():
                self.v[key] = np.zeros_like(val)
        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]`,
    create: (c) => `Momentum(lr=learning_rate, momentum=${pyNumber(c.momentum)})`,
  },
  nesterov: {
    code: `class Nesterov:
    """Nesterov's Accelerated Gradient, in the book's form (http://arxiv.org/abs/1212.0901)."""
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {}
            for key, val in params.items():
                self.v[key] = np.zeros_like(val)
        for key in params.keys():
            self.v[key] *= self.momentum
            self.v[key] -= self.lr * grads[key]
            params[key] += self.momentum * self.momentum * self.v[key]
            params[key] -= (1 + self.momentum) * self.lr * grads[key]`,
    create: (c) => `Nesterov(lr=learning_rate, momentum=${pyNumber(c.momentum)})`,
  },
  adagrad: {
    code: `class AdaGrad:
    """AdaGrad (book 6.1.5): h <- h + dW^2; W <- W - lr * dW / (sqrt(h) + 1e-7)."""
    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {}
            for key, val in params.items():
                self.h[key] = np.zeros_like(val)
        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)`,
    create: () => 'AdaGrad(lr=learning_rate)',
  },
  rmsprop: {
    code: `class RMSprop:
    """RMSprop: h <- decay_rate * h + (1 - decay_rate) * dW^2; W <- W - lr * dW / (sqrt(h) + 1e-7)."""
    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {}
            for key, val in params.items():
                self.h[key] = np.zeros_like(val)
        for key in params.keys():
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)`,
    create: (c) => `RMSprop(lr=learning_rate, decay_rate=${pyNumber(c.rmsDecay)})`,
  },
  adam: {
    code: `class Adam:
    """Adam (book 6.1.6, http://arxiv.org/abs/1412.6980v8)."""
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m, self.v = {}, {}
            for key, val in params.items():
                self.m[key] = np.zeros_like(val)
                self.v[key] = np.zeros_like(val)
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2 ** self.iter) / (1.0 - self.beta1 ** self.iter)
        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)`,
    create: (c) => `Adam(lr=learning_rate, beta1=${pyNumber(c.beta1)}, beta2=${pyNumber(c.beta2)})`,
  },
};

/**
 * The learning rate at `epoch` (fractional: updates done / iterations per epoch), as a Python
 * expression of `learning_rate` and `epoch` (src/nn/schedules.ts); null for a constant rate.
 */
export const PYTHON_SCHEDULES: Record<Schedule, (config: TrainConfig) => string | null> = {
  constant: () => null,
  step: (c) => `learning_rate * 0.5 ** np.floor(epoch / ${pyNumber(c.scheduleStepEpochs)})`,
  inverse: (c) => `learning_rate / (1 + ${pyNumber(c.scheduleDecay)} * epoch)`,
  exponential: (c) => `learning_rate * np.exp(-${pyNumber(c.scheduleDecay)} * epoch)`,
};

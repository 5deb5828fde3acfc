/**
 * The methods every exported network class shares (the fully-connected MultiLayerNet and the
 * convolutional SimpleConvNet / DeepConvNet): predict, loss with the run's weight decay,
 * count_correct, accuracy and data_loss in batches, and gradient's forward and backward passes.
 * Each architecture writes its own __init__ and the loop that collects its layers' gradients.
 */
import { PYTHON_WEIGHT_DECAYS } from './book-code';
import type { TrainConfig } from '../../../shared/hyperparams';

/** The run's weight decay as Python (penalty and gradient of one W), or null when it has none. */
export type PythonDecay = { penalty: string; gradient: string } | null;

export function pythonDecay(config: TrainConfig): PythonDecay {
  return config.weightDecayLambda > 0 ? PYTHON_WEIGHT_DECAYS[config.weightDecay] : null;
}

/**
 * predict … the start of gradient, up to `grads = {}`.
 * `weightRange` is the Python range over the weight indices (e.g. 'range(1, 4)'), `batchSize` the
 * evaluation batch (a CNN's layers hold far more per image than an MLP's), `sections` the book's
 * sections the backprop follows.
 */
export function sharedMethods(o: {
  decay: PythonDecay;
  weightRange: string;
  batchSize: number;
  sections: string;
}): string {
  const loss = o.decay
    ? `        weight_decay = 0
        for idx in ${o.weightRange}:
            W = self.params['W' + str(idx)]
            weight_decay += ${o.decay.penalty}
        return self.last_layer.forward(y, t) + weight_decay`
    : '        return self.last_layer.forward(y, t)';
  return `    def predict(self, x, train_flg=False):
        for layer in self.layers.values():
            x = layer.forward(x, train_flg)
        return x

    def loss(self, x, t, train_flg=False):
        y = self.predict(x, train_flg)
${loss}

    def count_correct(self, x, t, batch_size=${o.batchSize}):
        """How many of x the network classifies as t (inference mode, in batches)."""
        correct = 0
        for i in range(0, x.shape[0], batch_size):
            y = self.predict(x[i:i + batch_size], train_flg=False)
            correct += int(np.sum(np.argmax(y, axis=1) == t[i:i + batch_size]))
        return correct

    def accuracy(self, x, t):
        return self.count_correct(x, t) / x.shape[0]

    def data_loss(self, x, t, batch_size=${o.batchSize}):
        """The mean loss over x in inference mode, without the weight decay."""
        total = 0.0
        for i in range(0, x.shape[0], batch_size):
            y = self.predict(x[i:i + batch_size], train_flg=False)
            total += self.last_layer.forward(y, t[i:i + batch_size]) * len(y)
        return total / x.shape[0]

    def gradient(self, x, t):
        """The gradients by backpropagation (book ${o.sections}); the loss of this forward pass is kept in last_loss."""
        # forward
        self.last_loss = self.loss(x, t, train_flg=True)

        # backward
        dout = 1
        dout = self.last_layer.backward(dout)
        layers = list(self.layers.values())
        layers.reverse()
        for layer in layers:
            dout = layer.backward(dout)

        grads = {}`;
}

/** The lines (12 spaces in) that set grads['W'+idx] from `layer`'s dW, with the weight decay's gradient. */
export function weightGradient(decay: PythonDecay, layer: string): string {
  return decay
    ? `            W = self.params['W' + str(idx)]
            grads['W' + str(idx)] = ${layer}.dW + ${decay.gradient}`
    : `            grads['W' + str(idx)] = ${layer}.dW`;
}

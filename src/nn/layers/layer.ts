/**
 * The shape every layer has, as in the book's common/layers.py: `forward(x)` computes the output
 * and remembers what backward needs; `backward(dout)` returns dx and keeps parameter gradients
 * (dW, db, ...) on the layer. Outputs live in buffers the layer owns and reuses, made by its
 * backend's allocator, so a training step allocates nothing once the buffers have grown to the
 * batch size.
 */
import type { Matrix, Targets } from '../tensor';

/** A hidden-layer building block: Affine, Relu, Sigmoid, Tanh, Dropout, BatchNormalization. */
export interface Layer {
  /** The book's layer name (e.g. 'Affine1', 'Relu1'), used for activations in the UI. */
  readonly name: string;
  /** y = f(x). `train` switches Dropout and BatchNormalization between training and inference. */
  forward(x: Matrix, train: boolean): Matrix;
  /** dx = dL/dx given dout = dL/dy, for the x of the last forward. */
  backward(dout: Matrix): Matrix;
}

/** The last layer: output activation and loss together (SoftmaxWithLoss, IdentityWithLoss). */
export interface LossLayer {
  readonly name: string;
  /** Output probabilities / values of the last forward (N, M). */
  readonly y: Matrix;
  /** Output only, no loss (inference). */
  predict(x: Matrix): Matrix;
  /** Mean loss over the batch for targets t; remembers y and t for backward. */
  forward(x: Matrix, t: Targets): number;
  /** dL/dx for the last forward (the book passes dout=1). */
  backward(): Matrix;
}

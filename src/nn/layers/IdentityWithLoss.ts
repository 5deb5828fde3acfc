/**
 * Identity output with the mean squared error, the regression pairing of book §5.6.3:
 * y = x, E = 0.5 · Σ (y - t)² / N, dx = (y - t) / N. With label targets, t is the one-hot row.
 * (The book's `mean_squared_error` sums over the batch; dividing by N keeps the gradient the same
 * size for every batch size, like SoftmaxWithLoss.)
 */
import type { Backend } from '../backend';
import type { Matrix, Targets } from '../tensor';
import { ensureMatrix, isLabels } from '../tensor';
import type { LossLayer } from './layer';

/** Identity + 0.5 · mean-over-batch squared error. */
export class IdentityWithLoss implements LossLayer {
  readonly name = 'IdentityWithLoss';
  y: Matrix = { rows: 0, cols: 0, data: new Float64Array(0) };
  private yBuf: Matrix | null = null;
  private dx: Matrix | null = null;
  private t: Targets | null = null;

  constructor(private readonly backend: Backend) {}

  /** y (N, M) = x (copied, so y survives the next forward of the layers below). */
  predict(x: Matrix): Matrix {
    this.y = this.yBuf = ensureMatrix(this.yBuf, x.rows, x.cols, this.backend.alloc);
    const len = x.rows * x.cols;
    for (let k = 0; k < len; k++) this.y.data[k] = x.data[k];
    return this.y;
  }

  /** E = 0.5 · Σ (y - t)² / N. */
  forward(x: Matrix, t: Targets): number {
    const y = this.predict(x).data;
    this.t = t;
    const N = x.rows;
    const M = x.cols;
    let sum = 0;
    if (isLabels(t)) {
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < M; j++) {
          const diff = y[i * M + j] - (t[i] === j ? 1 : 0);
          sum += diff * diff;
        }
      }
    } else {
      for (let k = 0; k < N * M; k++) {
        const diff = y[k] - t[k];
        sum += diff * diff;
      }
    }
    return (0.5 * sum) / N;
  }

  /** dx (N, M) = (y - t) / N. */
  backward(): Matrix {
    const t = this.t;
    if (t === null) throw new Error('IdentityWithLoss: backward before forward');
    const N = this.y.rows;
    const M = this.y.cols;
    const dx = (this.dx = ensureMatrix(this.dx, N, M, this.backend.alloc));
    const y = this.y.data;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < M; j++) {
        const k = i * M + j;
        const tk = isLabels(t) ? (t[i] === j ? 1 : 0) : t[k];
        dx.data[k] = (y[k] - tk) / N;
      }
    }
    return dx;
  }
}

/**
 * Softmax followed by cross-entropy (book §5.6.3), one layer because together their gradient is
 * simply (y - t) / N.
 *
 * Stable: each row's maximum is subtracted before exp (book §3.5.2: softmax([1010, 1000, 990])
 * would overflow otherwise), and the loss uses log y_k = (x_k - max) - log Σ exp(x - max)
 * directly, so it never takes log(0). That is why the book's `+ 1e-7` inside the log is not needed.
 */
import type { Backend } from '../backend';
import type { Matrix, Targets } from '../tensor';
import { ensureMatrix, isLabels } from '../tensor';
import type { LossLayer } from './layer';

/** y (N, M) = softmax(x) row by row, with the max-subtraction trick. Returns nothing; fills y. */
export function softmaxRows(x: Matrix['data'], y: Matrix['data'], N: number, M: number): void {
  for (let i = 0; i < N; i++) {
    const o = i * M;
    let max = x[o];
    for (let j = 1; j < M; j++) if (x[o + j] > max) max = x[o + j];
    let sum = 0;
    for (let j = 0; j < M; j++) {
      const e = Math.exp(x[o + j] - max);
      y[o + j] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let j = 0; j < M; j++) y[o + j] *= inv;
  }
}

/** Softmax + mean cross-entropy E = -(1/N) Σ_i Σ_k t_ik log y_ik, for label or one-hot targets. */
export class SoftmaxWithLoss implements LossLayer {
  readonly name = 'SoftmaxWithLoss';
  y: Matrix = { rows: 0, cols: 0, data: new Float64Array(0) };
  private yBuf: Matrix | null = null;
  private dx: Matrix | null = null;
  private t: Targets | null = null;

  constructor(private readonly backend: Backend) {}

  /** y (N, M) = softmax(x (N, M)): probabilities only. */
  predict(x: Matrix): Matrix {
    this.y = this.yBuf = ensureMatrix(this.yBuf, x.rows, x.cols, this.backend.alloc);
    softmaxRows(x.data, this.y.data, x.rows, x.cols);
    return this.y;
  }

  /** y (N, M) = softmax(x (N, M)) and the mean cross-entropy against t, in one pass over each row. */
  forward(x: Matrix, t: Targets): number {
    const N = x.rows;
    const M = x.cols;
    this.y = this.yBuf = ensureMatrix(this.yBuf, N, M, this.backend.alloc);
    this.t = t;
    const xd = x.data;
    const y = this.y.data;
    const labels = isLabels(t);
    let loss = 0;
    for (let i = 0; i < N; i++) {
      const o = i * M;
      let max = xd[o];
      for (let j = 1; j < M; j++) if (xd[o + j] > max) max = xd[o + j];
      let sum = 0;
      for (let j = 0; j < M; j++) {
        const e = Math.exp(xd[o + j] - max);
        y[o + j] = e;
        sum += e;
      }
      const logSum = Math.log(sum);
      const inv = 1 / sum;
      for (let j = 0; j < M; j++) y[o + j] *= inv;
      if (labels) {
        loss -= xd[o + t[i]] - max - logSum;
      } else {
        for (let j = 0; j < M; j++) {
          const tk = t[o + j];
          if (tk !== 0) loss -= tk * (xd[o + j] - max - logSum);
        }
      }
    }
    return loss / N;
  }

  /** dx (N, M) = (y - t) / N (the book's backward(dout=1)). */
  backward(): Matrix {
    const t = this.t;
    if (t === null) throw new Error('SoftmaxWithLoss: backward before forward');
    const N = this.y.rows;
    const M = this.y.cols;
    const dx = (this.dx = ensureMatrix(this.dx, N, M, this.backend.alloc));
    const y = this.y.data;
    const g = dx.data;
    const len = N * M;
    if (isLabels(t)) {
      for (let k = 0; k < len; k++) g[k] = y[k] / N;
      for (let i = 0; i < N; i++) g[i * M + t[i]] -= 1 / N;
    } else {
      for (let k = 0; k < len; k++) g[k] = (y[k] - t[k]) / N;
    }
    return dx;
  }
}

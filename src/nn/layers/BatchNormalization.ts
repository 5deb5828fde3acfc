/**
 * Batch Normalization (book §6.3, common/layers.py BatchNormalization), for fully connected
 * layers: each feature is normalised over the batch, then scaled by gamma and shifted by beta.
 *
 *   mu = mean_N(x), xc = x - mu, var = mean_N(xc²), std = sqrt(var + 1e-7), xn = xc / std
 *   y = gamma · xn + beta
 *
 * At inference the running averages (momentum 0.9, starting at 0 like the book) replace the batch
 * statistics.
 */
import type { Backend } from '../backend';
import type { Floats, Matrix } from '../tensor';
import { ensureMatrix } from '../tensor';
import type { Layer } from './layer';

/** ε under the square root of the variance (the book's 10e-7). */
export const BATCH_NORM_EPS = 1e-7;
const EPS = BATCH_NORM_EPS;

/** A BatchNormalization layer's parameters, gradients and running statistics, each (M). */
export interface BatchNormParams {
  /** scale */
  gamma: Floats;
  /** shift */
  beta: Floats;
  /** gradient of gamma, filled by backward */
  dgamma: Floats;
  /** gradient of beta, filled by backward */
  dbeta: Floats;
  /** running mean, updated by training forwards */
  runningMean: Floats;
  /** running variance, updated by training forwards */
  runningVar: Floats;
}

/** BatchNormalization over the M features of an (N, M) input; M is the length of gamma. */
export class BatchNormalization implements Layer {
  readonly gamma: Floats;
  readonly beta: Floats;
  readonly dgamma: Floats;
  readonly dbeta: Floats;
  readonly runningMean: Floats;
  readonly runningVar: Floats;
  /** Weight of the old running statistics in each update (the book's 0.9). */
  readonly momentum: number;
  private xc: Matrix | null = null;
  private xn: Matrix | null = null;
  private out: Matrix | null = null;
  private dx: Matrix | null = null;
  /** (M) per-feature std of the last training batch, and a scratch row. */
  private readonly std: Floats;
  private readonly scratch: Floats;
  private readonly scratch2: Floats;
  private lastTrain = false;

  constructor(
    readonly name: string,
    params: BatchNormParams,
    private readonly backend: Backend,
    options: { momentum?: number } = {},
  ) {
    this.gamma = params.gamma;
    this.beta = params.beta;
    this.dgamma = params.dgamma;
    this.dbeta = params.dbeta;
    this.runningMean = params.runningMean;
    this.runningVar = params.runningVar;
    this.momentum = options.momentum ?? 0.9;
    const M = params.gamma.length;
    this.std = backend.alloc.floats(M);
    this.scratch = backend.alloc.floats(M);
    this.scratch2 = backend.alloc.floats(M);
  }

  /** out (N, M) = gamma · (x - mu) / std + beta, mu and std (M) from the batch (train) or the running averages. */
  forward(x: Matrix, train: boolean): Matrix {
    const N = x.rows;
    const M = this.gamma.length;
    const xc = (this.xc = ensureMatrix(this.xc, N, M, this.backend.alloc)).data;
    const xn = (this.xn = ensureMatrix(this.xn, N, M, this.backend.alloc)).data;
    const out = (this.out = ensureMatrix(this.out, N, M, this.backend.alloc));
    const xd = x.data;
    const std = this.std;
    const mu = this.scratch;
    this.lastTrain = train;
    if (train) {
      mu.fill(0, 0, M);
      for (let i = 0; i < N; i++) for (let j = 0; j < M; j++) mu[j] += xd[i * M + j];
      for (let j = 0; j < M; j++) mu[j] /= N;
      const variance = this.scratch2;
      variance.fill(0, 0, M);
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < M; j++) {
          const c = xd[i * M + j] - mu[j];
          xc[i * M + j] = c;
          variance[j] += c * c;
        }
      }
      const m = this.momentum;
      for (let j = 0; j < M; j++) {
        variance[j] /= N;
        std[j] = Math.sqrt(variance[j] + EPS);
        this.runningMean[j] = m * this.runningMean[j] + (1 - m) * mu[j];
        this.runningVar[j] = m * this.runningVar[j] + (1 - m) * variance[j];
      }
    } else {
      for (let j = 0; j < M; j++) std[j] = Math.sqrt(this.runningVar[j] + EPS);
      for (let i = 0; i < N; i++)
        for (let j = 0; j < M; j++) xc[i * M + j] = xd[i * M + j] - this.runningMean[j];
    }
    const y = out.data;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < M; j++) {
        const v = xc[i * M + j] / std[j];
        xn[i * M + j] = v;
        y[i * M + j] = this.gamma[j] * v + this.beta[j];
      }
    }
    return out;
  }

  /**
   * The book's backward through the computational graph:
   *   dbeta = Σ dout, dgamma = Σ xn·dout, dxn = gamma·dout, dxc = dxn / std,
   *   dstd = -Σ dxn·xc / std², dvar = 0.5·dstd / std, dxc += (2/N)·xc·dvar,
   *   dmu = Σ dxc, dx = dxc - dmu / N
   */
  backward(dout: Matrix): Matrix {
    if (this.xc === null || this.xn === null) throw new Error(`${this.name}: backward before forward`);
    if (!this.lastTrain) return this.backwardInference(dout);
    const N = dout.rows;
    const M = this.gamma.length;
    const d = dout.data;
    const xc = this.xc.data;
    const xn = this.xn.data;
    const std = this.std;
    const dx = (this.dx = ensureMatrix(this.dx, N, M, this.backend.alloc));
    const g = dx.data; // holds dxc as it is built
    const dvar = this.scratch;
    const dmu = this.scratch2;
    this.dbeta.fill(0, 0, M);
    this.dgamma.fill(0, 0, M);
    dvar.fill(0, 0, M);
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < M; j++) {
        const k = i * M + j;
        this.dbeta[j] += d[k];
        this.dgamma[j] += xn[k] * d[k];
        const dxn = this.gamma[j] * d[k];
        g[k] = dxn / std[j];
        dvar[j] -= (dxn * xc[k]) / (std[j] * std[j]); // dstd first
      }
    }
    for (let j = 0; j < M; j++) dvar[j] = (0.5 * dvar[j]) / std[j];
    dmu.fill(0, 0, M);
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < M; j++) {
        const k = i * M + j;
        g[k] += (2 / N) * xc[k] * dvar[j];
        dmu[j] += g[k];
      }
    }
    for (let i = 0; i < N; i++) for (let j = 0; j < M; j++) g[i * M + j] -= dmu[j] / N;
    return dx;
  }

  /**
   * Backward after an inference forward (the gradient check in inference mode): the running
   * statistics are constants, so y = gamma · (x - runningMean) / std + beta is affine in x:
   *   dbeta = Σ dout, dgamma = Σ xn·dout, dx = gamma·dout / std
   */
  private backwardInference(dout: Matrix): Matrix {
    const N = dout.rows;
    const M = this.gamma.length;
    const d = dout.data;
    const xn = (this.xn as Matrix).data;
    const std = this.std;
    const dx = (this.dx = ensureMatrix(this.dx, N, M, this.backend.alloc));
    this.dbeta.fill(0, 0, M);
    this.dgamma.fill(0, 0, M);
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < M; j++) {
        const k = i * M + j;
        this.dbeta[j] += d[k];
        this.dgamma[j] += xn[k] * d[k];
        dx.data[k] = (this.gamma[j] * d[k]) / std[j];
      }
    }
    return dx;
  }
}

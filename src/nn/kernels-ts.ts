/**
 * The reference kernels in plain TypeScript (see kernels.ts for the contract and the letters n, k, m).
 *
 * Each is the book's `np.dot` written out as loops. The loop order is i-k-j rather than the
 * textbook i-j-k: the innermost loop then walks a row of `b` and a row of `out` side by side,
 * one after the other in memory, which is several times faster in JavaScript and gives the same sums.
 * Works on Float32Array and Float64Array alike (float64 is what the gradient checks use).
 */
import { argmax } from './argmax';
import type { ConvGeometry, CsrBatch, Floats, Kernels, PixelRows, SparseImages } from './kernels';

/** out (n,m) = a (n,k) · b (k,m) + bias (m). Like `np.dot(x, W) + b` in Affine.forward. */
function gemm(out: Floats, a: Floats, b: Floats, bias: Floats | null, n: number, k: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const oi = i * m; // start of out row i
    for (let j = 0; j < m; j++) out[oi + j] = bias === null ? 0 : bias[j];
    const ai = i * k; // start of a row i
    for (let p = 0; p < k; p++) {
      const v = a[ai + p];
      if (v === 0) continue; // common after ReLU: a zero contributes nothing
      const bp = p * m; // start of b row p
      for (let j = 0; j < m; j++) out[oi + j] += v * b[bp + j];
    }
  }
}

/** out (k,m) = aᵀ (k,n) · g (n,m). Like `np.dot(self.x.T, dout)` = dW in Affine.backward. */
function gemmAT(out: Floats, a: Floats, g: Floats, n: number, k: number, m: number): void {
  out.fill(0, 0, k * m);
  // Sum over the batch: row i of a spreads a[i,p] · g[i,:] into out row p.
  for (let i = 0; i < n; i++) {
    const ai = i * k;
    const gi = i * m;
    for (let p = 0; p < k; p++) {
      const v = a[ai + p];
      if (v === 0) continue;
      const op = p * m;
      for (let j = 0; j < m; j++) out[op + j] += v * g[gi + j];
    }
  }
}

/** out (n,k) = g (n,m) · bᵀ (m,k). Like `np.dot(dout, self.W.T)` = dx in Affine.backward. */
function gemmBT(out: Floats, g: Floats, b: Floats, n: number, k: number, m: number): void {
  // Entry (i,p) is the dot product of g row i with b row p: both rows are contiguous.
  for (let i = 0; i < n; i++) {
    const gi = i * m;
    const oi = i * k;
    for (let p = 0; p < k; p++) {
      const bp = p * m;
      let s = 0;
      for (let j = 0; j < m; j++) s += g[gi + j] * b[bp + j];
      out[oi + p] = s;
    }
  }
}

/** out (n,m) = X (n,k) · b (k,m) + bias, X in CSR: only the non-zero pixels of each row are visited. */
function spmm(out: Floats, x: CsrBatch, b: Floats, bias: Floats | null, _k: number, m: number): void {
  const { n, rowPtr, colIdx, values } = x;
  for (let i = 0; i < n; i++) {
    const oi = i * m;
    for (let j = 0; j < m; j++) out[oi + j] = bias === null ? 0 : bias[j];
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
      const v = values[e];
      const bp = colIdx[e] * m; // row colIdx[e] of b
      for (let j = 0; j < m; j++) out[oi + j] += v * b[bp + j];
    }
  }
}

/** out (n,m) = (X / 255) · b + bias, X uint8 pixels: spmm with each value looked up as PIXEL_SCALE[v]. */
function spmmPixels(out: Floats, x: PixelRows, b: Floats, bias: Floats | null, _k: number, m: number): void {
  const { n, rowPtr, colIdx, values } = x;
  const scale = PIXEL_SCALE;
  for (let i = 0; i < n; i++) {
    const oi = i * m;
    for (let j = 0; j < m; j++) out[oi + j] = bias === null ? 0 : bias[j];
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
      const v = scale[values[e]];
      const bp = colIdx[e] * m; // row colIdx[e] of b
      for (let j = 0; j < m; j++) out[oi + j] += v * b[bp + j];
    }
  }
}

/** out (k,m) = Xᵀ · g, X sparse (n,k), g (n,m): dW of the first layer; zero pixels add nothing. */
function spmmAT(out: Floats, x: CsrBatch, g: Floats, k: number, m: number): void {
  const { n, rowPtr, colIdx, values } = x;
  out.fill(0, 0, k * m);
  for (let i = 0; i < n; i++) {
    const gi = i * m;
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
      const v = values[e];
      const op = colIdx[e] * m; // pixel colIdx[e]'s row of dW
      for (let j = 0; j < m; j++) out[op + j] += v * g[gi + j];
    }
  }
}

/** out (m) = Σ_i g[i,:]. Like `np.sum(dout, axis=0)` = db in Affine.backward. */
function colSum(out: Floats, g: Floats, n: number, m: number): void {
  out.fill(0, 0, m);
  for (let i = 0; i < n; i++) {
    const gi = i * m;
    for (let j = 0; j < m; j++) out[j] += g[gi + j];
  }
}

/** y (len) += a · x (len). With a = -η it is the book's SGD step `params[key] -= lr * grads[key]`. */
function axpy(y: Floats, a: number, x: Floats, len: number): void {
  for (let i = 0; i < len; i++) y[i] += a * x[i];
}

/** The book's Adam.update for one parameter, after its `lr_t`: m, v and p updated in place. */
function adam(
  p: Floats,
  g: Floats,
  m: Floats,
  v: Floats,
  len: number,
  lrT: number,
  beta1: number,
  beta2: number,
): void {
  for (let i = 0; i < len; i++) {
    m[i] += (1 - beta1) * (g[i] - m[i]);
    v[i] += (1 - beta2) * (g[i] * g[i] - v[i]);
    p[i] -= (lrT * m[i]) / (Math.sqrt(v[i]) + 1e-7);
  }
}

/** y = max(0, x). */
function relu(y: Floats, x: Floats, len: number): void {
  for (let i = 0; i < len; i++) y[i] = x[i] > 0 ? x[i] : 0;
}

/** dx = dout where y > 0, else 0. The book's `mask = (x <= 0)` without storing a mask. */
/** y = 1 / (1 + exp(-x)): the book's sigmoid(x). */
function sigmoid(y: Floats, x: Floats, len: number): void {
  for (let i = 0; i < len; i++) y[i] = 1 / (1 + Math.exp(-x[i]));
}

/** best[i] = argmax of row i of x (n,m), sums[i] = Σ_j exp(x[i,j] - max): the book's softmax denominator. */
function expSumRows(sums: Floats, best: Int32Array, x: Floats, n: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const o = i * m;
    const b = argmax(x, o, m);
    const max = x[o + b];
    let sum = 0;
    for (let j = 0; j < m; j++) sum += Math.exp(x[o + j] - max);
    best[i] = b;
    sums[i] = sum;
  }
}

function reluBackward(dx: Floats, dout: Floats, y: Floats, len: number): void {
  for (let i = 0; i < len; i++) dx[i] = y[i] > 0 ? dout[i] : 0;
}

/** The book's im2col (common/util.py) as loops: one row per window, one column per (c, fy, fx). */
function im2col(col: Floats, x: Floats, g: ConvGeometry): void {
  const { N, C, H, W, FH, FW, stride, pad, OH, OW } = g;
  const K = C * FH * FW;
  for (let n = 0; n < N; n++) {
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++) {
        let o = ((n * OH + oy) * OW + ox) * K;
        for (let c = 0; c < C; c++) {
          const xc = (n * C + c) * H * W;
          for (let fy = 0; fy < FH; fy++) {
            const y = oy * stride - pad + fy;
            for (let fx = 0; fx < FW; fx++, o++) {
              const xx = ox * stride - pad + fx;
              col[o] = y >= 0 && y < H && xx >= 0 && xx < W ? x[xc + y * W + xx] : 0;
            }
          }
        }
      }
    }
  }
}

/** The book's col2im: every entry of col added back where im2col took it from (padding dropped). */
function col2im(x: Floats, col: Floats, g: ConvGeometry): void {
  const { N, C, H, W, FH, FW, stride, pad, OH, OW } = g;
  x.fill(0, 0, N * C * H * W);
  const K = C * FH * FW;
  for (let n = 0; n < N; n++) {
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++) {
        let o = ((n * OH + oy) * OW + ox) * K;
        for (let c = 0; c < C; c++) {
          const xc = (n * C + c) * H * W;
          for (let fy = 0; fy < FH; fy++) {
            const y = oy * stride - pad + fy;
            for (let fx = 0; fx < FW; fx++, o++) {
              const xx = ox * stride - pad + fx;
              if (y >= 0 && y < H && xx >= 0 && xx < W) x[xc + y * W + xx] += col[o];
            }
          }
        }
      }
    }
  }
}

/** Max pooling with the index of each maximum (the book's Pooling keeps `arg_max` of its im2col rows). */
function maxPool(out: Floats, arg: Int32Array, x: Floats, g: ConvGeometry): void {
  const { N, C, H, W, FH, FW, stride, pad, OH, OW } = g;
  let o = 0;
  for (let nc = 0; nc < N * C; nc++) {
    const xc = nc * H * W;
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++, o++) {
        let best = -Infinity;
        let at = -1;
        for (let fy = 0; fy < FH; fy++) {
          const y = oy * stride - pad + fy;
          for (let fx = 0; fx < FW; fx++) {
            const xx = ox * stride - pad + fx;
            const inside = y >= 0 && y < H && xx >= 0 && xx < W;
            const v = inside ? x[xc + y * W + xx] : 0;
            if (v > best) {
              best = v;
              at = inside ? xc + y * W + xx : -1;
            }
          }
        }
        out[o] = best;
        arg[o] = at;
      }
    }
  }
}

/** dx = 0, then each output's gradient goes to the input that was its maximum. */
function maxPoolBackward(dx: Floats, dout: Floats, arg: Int32Array, g: ConvGeometry): void {
  const xLen = g.N * g.C * g.H * g.W;
  const outLen = g.N * g.C * g.OH * g.OW;
  dx.fill(0, 0, xLen);
  for (let i = 0; i < outLen; i++) if (arg[i] >= 0) dx[arg[i]] += dout[i];
}

/** out[n, f, p] = rows[n·P + p, f] + bias[f]. */
function rowsToChannels(
  out: Floats,
  rows: Floats,
  bias: Floats | null,
  N: number,
  P: number,
  F: number,
): void {
  for (let n = 0; n < N; n++) {
    for (let f = 0; f < F; f++) {
      const bf = bias === null ? 0 : bias[f];
      const o = (n * F + f) * P;
      for (let p = 0; p < P; p++) out[o + p] = rows[(n * P + p) * F + f] + bf;
    }
  }
}

/** rows[n·P + p, f] = x[n, f, p]. */
function channelsToRows(rows: Floats, x: Floats, N: number, P: number, F: number): void {
  for (let n = 0; n < N; n++) {
    for (let f = 0; f < F; f++) {
      const o = (n * F + f) * P;
      for (let p = 0; p < P; p++) rows[(n * P + p) * F + f] = x[o + p];
    }
  }
}

/** dW (FN, K) = Σ_n dout_n · col_n, db (FN) = Σ_n,p dout: the convolution's filter gradients. */
function convWeightGrad(
  dW: Floats,
  db: Floats,
  dout: Floats,
  col: Floats,
  N: number,
  P: number,
  FN: number,
  K: number,
): void {
  dW.fill(0, 0, FN * K);
  db.fill(0, 0, FN);
  for (let n = 0; n < N; n++) {
    for (let f = 0; f < FN; f++) {
      const d = (n * FN + f) * P; // dout[n, f, :]
      for (let p = 0; p < P; p++) {
        const v = dout[d + p];
        db[f] += v;
        const c = (n * P + p) * K; // col row (n, p)
        for (let q = 0; q < K; q++) dW[f * K + q] += v * col[c + q];
      }
    }
  }
}

/** dcol (N·P, K): row (n, p) = Σ_f dout[n, f, p] · W[f, :]. */
function convColGrad(
  dcol: Floats,
  dout: Floats,
  W: Floats,
  N: number,
  P: number,
  FN: number,
  K: number,
): void {
  dcol.fill(0, 0, N * P * K);
  for (let n = 0; n < N; n++) {
    for (let f = 0; f < FN; f++) {
      const d = (n * FN + f) * P;
      for (let p = 0; p < P; p++) {
        const v = dout[d + p];
        const c = (n * P + p) * K;
        for (let q = 0; q < K; q++) dcol[c + q] += v * W[f * K + q];
      }
    }
  }
}

/** v / 255 for every uint8 value v, as float32, looked up rather than divided. */
export const PIXEL_SCALE = (() => {
  const t = new Float32Array(256);
  for (let v = 0; v < 256; v++) t[v] = v / 255;
  return t;
})();

/**
 * out = images indices[0..n) as CSR, values / 255. Each image's non-zeros sit side by side in
 * the source, so an image is two sequential runs to copy; only Uint16 → Int32 and uint8 → float
 * happen on the way.
 */
function gatherRows(out: CsrBatch, images: SparseImages, indices: Int32Array, n: number): void {
  const { rowPtr, colIdx, values } = out;
  // Locals, not property loads, inside the hot loop.
  const srcRowPtr = images.rowPtr;
  const srcColIdx = images.colIdx;
  const srcValues = images.values;
  const scale = PIXEL_SCALE;
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    rowPtr[i] = nnz;
    const img = indices[i];
    const end = srcRowPtr[img + 1];
    for (let e = srcRowPtr[img]; e < end; e++, nnz++) {
      colIdx[nnz] = srcColIdx[e];
      values[nnz] = scale[srcValues[e]];
    }
  }
  rowPtr[n] = nnz;
  out.n = n;
}

/** The plain TypeScript kernels: the readable reference; works on any Float32Array/Float64Array. */
export const tsKernels: Kernels = {
  name: 'ts',
  gatherRows,
  gemm,
  gemmAT,
  gemmBT,
  spmm,
  spmmPixels,
  spmmAT,
  colSum,
  axpy,
  relu,
  reluBackward,
  sigmoid,
  expSumRows,
  adam,
  convWeightGrad,
  convColGrad,
  im2col,
  col2im,
  maxPool,
  maxPoolBackward,
  rowsToChannels,
  channelsToRows,
};

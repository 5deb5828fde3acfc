// Dense element-wise kernels and column sums (see kernels.ts); the products are in gemm.ts.
import { madd } from './simd';

/** out (m) = Σ_i g[i,:]: the bias gradient db, row by row into out (which stays in cache). */
export function colSum(out: usize, g: usize, n: i32, m: i32): void {
  const rowBytes = <usize>m << 2;
  const full = <usize>(m >> 2) << 4; // bytes covered by whole vectors
  memory.fill(out, 0, rowBytes);
  for (let i = 0; i < n; i++) {
    const gi = g + <usize>i * rowBytes;
    for (let j: usize = 0; j < full; j += 16) v128.store(out + j, f32x4.add(v128.load(out + j), v128.load(gi + j)));
    for (let j = full; j < rowBytes; j += 4) store<f32>(out + j, load<f32>(out + j) + load<f32>(gi + j));
  }
}

/** y (len) += a · x (len): the SGD step W ← W - η·dW with a = -η. */
export function axpy(y: usize, a: f32, x: usize, len: i32): void {
  const s = f32x4.splat(a);
  const full = <usize>(len >> 2) << 4;
  for (let p: usize = 0; p < full; p += 16) v128.store(y + p, madd(v128.load(y + p), s, v128.load(x + p)));
  for (let p = full; p < (<usize>len << 2); p += 4) store<f32>(y + p, load<f32>(y + p) + a * load<f32>(x + p));
}

/** y (len) = max(0, x): ReLU forward. pmax(0, v) is 0 for NaN and -0, like the JS `v > 0 ? v : 0`. */
export function relu(y: usize, x: usize, len: i32): void {
  const z = f32x4.splat(0);
  const full = <usize>(len >> 2) << 4;
  for (let p: usize = 0; p < full; p += 16) v128.store(y + p, f32x4.pmax(z, v128.load(x + p)));
  for (let p = full; p < (<usize>len << 2); p += 4) {
    const v = load<f32>(x + p);
    store<f32>(y + p, v > 0 ? v : 0);
  }
}

/** dx (len) = dout where y > 0, else 0: ReLU backward from its output y (y > 0 exactly when x > 0). */
export function reluBackward(dx: usize, dout: usize, y: usize, len: i32): void {
  const z = f32x4.splat(0);
  const full = <usize>(len >> 2) << 4;
  for (let p: usize = 0; p < full; p += 16) {
    v128.store(dx + p, v128.and(v128.load(dout + p), f32x4.gt(v128.load(y + p), z)));
  }
  for (let p = full; p < (<usize>len << 2); p += 4) store<f32>(dx + p, load<f32>(y + p) > 0 ? load<f32>(dout + p) : 0);
}

// Small v128 helpers shared by the sparse and dense kernels (see kernels.ts for the conventions).

/** Stores the first `lanes` (1..4) lanes of v at p. */
// @ts-ignore: decorator
@inline export function storeLanes(p: usize, v: v128, lanes: i32): void {
  if (lanes >= 4) {
    v128.store(p, v);
  } else {
    store<f32>(p, f32x4.extract_lane(v, 0));
    if (lanes > 1) store<f32>(p, f32x4.extract_lane(v, 1), 4);
    if (lanes > 2) store<f32>(p, f32x4.extract_lane(v, 2), 8);
  }
}

/** acc + s * v, lane by lane (no fused multiply-add in baseline wasm SIMD). */
// @ts-ignore: decorator
@inline export function madd(acc: v128, s: v128, v: v128): v128 {
  return f32x4.add(acc, f32x4.mul(s, v));
}

/** The first vector of a strip: bias lanes, or zeros when there is no bias (bias == 0). */
// @ts-ignore: decorator
@inline export function initVec(bias: usize, off: usize): v128 {
  return bias != 0 ? v128.load(bias + off) : f32x4.splat(0);
}


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

/**
 * acc + s * v, lane by lane: a fused multiply-add (f32x4.relaxed_madd) in the relaxed-SIMD build,
 * a multiply then an add in baseline wasm SIMD (which has no fused multiply-add).
 */
// @ts-ignore: decorator
@inline export function madd(acc: v128, s: v128, v: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(s, v, acc);
  return f32x4.add(acc, f32x4.mul(s, v));
}

/** The first vector of a strip: bias lanes, or zeros when there is no bias (bias == 0). */
// @ts-ignore: decorator
@inline export function initVec(bias: usize, off: usize): v128 {
  return bias != 0 ? v128.load(bias + off) : f32x4.splat(0);
}


// @ts-ignore: decorator
@inline function transposeStore(o: usize, ostride: usize, r0: v128, r1: v128, r2: v128, r3: v128): void {
  // rows r0..r3 of a 4×4 block → its columns, stored at o, o + ostride, ...
  const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5);
  const t1 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
  const t2 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
  const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
  v128.store(o, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
  v128.store(o + ostride, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
  v128.store(o + 2 * ostride, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5));
  v128.store(o + 3 * ostride, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7));
}

/** dst (F, P) = src (P, F)ᵀ plus bias[f] on row f (bias == 0: none), in 4×4 blocks. */
export function transposeAdd(dst: usize, src: usize, P: i32, F: i32, bias: usize): void {
  const sRow = <usize>F << 2;
  const dRow = <usize>P << 2;
  let f = 0;
  for (; f + 4 <= F; f += 4) {
    const b = bias != 0 ? v128.load(bias + (<usize>f << 2)) : f32x4.splat(0);
    let p = 0;
    for (; p + 4 <= P; p += 4) {
      const s0 = src + <usize>p * sRow + (<usize>f << 2);
      transposeStore(
        dst + <usize>f * dRow + (<usize>p << 2),
        dRow,
        f32x4.add(v128.load(s0), b),
        f32x4.add(v128.load(s0 + sRow), b),
        f32x4.add(v128.load(s0 + 2 * sRow), b),
        f32x4.add(v128.load(s0 + 3 * sRow), b),
      );
    }
    for (; p < P; p++) {
      for (let j = 0; j < 4; j++) {
        const bf: f32 = bias != 0 ? load<f32>(bias + (<usize>(f + j) << 2)) : 0;
        store<f32>(dst + <usize>(f + j) * dRow + (<usize>p << 2), load<f32>(src + <usize>p * sRow + (<usize>(f + j) << 2)) + bf);
      }
    }
  }
  for (; f < F; f++) {
    const bf: f32 = bias != 0 ? load<f32>(bias + (<usize>f << 2)) : 0;
    for (let p = 0; p < P; p++) store<f32>(dst + <usize>f * dRow + (<usize>p << 2), load<f32>(src + <usize>p * sRow + (<usize>f << 2)) + bf);
  }
}


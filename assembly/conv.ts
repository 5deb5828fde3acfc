// Convolution and pooling helpers (see src/nn/kernels.ts for the contract; the TypeScript
// references are in src/nn/kernels-ts.ts). Geometry: x (N, C, H, W), window FH×FW, stride, pad,
// OH×OW windows. All addresses are bytes; float32 and int32 elements.
import { transposeAdd } from './simd';

/** col (N·OH·OW, C·FH·FW) from x: one row per window, 0 outside the image. */
export function im2col(col: usize, x: usize, N: i32, C: i32, H: i32, W: i32, FH: i32, FW: i32, stride: i32, pad: i32, OH: i32, OW: i32): void {
  let o = col;
  const plane = <usize>(H * W) << 2;
  for (let n = 0; n < N; n++) {
    const xn = x + <usize>(n * C) * plane;
    for (let oy = 0; oy < OH; oy++) {
      const y0 = oy * stride - pad;
      for (let ox = 0; ox < OW; ox++) {
        const x0 = ox * stride - pad;
        const inside = y0 >= 0 && x0 >= 0 && y0 + FH <= H && x0 + FW <= W;
        for (let c = 0; c < C; c++) {
          const xc = xn + <usize>c * plane;
          if (inside) {
            for (let fy = 0; fy < FH; fy++) {
              const src = xc + (<usize>((y0 + fy) * W + x0) << 2);
              let fx = 0;
              for (; fx + 4 <= FW; fx += 4) v128.store(o + (<usize>fx << 2), v128.load(src + (<usize>fx << 2)));
              for (; fx < FW; fx++) store<f32>(o + (<usize>fx << 2), load<f32>(src + (<usize>fx << 2)));
              o += <usize>FW << 2;
            }
          } else {
            for (let fy = 0; fy < FH; fy++) {
              const y = y0 + fy;
              const rowIn = y >= 0 && y < H;
              for (let fx = 0; fx < FW; fx++) {
                const xx = x0 + fx;
                store<f32>(o, rowIn && xx >= 0 && xx < W ? load<f32>(xc + (<usize>(y * W + xx) << 2)) : 0);
                o += 4;
              }
            }
          }
        }
      }
    }
  }
}

/** x (N, C, H, W) = Σ of every window's entries of col put back in place (padding dropped). */
export function col2im(x: usize, col: usize, N: i32, C: i32, H: i32, W: i32, FH: i32, FW: i32, stride: i32, pad: i32, OH: i32, OW: i32): void {
  memory.fill(x, 0, <usize>(N * C * H * W) << 2);
  let o = col;
  const plane = <usize>(H * W) << 2;
  for (let n = 0; n < N; n++) {
    const xn = x + <usize>(n * C) * plane;
    for (let oy = 0; oy < OH; oy++) {
      const y0 = oy * stride - pad;
      for (let ox = 0; ox < OW; ox++) {
        const x0 = ox * stride - pad;
        for (let c = 0; c < C; c++) {
          const xc = xn + <usize>c * plane;
          for (let fy = 0; fy < FH; fy++) {
            const y = y0 + fy;
            const rowIn = y >= 0 && y < H;
            for (let fx = 0; fx < FW; fx++) {
              const xx = x0 + fx;
              if (rowIn && xx >= 0 && xx < W) {
                const p = xc + (<usize>(y * W + xx) << 2);
                store<f32>(p, load<f32>(p) + load<f32>(o));
              }
              o += 4;
            }
          }
        }
      }
    }
  }
}

/** out (N, C, OH, OW) = window maxima (padding is 0); arg = index into x of the first maximum, -1 for padding. */
export function maxPool(out: usize, arg: usize, x: usize, N: i32, C: i32, H: i32, W: i32, FH: i32, FW: i32, stride: i32, pad: i32, OH: i32, OW: i32): void {
  if (pad == 0 && FH == 2 && FW == 2) {
    maxPool2(out, arg, x, N * C, H, W, stride, OH, OW);
    return;
  }
  let o: usize = 0;
  for (let nc = 0; nc < N * C; nc++) {
    const xc = nc * H * W;
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++) {
        let best: f32 = -Infinity;
        let at = -1;
        for (let fy = 0; fy < FH; fy++) {
          const y = oy * stride - pad + fy;
          for (let fx = 0; fx < FW; fx++) {
            const xx = ox * stride - pad + fx;
            const inside = y >= 0 && y < H && xx >= 0 && xx < W;
            const i = xc + y * W + xx;
            let v: f32 = 0;
            if (inside) v = load<f32>(x + (<usize>i << 2));
            if (v > best) {
              best = v;
              at = inside ? i : -1;
            }
          }
        }
        store<f32>(out + o, best);
        store<i32>(arg + o, at);
        o += 4;
      }
    }
  }
}

/** 2×2 windows without padding (every window inside the image): the SimpleConvNet case. */
function maxPool2(out: usize, arg: usize, x: usize, NC: i32, H: i32, W: i32, stride: i32, OH: i32, OW: i32): void {
  let o: usize = 0;
  for (let nc = 0; nc < NC; nc++) {
    const xc = nc * H * W;
    for (let oy = 0; oy < OH; oy++) {
      let i = xc + oy * stride * W;
      let ox = 0;
      if (stride == 2) {
        // 4 windows at once: rows y and y+1, 8 columns each, split into even and odd columns.
        const w = <usize>W << 2;
        for (; ox + 4 <= OW; ox += 4) {
          const p = x + (<usize>i << 2);
          const r0 = v128.load(p), r1 = v128.load(p, 16);
          const q0 = v128.load(p + w), q1 = v128.load(p + w, 16);
          const a = v128.shuffle<f32>(r0, r1, 0, 2, 4, 6);
          const b = v128.shuffle<f32>(r0, r1, 1, 3, 5, 7);
          const c = v128.shuffle<f32>(q0, q1, 0, 2, 4, 6);
          const d = v128.shuffle<f32>(q0, q1, 1, 3, 5, 7);
          const base = i32x4.add(i32x4.splat(i), i32x4(0, 2, 4, 6));
          // first maximum in (fy, fx) order: a later entry wins only when strictly greater
          let best = a;
          let at = base;
          let m = f32x4.gt(b, best);
          best = v128.bitselect(b, best, m);
          at = v128.bitselect(i32x4.add(base, i32x4.splat(1)), at, m);
          m = f32x4.gt(c, best);
          best = v128.bitselect(c, best, m);
          at = v128.bitselect(i32x4.add(base, i32x4.splat(W)), at, m);
          m = f32x4.gt(d, best);
          best = v128.bitselect(d, best, m);
          at = v128.bitselect(i32x4.add(base, i32x4.splat(W + 1)), at, m);
          v128.store(out + o, best);
          v128.store(arg + o, at);
          o += 16;
          i += 8;
        }
      }
      for (; ox < OW; ox++) {
        const p = x + (<usize>i << 2);
        const w = <usize>W << 2;
        // First maximum in (fy, fx) order: later entries win only when strictly greater.
        let best = load<f32>(p);
        let at = i;
        const v1 = load<f32>(p, 4);
        if (v1 > best) { best = v1; at = i + 1; }
        const v2 = load<f32>(p + w);
        if (v2 > best) { best = v2; at = i + W; }
        const v3 = load<f32>(p + w, 4);
        if (v3 > best) { best = v3; at = i + W + 1; }
        store<f32>(out + o, best);
        store<i32>(arg + o, at);
        o += 4;
        i += stride;
      }
    }
  }
}

/**
 * dx (N, C, H, W) = 0, then dx[arg[i]] += dout[i]; indices outside dx (padding: -1) are skipped.
 * 2×2 windows of stride 2 that tile the image exactly (SimpleConvNet's, DeepConvNet's) write each
 * window's four entries at once instead: dout where arg points, 0 at the other three.
 */
export function maxPoolBackward(dx: usize, dout: usize, arg: usize, N: i32, C: i32, H: i32, W: i32, FH: i32, FW: i32, stride: i32, pad: i32, OH: i32, OW: i32): void {
  if (FH == 2 && FW == 2 && stride == 2 && pad == 0 && H == 2 * OH && W == 2 * OW) {
    maxPoolBackward2(dx, dout, arg, N * C, W, OH, OW);
    return;
  }
  const xLen = N * C * H * W;
  const outLen = N * C * OH * OW;
  memory.fill(dx, 0, <usize>xLen << 2);
  for (let i = 0; i < outLen; i++) {
    const a = load<i32>(arg + (<usize>i << 2));
    if (<u32>a < <u32>xLen) {
      const p = dx + (<usize>a << 2);
      store<f32>(p, load<f32>(p) + load<f32>(dout + (<usize>i << 2)));
    }
  }
}

/** maxPoolBackward for 2×2 windows of stride 2 covering the W = 2·OW wide planes exactly. */
function maxPoolBackward2(dx: usize, dout: usize, arg: usize, NC: i32, W: i32, OH: i32, OW: i32): void {
  const w = <usize>W << 2;
  let o: usize = 0;
  for (let nc = 0; nc < NC; nc++) {
    for (let oy = 0; oy < OH; oy++) {
      let i = (nc * OH * 2 + oy * 2) * W;
      let ox = 0;
      for (; ox + 4 <= OW; ox += 4) {
        const at = v128.load(arg + o);
        const d = v128.load(dout + o);
        const base = i32x4.add(i32x4.splat(i), i32x4(0, 2, 4, 6));
        const a = v128.and(d, i32x4.eq(at, base));
        const b = v128.and(d, i32x4.eq(at, i32x4.add(base, i32x4.splat(1))));
        const c = v128.and(d, i32x4.eq(at, i32x4.add(base, i32x4.splat(W))));
        const e = v128.and(d, i32x4.eq(at, i32x4.add(base, i32x4.splat(W + 1))));
        const p = dx + (<usize>i << 2);
        v128.store(p, v128.shuffle<f32>(a, b, 0, 4, 1, 5));
        v128.store(p, v128.shuffle<f32>(a, b, 2, 6, 3, 7), 16);
        v128.store(p + w, v128.shuffle<f32>(c, e, 0, 4, 1, 5));
        v128.store(p + w, v128.shuffle<f32>(c, e, 2, 6, 3, 7), 16);
        o += 16;
        i += 8;
      }
      for (; ox < OW; ox++) {
        const at = load<i32>(arg + o);
        const d = load<f32>(dout + o);
        const p = dx + (<usize>i << 2);
        store<f32>(p, at == i ? d : 0);
        store<f32>(p, at == i + 1 ? d : 0, 4);
        store<f32>(p + w, at == i + W ? d : 0);
        store<f32>(p + w, at == i + W + 1 ? d : 0, 4);
        o += 4;
        i += 2;
      }
    }
  }
}

/** out[n, f, p] = rows[n·P + p, f] + bias[f] (bias == 0: none). */
export function rowsToChannels(out: usize, rows: usize, bias: usize, N: i32, P: i32, F: i32): void {
  const img = <usize>(P * F) << 2;
  for (let n = 0; n < N; n++) transposeAdd(out + <usize>n * img, rows + <usize>n * img, P, F, bias);
}

/** rows[n·P + p, f] = x[n, f, p]. */
export function channelsToRows(rows: usize, x: usize, N: i32, P: i32, F: i32): void {
  const img = <usize>(P * F) << 2;
  for (let n = 0; n < N; n++) transposeAdd(rows + <usize>n * img, x + <usize>n * img, F, P, 0);
}

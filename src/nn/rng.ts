/**
 * A seeded random number generator, so a run's seed fixes its initial weights, its batch order
 * and its dropout masks (NumPy's `np.random.seed` plays this part in the book).
 *
 * xoshiro128** (Blackman & Vigna): four 32-bit words of state, fast, statistically sound for
 * simulations; seeded through splitmix32 so that nearby seeds give unrelated streams.
 */

/** splitmix32: scrambles a 32-bit seed into well-mixed state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A seeded xoshiro128** generator: uniform floats, Gaussian normals (Box-Muller), integers. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** Box-Muller makes normals in pairs; the second one waits here. */
  private spare = 0;
  private hasSpare = false;

  /** `stream` picks an independent sequence for the same seed (e.g. 0 = init, 1 = batches). */
  constructor(seed: number, stream = 0) {
    const st = { s: (seed ^ Math.imul(stream, 0x27d4eb2f)) | 0 };
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1; // the all-zero state is a fixed point
  }

  /** The next raw 32-bit unsigned integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Standard normal N(0, 1) by Box-Muller: sqrt(-2 ln u1) · (cos, sin)(2π u2). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u1 = 1 - this.next(); // in (0, 1]: log(0) never happens
    const u2 = this.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spare = r * Math.sin(2 * Math.PI * u2);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * u2);
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/nn';

describe('Rng', () => {
  it('same seed → same sequence; different seed or stream → different', () => {
    const draw = (r: Rng) => Array.from({ length: 20 }, () => r.next());
    expect(draw(new Rng(5))).toEqual(draw(new Rng(5)));
    expect(draw(new Rng(5))).not.toEqual(draw(new Rng(6)));
    expect(draw(new Rng(5, 0))).not.toEqual(draw(new Rng(5, 1)));
  });
  it('next() is uniform in [0, 1), int(n) covers 0..n-1 evenly', () => {
    const r = new Rng(1);
    const counts = new Array(10).fill(0);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = r.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      counts[r.int(10)]++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
  it('normal() has mean 0 and variance 1', () => {
    const r = new Rng(2);
    let s = 0;
    let sq = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      sq += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.01);
  });
});

/**
 * Round ticks for the charts' linear axes, worked out here from the drawn rows instead of by
 * recharts' "nice ticks", which runs decimal.js arithmetic on every redraw: an axis whose domain
 * and ticks are given is only mapped, so a redraw costs a few additions instead.
 */
import type { ChartRow } from './chartData';

/** A linear axis: its domain and its tick values. */
export interface LinearAxis {
  domain: [number, number];
  ticks: number[];
}

/** The smallest step of 1, 2, 2.5 or 5 x 10^k that is at least `raw` (raw > 0). */
export function niceStep(raw: number): number {
  const decade = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * decade >= raw * (1 - 1e-9)) return m * decade;
  return 10 * decade;
}

/**
 * About `count` round ticks from `low` to `high`; the domain is widened to the outer ticks, so the
 * axis ends on a round number past the data. An empty range (one value) gets one step of room.
 */
export function linearTicks(low: number, high: number, count = 5): LinearAxis {
  if (!Number.isFinite(low) || !Number.isFinite(high))
    return { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
  if (high <= low) high = low === 0 ? 1 : low + Math.abs(low);
  const step = niceStep((high - low) / Math.max(1, count - 1));
  const from = Math.floor(low / step + 1e-9);
  const to = Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  for (let k = from; k <= to; k++) ticks.push(Number((k * step).toPrecision(12)));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** The largest value of `keys` in `rows` (rows hold numbers under the series keys), or -Infinity. */
export function rowsMax(rows: readonly ChartRow[], keys: readonly string[]): number {
  let max = -Infinity;
  for (const row of rows) {
    for (const key of keys) {
      const v = row[key];
      if (v !== undefined && v > max) max = v;
    }
  }
  return max;
}

/**
 * The rows of the "gradient magnitude per layer" chart: one row per evaluation point that carries
 * gradient norms, x in epochs (as the accuracy chart counts them), one value per weight layer.
 */
import { epochOf, evaluationStride, type ChartRow } from '../charts/chartData';
import type { EpochMetrics } from '../../shared/runs';

/** One layer's line: its key in the rows (W1, W2, ...) and its first and latest drawn point. */
export interface GradientLayer {
  name: string;
  first: { x: number; y: number };
  last: { x: number; y: number };
}

export interface GradientSeries {
  rows: ChartRow[];
  layers: GradientLayer[];
  /** The log axis: whole decades around the drawn values, and ticks at 1, 2 and 5 of each decade. */
  domain: [number, number];
  ticks: number[];
}

/**
 * Rows for the chart from a run's evaluation points. Only positive finite norms are drawn (the y
 * axis is logarithmic); points without norms (an imported run's, or an old run's) are skipped.
 * Past MAX_DRAWN_POINTS evaluations every `stride`-th is drawn, always including the latest.
 */
export function gradientSeries(epochs: readonly EpochMetrics[], iterationsPerEpoch: number): GradientSeries {
  const measured = epochs.filter((e) => e.gradientNorms && e.gradientNorms.length > 0);
  const stride = evaluationStride(measured.length);
  const drawn = measured.filter((_, i) => i % stride === 0 || i === measured.length - 1);
  const rows: ChartRow[] = [];
  const layers: GradientLayer[] = [];
  for (const e of drawn) {
    const x = epochOf(e, iterationsPerEpoch);
    const row = { x } as ChartRow;
    e.gradientNorms!.forEach((y, l) => {
      if (!(Number.isFinite(y) && y > 0)) return;
      const name = `W${l + 1}`;
      row[name] = y;
      const layer = layers[l];
      if (layer) layer.last = { x, y };
      else layers[l] = { name, first: { x, y }, last: { x, y } };
    });
    rows.push(row);
  }
  // A layer that never had a drawable value leaves a hole: keep the others in order.
  const values = rows.flatMap((r) => Object.values(r).slice(1) as number[]);
  return { rows, layers: layers.filter((l) => l !== undefined), ...logAxis(values) };
}

/**
 * Whole decades around `values` (0.43 and 0.46 -> 0.1 to 1), so the chart keeps a log scale's
 * meaning however close the values are; ticks at 1, 2 and 5 of each decade, or only the decades
 * when the axis spans more than three.
 */
export function logAxis(values: readonly number[]): { domain: [number, number]; ticks: number[] } {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  if (positive.length === 0) return { domain: [0.1, 1], ticks: [0.1, 0.2, 0.5, 1] };
  const low = Math.floor(Math.log10(Math.min(...positive)));
  let high = Math.ceil(Math.log10(Math.max(...positive)));
  if (high === low) high++;
  const steps = high - low > 3 ? [1] : [1, 2, 5];
  const ticks: number[] = [];
  for (let d = low; d <= high; d++)
    for (const m of steps) if (d < high || m === 1) ticks.push(Number((m * 10 ** d).toPrecision(1)));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

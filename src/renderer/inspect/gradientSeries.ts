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
  return { rows, layers: layers.filter((l) => l !== undefined) };
}

/**
 * "Gradient magnitude per layer": ‖dW_l‖₂ of every weight layer at each evaluation point, one line
 * per layer on a log scale, so vanishing (early layers falling by decades) or exploding gradients
 * show. The worker measures them while it trains (EpochMetrics.gradientNorms); imported and old
 * runs have none, and then a line says why instead of an empty chart.
 */
import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatValue } from '../charts/chartData';
import { Plot, type PlotSeries } from '../charts/Plot';
import { RUN_PALETTE } from '../store/runsSlice';
import { GRADIENT_SAMPLE_EVERY, type EpochMetrics } from '../../shared/runs';
import { gradientSeries } from './gradientSeries';

export interface GradientNormChartProps {
  /** The run's evaluation points, as the store holds them (new ones arrive while it trains). */
  epochs: readonly EpochMetrics[];
  /** Iterations per epoch, to place points in epochs (0: by evaluation number). */
  iterationsPerEpoch: number;
  /** The run may still produce points (starting, training or paused). */
  live: boolean;
}

/** The chart region with its legend and text summary, or the line saying why there is no chart. */
export const GradientNormChart = memo(function GradientNormChart({
  epochs,
  iterationsPerEpoch,
  live,
}: GradientNormChartProps) {
  const { t } = useTranslation();
  const { rows, layers, domain, ticks } = useMemo(
    () => gradientSeries(epochs, iterationsPerEpoch),
    [epochs, iterationsPerEpoch],
  );
  const series = useMemo(
    () =>
      layers.map((layer, i): PlotSeries => ({
        key: layer.name,
        name: layer.name,
        color: RUN_PALETTE[i % RUN_PALETTE.length],
        dot: rows.length <= 60 ? { r: 2 } : false,
      })),
    [layers, rows.length],
  );
  // Norms can span decades (vanishing gradients): a log axis over whole decades (gradientSeries).
  const yAxis = useMemo(
    () => ({ scale: 'log' as const, domain, ticks, tickFormatter: (v: number) => formatValue(v) }),
    [domain, ticks],
  );
  const labelFormatter = useCallback((x: unknown) => t('weights.gradient.epoch', { epoch: String(x) }), [t]);
  const title = t('weights.gradient.title');

  // One region either way, so a screen reader finds it; without data a line says why.
  return (
    <section className="inspect-gradients" aria-label={title}>
      <h4>{title}</h4>
      {layers.length === 0 ? (
        <p className="inspect-muted">{t(live ? 'weights.gradient.waiting' : 'weights.gradient.none')}</p>
      ) : (
        <>
          <p className="inspect-muted">{t('weights.gradient.measure', { every: GRADIENT_SAMPLE_EVERY })}</p>
          <Plot rows={rows} series={series} yAxis={yAxis} labelFormatter={labelFormatter} />
          <ul className="chart__legend" aria-label={t('weights.gradient.legend')}>
            {series.map((s) => (
              <li key={s.key} className="chart__legend-item">
                <span
                  className="chart__swatch"
                  style={{ borderColor: s.color, backgroundColor: s.color }}
                  aria-hidden="true"
                />
                {s.name}
              </li>
            ))}
          </ul>
          <div className="sr-only">
            {layers.map((layer) => (
              <p key={layer.name}>
                {t('weights.gradient.summary', {
                  layer: layer.name,
                  value: formatValue(layer.last.y),
                  epoch: layer.last.x,
                  first: formatValue(layer.first.y),
                  firstEpoch: layer.first.x,
                })}
              </p>
            ))}
          </div>
        </>
      )}
    </section>
  );
});

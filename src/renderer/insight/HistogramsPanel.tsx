/**
 * Activation and weight histograms over training (the book's §6.2 view, for the real run): one
 * row per hidden layer (its outputs on 500 fixed test images) and per weight layer, one column per
 * evaluation point (at most COLUMNS, evenly spaced, the latest always last), each a small bar
 * chart on its own range. ReLU rows say which share of their units is dead (never above 0).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistogramData } from '../../shared/explain';
import type { EpochMetrics } from '../../shared/runs';
import './insight.css';

export interface HistogramsPanelProps {
  /** The run's evaluation points; those with histograms are shown. */
  epochs: readonly EpochMetrics[];
}

const COLUMNS = 8;
const W = 90;
const H = 36;

/** At most `max` of `items`, evenly spaced, always with the first and the last. */
export function evenlySpaced<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const picked = new Set<number>();
  for (let k = 0; k < max; k++) picked.add(Math.round((k * (items.length - 1)) / (max - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => items[i]);
}

const short = (v: number) => (Math.abs(v) >= 100 || v === 0 ? v.toFixed(0) : v.toPrecision(2));

/** One histogram as bars, tallest bar full height. */
function Bars({ histogram, label }: { histogram: HistogramData; label: string }) {
  const top = Math.max(1, ...histogram.counts);
  const bw = W / Math.max(1, histogram.counts.length);
  return (
    <div className="insight-hist-cell">
      <svg width={W} height={H} role="img" aria-label={label}>
        {histogram.counts.map((c, i) => (
          <rect
            key={i}
            x={i * bw}
            width={Math.max(0.5, bw - 0.5)}
            y={H - (c / top) * H}
            height={(c / top) * H}
            fill="currentColor"
            opacity={0.75}
          />
        ))}
      </svg>
      <span className="insight-hist-range" aria-hidden="true">
        <span>{short(histogram.min)}</span>
        <span>{short(histogram.max)}</span>
      </span>
    </div>
  );
}

export function HistogramsPanel({ epochs }: HistogramsPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const points = evenlySpaced(
    epochs.filter((e) => e.histograms !== undefined),
    COLUMNS,
  );
  const latest = points[points.length - 1]?.histograms;
  const pct = (share: number) => (share * 100).toFixed(1);
  return (
    <section className="inspect-panel insight-histograms" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('insight.histograms.title')}</h3>
      {!latest ? (
        <p className="inspect-hint">{t('insight.histograms.none')}</p>
      ) : (
        <>
          <p className="inspect-muted">{t('insight.histograms.about')}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('insight.histograms.layer')}</th>
                {points.map((p) => (
                  <th key={p.epoch} scope="col">
                    {t('insight.histograms.iteration', { iteration: p.iteration })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {latest.activations.map((a, l) => (
                <tr key={`a${a.name}`}>
                  <th scope="row">
                    {t('insight.histograms.activations', { name: a.name })}
                    {a.deadShare !== null ? (
                      <div className="insight-dead">
                        {t('insight.histograms.dead', { percent: pct(a.deadShare) })}
                      </div>
                    ) : null}
                  </th>
                  {points.map((p) => {
                    const cell = p.histograms!.activations[l];
                    if (!cell) return <td key={p.epoch} />;
                    const label = t('insight.histograms.cell', {
                      name: cell.name,
                      iteration: p.iteration,
                      min: short(cell.histogram.min),
                      max: short(cell.histogram.max),
                    });
                    return (
                      <td key={p.epoch}>
                        <Bars histogram={cell.histogram} label={label} />
                        {cell.deadShare !== null ? (
                          <span className="inspect-muted">
                            {t('insight.histograms.deadCell', { percent: pct(cell.deadShare) })}
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
              {latest.weights.map((w, l) => (
                <tr key={`w${w.name}`}>
                  <th scope="row">{t('insight.histograms.weights', { name: w.name })}</th>
                  {points.map((p) => {
                    const cell = p.histograms!.weights[l];
                    if (!cell) return <td key={p.epoch} />;
                    const label = t('insight.histograms.cell', {
                      name: cell.name,
                      iteration: p.iteration,
                      min: short(cell.histogram.min),
                      max: short(cell.histogram.max),
                    });
                    return (
                      <td key={p.epoch}>
                        <Bars histogram={cell.histogram} label={label} />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

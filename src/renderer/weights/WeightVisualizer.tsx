/**
 * Looking inside the weights: W1 as one 28x28 picture per hidden unit, later layers as heatmaps,
 * a histogram per weight matrix, and each layer's gradient norm over training. Live while the run
 * trains (weights polled, gradient norms as evaluation points arrive), once otherwise.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../shared/api';
import { LIVE_STATES, type EpochMetrics, type RunSummary } from '../../shared/runs';
import { maxAbs } from '../common/colormap';
import { FilterView } from './FilterView';
import { GradientNormChart } from './GradientNormChart';
import { TileDialog } from './TileDialog';
import { WeightHeatmap } from './WeightHeatmap';
import { WeightHistogram } from './WeightHistogram';
import { firstLayerTiles, laterWeightMatrices, weightTensors } from './weightLayout';
import { useTileName, WeightTiles } from './WeightTiles';
import { useWeights } from './useWeights';
import { localizeMessage } from '../i18n/messages';
import '../common/inspect.css';
import './weights.css';

export interface WeightVisualizerProps {
  lab: Pick<LabApi, 'getWeights' | 'initialWeights'>;
  /** All runs (the shown run's state and iteration are read from here). */
  runs: readonly RunSummary[];
  /** The run whose weights are shown. */
  runId: string | null;
  /** Polling interval while the run trains, in ms. */
  pollMs?: number;
  /** Displayed side of a W1 tile in CSS pixels. */
  tileSize?: number;
  /** The run's evaluation points (from the store): given, they draw the gradient-norm chart. */
  epochs?: readonly EpochMetrics[];
}

/** First-layer tiles, later-layer heatmaps and weight histograms of one run. */
export function WeightVisualizer({
  lab,
  runs,
  runId,
  pollMs = 1500,
  tileSize = 56,
  epochs,
}: WeightVisualizerProps) {
  const { t } = useTranslation();
  const run = runs.find((r) => r.id === runId);
  const { weights, error, loading } = useWeights(lab, runId, run?.state, run?.iteration ?? 0, pollMs);
  const [hover, setHover] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  const w1 = weights?.find((w) => w.name === 'W1') ?? null;
  const tiles = useMemo(() => (w1 ? firstLayerTiles(w1) : null), [w1]);
  const scale = useMemo(() => (w1 ? maxAbs(w1.data) : 0), [w1]);
  const later = useMemo(() => (weights ? laterWeightMatrices(weights) : []), [weights]);
  const histograms = useMemo(() => (weights ? weightTensors(weights) : []), [weights]);
  const tileName = useTileName(tiles?.kind ?? 'unit');
  const live = run?.state === 'training' || run?.state === 'starting';

  return (
    <section className="inspect-panel inspect-weights" aria-label={t('weights.title')}>
      <h3>{t('weights.title')}</h3>
      {!runId ? <p className="inspect-hint">{t('weights.none')}</p> : null}
      {loading ? <p className="inspect-muted">{t('weights.loading')}</p> : null}
      {error ? (
        <p className="inspect-error" role="alert">
          {t('weights.error', { message: localizeMessage(error, t) })}
        </p>
      ) : null}
      {live && weights ? <p className="inspect-muted">{t('weights.live')}</p> : null}
      {weights ? (
        <p className="inspect-readout" aria-live="off">
          {hover ?? '\u00a0'}
        </p>
      ) : null}
      {weights && !tiles ? <p className="inspect-muted">{t('weights.unsupported')}</p> : null}
      {tiles?.kind === 'filter' && w1 && runId ? (
        <FilterView
          lab={lab}
          runId={runId}
          iteration={run?.iteration ?? 0}
          w1={w1}
          tileSize={tileSize}
          onHover={setHover}
        />
      ) : tiles ? (
        <>
          <h4>{t('weights.firstLayer')}</h4>
          <p className="inspect-muted">
            {t('weights.scale', { max: scale.toPrecision(3) })} · {t('weights.hint')}
          </p>
          <WeightTiles tiles={tiles} scale={scale} tileSize={tileSize} onHover={setHover} onOpen={setOpen} />
        </>
      ) : null}
      {later.length > 0 ? (
        <div className="inspect-heatmaps">
          {later.map((w) => (
            <WeightHeatmap key={w.name} tensor={w} onHover={setHover} />
          ))}
        </div>
      ) : null}
      {histograms.length > 0 ? (
        <div className="inspect-histograms">
          {histograms.map((w) => (
            <WeightHistogram key={w.name} tensor={w} />
          ))}
        </div>
      ) : null}
      {runId && epochs ? (
        <GradientNormChart
          epochs={epochs}
          iterationsPerEpoch={run?.iterationsPerEpoch ?? 0}
          live={!!run && LIVE_STATES.includes(run.state)}
        />
      ) : null}
      {tiles && open !== null && open < tiles.count ? (
        <TileDialog
          tiles={tiles}
          index={open}
          name={tileName(open)}
          scale={scale}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}

/**
 * The hidden-layer map: one hidden layer's outputs for the first 2,000 test images, projected to
 * 2-D by PCA in the run's evaluator, as a scatter coloured by label; the drawn digit is the star.
 * It is asked again at every evaluation point while the run trains, so the classes can be watched
 * pulling apart. Hover (or the arrow keys) shows an image and its prediction; click (or Enter)
 * opens it beside the map. On demand, a t-SNE of the same images at the current iteration, in a Web
 * Worker (useTsne.ts), shown on the same canvas with the same pointing until the user goes back.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../shared/api';
import type { HiddenMap } from '../../shared/explain';
import { MnistImage } from '../common/MnistImage';
import { context2d } from '../common/paint';
import { percent } from '../common/prediction';
import { localizeMessage } from '../i18n/messages';
import { CLASS_COLOURS, frameFor, nearestPoint, paintScatter } from './scatter';
import { TsneBar } from './TsneBar';
import { useHiddenMap } from './useHiddenMap';
import { useTsne, type TsneRunner } from './useTsne';
import './insight.css';

export interface HiddenMapPanelProps {
  lab: Pick<LabApi, 'hiddenMap' | 'sampleImages'>;
  runId: string | null;
  /** The drawn digit (784 MNIST pixels), shown as the star; null when nothing is drawn. */
  pixels: Uint8Array | null;
  /** Changes at every evaluation point of the run (and its state): the map is asked again. */
  version: unknown;
  /** Where the t-SNE runs (left out: its Web Worker). */
  tsneRunner?: TsneRunner;
}

const SIZE = 360;

/** A test image's pixels, fetched once each. */
function useTestImage(lab: Pick<LabApi, 'sampleImages'>, index: number): Uint8Array | null {
  const cache = useRef(new Map<number, Uint8Array>());
  const [, setTick] = useState(0);
  useEffect(() => {
    if (index < 0 || cache.current.has(index)) return;
    let live = true;
    lab.sampleImages('test', index, 1).then(
      (s) => {
        cache.current.set(index, s.pixels.slice(0, 784));
        if (live) setTick((t) => t + 1);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [lab, index]);
  return index >= 0 ? (cache.current.get(index) ?? null) : null;
}

/** One image's line: its index, label and prediction. */
function PointText({ map, index }: { map: HiddenMap; index: number }) {
  const { t } = useTranslation();
  return (
    <>
      {t('insight.map.point', {
        index,
        label: map.labels[index],
        prediction: map.predictions[index],
        percent: percent(map.confidences[index]),
      })}
    </>
  );
}

export function HiddenMapPanel({ lab, runId, pixels, version, tsneRunner }: HiddenMapPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const [layer, setLayer] = useState(0);
  const [hovered, setHovered] = useState(-1);
  const [opened, setOpened] = useState(-1);
  const [mappedRun, setMappedRun] = useState(runId);
  if (runId !== mappedRun) {
    // Another run (perhaps with fewer hidden layers): start again from its first layer.
    setMappedRun(runId);
    setLayer(0);
    setHovered(-1);
    setOpened(-1);
  }
  const live = useHiddenMap(lab, runId, layer, pixels, version);
  const tsne = useTsne(lab, runId, layer, tsneRunner);
  const { error, busy } = live;
  // What the canvas shows: the t-SNE once there is one, else the live PCA map (with the drawing).
  const placed = tsne.state.phase === 'done' ? tsne.state.map : null;
  const map = placed ?? live.map;
  const drawn = !placed && pixels ? (map?.drawn ?? null) : null;
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useMemo(() => (map ? frameFor(map.points, drawn, SIZE) : null), [map, drawn]);
  const hoveredImage = useTestImage(lab, hovered);
  const openedImage = useTestImage(lab, opened);
  const count = map ? map.labels.length : 0;

  useEffect(() => {
    const ctx = context2d(canvas.current);
    if (!ctx || !map || !frame) return;
    paintScatter(ctx, frame, map.points, map.labels, drawn, hovered);
  }, [map, frame, hovered, drawn]);

  const pointAt = (e: MouseEvent<HTMLCanvasElement>) => {
    if (!map || !frame) return -1;
    const r = e.currentTarget.getBoundingClientRect();
    const sx = SIZE / (r.width || SIZE);
    return nearestPoint(map.points, frame, (e.clientX - r.left) * sx, (e.clientY - r.top) * sx);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!count) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') setHovered((h) => (h + 1) % count);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') setHovered((h) => (h <= 0 ? count - 1 : h - 1));
    else if (e.key === 'Enter' && hovered >= 0) setOpened(hovered);
    else if (e.key === 'Escape') setOpened(-1);
    else return;
    e.preventDefault();
  };

  if (!runId) return null;
  return (
    <section className="inspect-panel insight-map" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('insight.map.title')}</h3>
      <div className="insight-map-controls">
        <label htmlFor={`${id}-layer`}>{t('insight.map.layer')}</label>
        <select id={`${id}-layer`} value={layer} onChange={(e) => setLayer(Number(e.target.value))}>
          {(map?.layers ?? [{ name: '…', width: 0 }]).map((l, i) => (
            <option key={i} value={i}>
              {map ? t('insight.map.layerOption', { name: l.name, width: l.width }) : l.name}
            </option>
          ))}
        </select>
        <span className="inspect-muted" aria-live="polite">
          {busy ? t('insight.map.computing') : ''}
        </span>
      </div>
      {error ? (
        <p className="inspect-error" role="alert">
          {t('insight.map.error', { message: localizeMessage(error, t) })}
        </p>
      ) : null}
      {live.map ? <TsneBar tsne={tsne} drawing={pixels !== null} /> : null}
      {map ? (
        <>
          {placed ? null : (
            <p className="inspect-muted">
              {t('insight.map.variance', {
                count,
                first: (map.explainedVarianceRatio[0] * 100).toFixed(1),
                second: (map.explainedVarianceRatio[1] * 100).toFixed(1),
                iteration: map.iteration,
              })}
            </p>
          )}
          <div className="insight-map-row">
            <canvas
              ref={canvas}
              className="insight-map-canvas"
              width={SIZE}
              height={SIZE}
              tabIndex={0}
              role="img"
              aria-label={t(placed ? 'insight.tsne.canvas' : 'insight.map.canvas', { count })}
              aria-describedby={`${id}-keys`}
              onMouseMove={(e) => setHovered(pointAt(e))}
              onMouseLeave={() => setHovered(-1)}
              onClick={(e) => {
                const i = pointAt(e);
                if (i >= 0) setOpened(i);
              }}
              onKeyDown={onKeyDown}
            />
            <div className="insight-map-side">
              <ul className="insight-map-legend" aria-label={t('insight.map.legend')}>
                {CLASS_COLOURS.map((c, digit) => (
                  <li key={digit}>
                    <span className="insight-swatch" style={{ background: c }} aria-hidden="true" />
                    {digit}
                  </li>
                ))}
                {drawn ? <li>★ {t('insight.map.drawn')}</li> : null}
              </ul>
              <div className="insight-map-hover" aria-live="polite">
                {hovered >= 0 ? (
                  <>
                    <MnistImage pixels={hoveredImage} size={56} />
                    <p>
                      <PointText map={map} index={hovered} />
                    </p>
                  </>
                ) : null}
              </div>
              {opened >= 0 ? (
                <figure
                  className="insight-map-opened"
                  aria-label={t('insight.map.opened', { index: opened })}
                >
                  <MnistImage
                    pixels={openedImage}
                    size={112}
                    label={t('insight.map.opened', { index: opened })}
                  />
                  <figcaption>
                    <PointText map={map} index={opened} />
                  </figcaption>
                  <button type="button" onClick={() => setOpened(-1)}>
                    {t('insight.map.close')}
                  </button>
                </figure>
              ) : null}
            </div>
          </div>
          <p id={`${id}-keys`} className="inspect-muted">
            {t('insight.map.keys')}
          </p>
        </>
      ) : null}
    </section>
  );
}

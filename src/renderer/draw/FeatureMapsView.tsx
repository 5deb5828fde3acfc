/**
 * The drawn digit's feature maps (book §7.6): for every convolution, its ReLU and every pooling
 * layer, one tile per output channel, from the chosen run's current weights. Red is positive, blue
 * negative, each layer on its own symmetric scale; hovering a pixel reads its value. From the
 * keyboard a layer's tiles are one tab stop: arrows (Home, End) pick a channel, and the readout
 * gives its largest and smallest values and where they are. Shown for convolutional runs only.
 */
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../shared/api';
import type { FeatureMap } from '../../shared/feature-maps';
import type { RunSummary } from '../../shared/runs';
import { LIVE_STATES } from '../../shared/runs';
import { fillDiverging, maxAbs } from '../common/colormap';
import { paintPixels } from '../common/paint';
import { localizeMessage } from '../i18n/messages';
import { useFeatureMaps } from './useFeatureMaps';
import './feature-maps.css';

export interface FeatureMapsViewProps {
  lab: Pick<LabApi, 'featureMaps'>;
  /** The run the drawing is classified by (nothing is shown for an MLP). */
  run: RunSummary | null;
  /** The drawing in MNIST's format, or null when the canvas is empty. */
  pixels: Uint8Array | null;
  /** Displayed side of a channel tile in CSS pixels. */
  tileSize?: number;
}

interface ChannelProps {
  map: FeatureMap;
  channel: number;
  scale: number;
  size: number;
  name: string;
  id: string;
  selected: boolean;
  onHover: (text: string | null) => void;
}

/** Where a channel's largest and smallest values are (first occurrence, row by row). */
function channelExtremes(map: FeatureMap, channel: number) {
  const area = map.H * map.W;
  let hi = 0;
  let lo = 0;
  const base = channel * area;
  for (let i = 1; i < area; i++) {
    if (map.data[base + i] > map.data[base + hi]) hi = i;
    if (map.data[base + i] < map.data[base + lo]) lo = i;
  }
  const at = (i: number) => ({
    x: i % map.W,
    y: Math.floor(i / map.W),
    value: map.data[base + i].toFixed(4),
  });
  return { max: at(hi), min: at(lo) };
}

const Channel = memo(function Channel({
  map,
  channel,
  scale,
  size,
  name,
  id,
  selected,
  onHover,
}: ChannelProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const area = map.H * map.W;
  useEffect(() => {
    paintPixels(ref.current, map.W, map.H, (rgba) =>
      fillDiverging(rgba, area, (i) => map.data[channel * area + i], scale),
    );
  }, [map, channel, area, scale]);
  const onMove = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = Math.floor(((e.clientX - rect.left) / Math.max(1, rect.width)) * map.W);
    const y = Math.floor(((e.clientY - rect.top) / Math.max(1, rect.height)) * map.H);
    if (x < 0 || y < 0 || x >= map.W || y >= map.H) return;
    const value = map.data[channel * area + y * map.W + x];
    onHover(t('cnn.maps.hover', { name: map.name, n: channel, x, y, value: value.toFixed(4) }));
  };
  return (
    <canvas
      ref={ref}
      role="img"
      id={id}
      aria-label={name}
      title={name}
      className={selected ? 'cnn-map__tile cnn-map__tile--selected' : 'cnn-map__tile'}
      width={map.W}
      height={map.H}
      style={{ width: size, height: size }}
      onMouseMove={onMove}
      onMouseLeave={() => onHover(null)}
    />
  );
});

/** One layer's channels as a group of tiles. */
function LayerMaps({
  map,
  tileSize,
  onHover,
}: {
  map: FeatureMap;
  tileSize: number;
  onHover: (text: string | null, fromKeyboard?: boolean) => void;
}) {
  const { t } = useTranslation();
  const scale = maxAbs(map.data);
  const title = t('cnn.maps.layer', { name: map.name, C: map.C, H: map.H, W: map.W });
  // The channel the keyboard is on, while the tiles have the focus.
  const [selected, setSelected] = useState<number | null>(null);
  const idOf = (c: number) => `cnn-map-${map.name}-${c}`;
  const show = (c: number) => setSelected(Math.min(map.C - 1, Math.max(0, c)));
  // The readout follows the selected channel, and the maps when a new drawing repaints them.
  useEffect(() => {
    if (selected === null || selected >= map.C) return;
    const { max, min } = channelExtremes(map, selected);
    onHover(
      t('cnn.maps.channelStats', {
        name: map.name,
        n: selected,
        max: max.value,
        maxX: max.x,
        maxY: max.y,
        min: min.value,
        minX: min.x,
        minY: min.y,
      }),
      true,
    );
  }, [map, selected, t, onHover]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const c = selected ?? 0;
    const next: Record<string, number> = {
      ArrowRight: c + 1,
      ArrowDown: c + 1,
      ArrowLeft: c - 1,
      ArrowUp: c - 1,
      Home: 0,
      End: map.C - 1,
    };
    if (!(e.key in next)) return;
    e.preventDefault();
    show(next[e.key]);
  };
  return (
    <div className="cnn-map" role="group" aria-label={title}>
      <h5>{title}</h5>
      <div
        className="cnn-map__tiles"
        tabIndex={0}
        aria-label={t('cnn.maps.keys', { name: map.name })}
        aria-activedescendant={selected === null ? undefined : idOf(selected)}
        onFocus={() => show(selected ?? 0)}
        onBlur={() => {
          setSelected(null);
          onHover(null);
        }}
        onKeyDown={onKeyDown}
      >
        {Array.from({ length: map.C }, (_, c) => (
          <Channel
            key={c}
            map={map}
            channel={c}
            scale={scale}
            size={tileSize}
            name={t('cnn.maps.channel', { name: map.name, n: c })}
            id={idOf(c)}
            selected={selected === c}
            onHover={onHover}
          />
        ))}
      </div>
    </div>
  );
}

/** Every convolution and pooling layer's channels for the drawing. */
export function FeatureMapsView({ lab, run, pixels, tileSize = 44 }: FeatureMapsViewProps) {
  const { t } = useTranslation();
  const convolutional = run !== null && run.config.arch !== 'mlp';
  const live = convolutional && LIVE_STATES.includes(run.state);
  const { maps, error } = useFeatureMaps(lab, convolutional ? run.id : null, pixels, live);
  // What the pointer or the keyboard is on; only the keyboard's is announced (hovering would chatter).
  const [readout, setReadout] = useState<{ text: string; announce: boolean } | null>(null);
  const onHover = useCallback(
    (text: string | null, fromKeyboard = false) =>
      setReadout(text === null ? null : { text, announce: fromKeyboard }),
    [],
  );
  if (!convolutional || !pixels) return null;
  return (
    <section className="inspect-feature-maps" aria-label={t('cnn.maps.title')}>
      <h4>{t('cnn.maps.title')}</h4>
      <p className="inspect-muted">{t('cnn.maps.caption')}</p>
      {error ? (
        <p className="inspect-error" role="alert">
          {t('cnn.maps.error', { message: localizeMessage(error, t) })}
        </p>
      ) : null}
      {!maps && !error ? <p className="inspect-muted">{t('cnn.maps.loading')}</p> : null}
      <p
        className="inspect-readout"
        aria-live={readout?.announce ? 'polite' : 'off'}
        data-testid="feature-map-readout"
      >
        {readout?.text ?? '\u00a0'}
      </p>
      {maps?.map((map) => (
        <LayerMaps key={map.name} map={map} tileSize={tileSize} onHover={onHover} />
      ))}
    </section>
  );
}

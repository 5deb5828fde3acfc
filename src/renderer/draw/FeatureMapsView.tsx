/**
 * The drawn digit's feature maps (book §7.6): for every convolution, its ReLU and every pooling
 * layer, one tile per output channel, from the chosen run's current weights. Red is positive, blue
 * negative, each layer on its own symmetric scale; hovering a pixel reads its value. Shown for
 * convolutional runs only.
 */
import { memo, useEffect, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
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
  onHover: (text: string | null) => void;
}

const Channel = memo(function Channel({ map, channel, scale, size, name, onHover }: ChannelProps) {
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
      aria-label={name}
      title={name}
      className="cnn-map__tile"
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
  onHover: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const scale = maxAbs(map.data);
  const title = t('cnn.maps.layer', { name: map.name, C: map.C, H: map.H, W: map.W });
  return (
    <div className="cnn-map" role="group" aria-label={title}>
      <h5>{title}</h5>
      <div className="cnn-map__tiles">
        {Array.from({ length: map.C }, (_, c) => (
          <Channel
            key={c}
            map={map}
            channel={c}
            scale={scale}
            size={tileSize}
            name={t('cnn.maps.channel', { name: map.name, n: c })}
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
  const [hover, setHover] = useState<string | null>(null);
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
      <p className="inspect-readout" aria-live="off">
        {hover ?? '\u00a0'}
      </p>
      {maps?.map((map) => (
        <LayerMaps key={map.name} map={map} tileSize={tileSize} onHover={setHover} />
      ))}
    </section>
  );
}

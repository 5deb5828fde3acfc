/** A 2-D weight matrix (W2 (H1, H2), ...) as a heatmap: one pixel per weight, rows top to bottom. */
import { useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fillDiverging, maxAbs } from '../common/colormap';
import { paintPixels } from '../common/paint';
import type { WeightTensor } from '../../shared/runs';

export interface WeightHeatmapProps {
  /** A (rows, cols) tensor. */
  tensor: WeightTensor;
  /** Longest displayed side in CSS pixels. */
  maxSide?: number;
  onHover: (text: string | null) => void;
}

/** Heatmap of one weight matrix on its own symmetric scale, with a hover readout of W[i, j]. */
export function WeightHeatmap({ tensor, maxSide = 320, onHover }: WeightHeatmapProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const [rows, cols] = tensor.shape;
  const scale = maxAbs(tensor.data);
  useEffect(() => {
    paintPixels(ref.current, cols, rows, (rgba) =>
      fillDiverging(rgba, rows * cols, (i) => tensor.data[i], scale),
    );
  }, [tensor, rows, cols, scale]);

  // Enlarge by a whole factor where possible so every weight stays a crisp square.
  const zoom = Math.max(1, Math.floor(maxSide / Math.max(rows, cols)));
  const width = Math.min(maxSide, cols * zoom);
  const height = Math.min(maxSide, rows * zoom);

  const onMove = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - rect.left) / Math.max(1, rect.width)) * cols);
    const row = Math.floor(((e.clientY - rect.top) / Math.max(1, rect.height)) * rows);
    if (row < 0 || col < 0 || row >= rows || col >= cols) return;
    onHover(
      t('weights.hoverCell', {
        name: tensor.name,
        row,
        col,
        value: tensor.data[row * cols + col].toFixed(4),
      }),
    );
  };

  const title = t('weights.heatmap', { name: tensor.name, rows, cols });
  return (
    <figure className="inspect-heatmap">
      <canvas
        ref={ref}
        width={cols}
        height={rows}
        style={{ width, height }}
        role="img"
        aria-label={title}
        onMouseMove={onMove}
        onMouseLeave={() => onHover(null)}
      />
      <figcaption>
        {title} · {t('weights.scale', { max: scale.toPrecision(3) })}
      </figcaption>
    </figure>
  );
}

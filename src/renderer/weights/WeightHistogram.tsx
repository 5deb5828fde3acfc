/** Histogram of one weight tensor as SVG bars: how the weights spread, and how training moves them. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { histogram } from './histogram';
import type { WeightTensor } from '../../shared/runs';

export interface WeightHistogramProps {
  tensor: WeightTensor;
  bins?: number;
  width?: number;
  height?: number;
}

/** A 40-bin histogram of `tensor.data`, min and max labelled under the axis. */
export function WeightHistogram({ tensor, bins = 40, width = 240, height = 80 }: WeightHistogramProps) {
  const { t } = useTranslation();
  const h = useMemo(() => histogram(tensor.data, bins), [tensor, bins]);
  let peak = 0;
  for (const c of h.counts) if (c > peak) peak = c;
  const barWidth = width / bins;
  const title = t('weights.histogram', { name: tensor.name });
  const range = t('weights.histogramRange', {
    count: tensor.data.length,
    min: h.min.toPrecision(3),
    max: h.max.toPrecision(3),
  });
  return (
    <figure className="inspect-histogram">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}: ${range}`}
      >
        {Array.from(h.counts, (c, k) => {
          const barHeight = peak > 0 ? (c / peak) * (height - 2) : 0;
          const from = h.min + k * h.binWidth;
          return (
            <rect
              key={k}
              x={k * barWidth}
              y={height - barHeight}
              width={Math.max(1, barWidth - 1)}
              height={barHeight}
            >
              <title>{`[${from.toPrecision(3)}, ${(from + h.binWidth).toPrecision(3)}): ${c}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        <strong>{title}</strong> · {range}
      </figcaption>
    </figure>
  );
}

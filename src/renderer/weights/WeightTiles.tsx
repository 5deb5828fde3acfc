/**
 * The first layer as pictures: W1 (784, H) has one 28x28 template per hidden unit, the pattern
 * of ink that most excites it (red) or inhibits it (blue). All tiles share one symmetric scale so
 * their strengths can be compared.
 */
import { memo, useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fillDiverging } from '../common/colormap';
import { paintPixels } from '../common/paint';
import { tilePixel, type TileSet } from './weightLayout';

export interface WeightTilesProps {
  tiles: TileSet;
  /** Symmetric colour scale: ±scale maps to full blue / red. */
  scale: number;
  /** Displayed tile side in CSS pixels. */
  tileSize?: number;
  /** Hover readout text (null when the pointer leaves). */
  onHover: (text: string | null) => void;
  /** A tile was clicked (0-based index). */
  onOpen: (index: number) => void;
  /** The group's accessible name (default "First-layer weights"). */
  label?: string;
  /** Tile j's accessible name (default "Hidden unit j" / "Filter j"). */
  nameOf?: (j: number) => string;
}

/** Accessible name of tile j (0-based, the column of W1): "Hidden unit j" or "Filter j". */
export function useTileName(kind: TileSet['kind']): (j: number) => string {
  const { t } = useTranslation();
  return (j) => t(kind === 'unit' ? 'weights.unit' : 'weights.filter', { n: j });
}

interface TileProps {
  tiles: TileSet;
  index: number;
  scale: number;
  size: number;
  name: string;
  onHover: (text: string | null) => void;
  onOpen: (index: number) => void;
}

const Tile = memo(function Tile({ tiles, index, scale, size, name, onHover, onOpen }: TileProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    paintPixels(ref.current, tiles.width, tiles.height, (rgba) =>
      fillDiverging(rgba, tiles.width * tiles.height, (i) => tiles.value(index, i), scale),
    );
  }, [tiles, index, scale]);

  const onMove = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = Math.floor(((e.clientX - rect.left) / Math.max(1, rect.width)) * tiles.width);
    const y = Math.floor(((e.clientY - rect.top) / Math.max(1, rect.height)) * tiles.height);
    if (x < 0 || y < 0 || x >= tiles.width || y >= tiles.height) return;
    const i = y * tiles.width + x;
    const p = tilePixel(tiles, index, i);
    onHover(t('weights.hoverTile', { tile: name, x: p.x, y: p.y, index: i, value: p.value.toFixed(4) }));
  };

  return (
    <button
      type="button"
      className="inspect-tile"
      aria-label={name}
      title={name}
      onClick={() => onOpen(index)}
    >
      <canvas
        ref={ref}
        width={tiles.width}
        height={tiles.height}
        style={{ width: size, height: size }}
        onMouseMove={onMove}
        onMouseLeave={() => onHover(null)}
      />
    </button>
  );
});

/** A grid of tiles, one per hidden unit (or filter), in a group named "First-layer weights". */
export function WeightTiles({
  tiles,
  scale,
  tileSize = 56,
  onHover,
  onOpen,
  label,
  nameOf,
}: WeightTilesProps) {
  const { t } = useTranslation();
  const defaultName = useTileName(tiles.kind);
  const tileName = nameOf ?? defaultName;
  return (
    <div className="inspect-tiles" role="group" aria-label={label ?? t('weights.firstLayer')}>
      {Array.from({ length: tiles.count }, (_, j) => (
        <Tile
          key={j}
          tiles={tiles}
          index={j}
          scale={scale}
          size={tileSize}
          name={tileName(j)}
          onHover={onHover}
          onOpen={onOpen}
        />
      ))}
    </div>
  );
}

/** An enlarged weight tile in a modal overlay; Esc, the close button or a backdrop click close it. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fillDiverging } from '../common/colormap';
import { paintPixels } from '../common/paint';
import type { TileSet } from './weightLayout';

export interface TileDialogProps {
  tiles: TileSet;
  /** Which tile (0-based). */
  index: number;
  /** Name of the tile ("Hidden unit 3"). */
  name: string;
  /** Symmetric colour scale (±scale). */
  scale: number;
  onClose: () => void;
}

/** A dialog showing one tile at 280x280. */
export function TileDialog({ tiles, index, name, scale, onClose }: TileDialogProps) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    paintPixels(canvas.current, tiles.width, tiles.height, (rgba) =>
      fillDiverging(rgba, tiles.width * tiles.height, (i) => tiles.value(index, i), scale),
    );
  }, [tiles, index, scale]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, [onClose]);

  const title = t('weights.enlarged', { tile: name });
  return (
    <div className="inspect-overlay" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label={title}
        className="inspect-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <h4>{title}</h4>
        <canvas
          ref={canvas}
          className="inspect-tile-large"
          width={tiles.width}
          height={tiles.height}
          role="img"
          aria-label={name}
        />
        <p className="inspect-muted">{t('weights.scale', { max: scale.toPrecision(3) })}</p>
        <button ref={closeButton} type="button" onClick={onClose}>
          {t('weights.close')}
        </button>
      </div>
    </div>
  );
}

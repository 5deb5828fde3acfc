/**
 * The first convolution layer's filters, before training beside now (the book's Fig. 7-24, §7.6.1):
 * the "before" tiles are the run's initial weights, rebuilt from its seed by the run's worker; the
 * "now" tiles are the polled current weights, so they change while the run trains. Each set has
 * its own symmetric colour scale (random initial filters are an order of magnitude smaller).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../shared/api';
import type { WeightTensor } from '../../shared/runs';
import { maxAbs } from '../common/colormap';
import { localizeMessage } from '../i18n/messages';
import { TileDialog } from './TileDialog';
import { firstLayerTiles, type TileSet } from './weightLayout';
import { WeightTiles } from './WeightTiles';
import { useInitialWeights } from './useInitialWeights';

export interface FilterViewProps {
  lab: Pick<LabApi, 'initialWeights'>;
  runId: string;
  /** The run's iteration the "now" weights belong to (about: they are polled). */
  iteration: number;
  /** W1 (FN, C, FH, FW) now. */
  w1: WeightTensor;
  tileSize: number;
  onHover: (text: string | null) => void;
}

interface Opened {
  tiles: TileSet;
  index: number;
  name: string;
  scale: number;
}

/** Two grids of filter tiles: before training, and now. */
export function FilterView({ lab, runId, iteration, w1, tileSize, onHover }: FilterViewProps) {
  const { t } = useTranslation();
  const initial = useInitialWeights(lab, runId);
  const [open, setOpen] = useState<Opened | null>(null);
  const now = useMemo(() => firstLayerTiles(w1), [w1]);
  const nowScale = useMemo(() => maxAbs(w1.data), [w1]);
  const w1Before = initial.weights?.find((w) => w.name === 'W1') ?? null;
  const before = useMemo(() => (w1Before ? firstLayerTiles(w1Before) : null), [w1Before]);
  const beforeScale = useMemo(() => (w1Before ? maxAbs(w1Before.data) : 0), [w1Before]);
  if (!now) return null;
  const nameNow = (j: number) => t('cnn.filters.filter', { n: j });
  const nameBefore = (j: number) => t('cnn.filters.filterBefore', { n: j });

  return (
    <div className="cnn-filters">
      <h4>{t('cnn.filters.title')}</h4>
      <p className="inspect-muted">{t('cnn.filters.caption', { size: now.width })}</p>
      <div className="cnn-filters__pair">
        <figure className="cnn-filters__set">
          <figcaption>
            {before
              ? t('cnn.filters.beforeScale', { max: beforeScale.toPrecision(3) })
              : t('cnn.filters.before')}
          </figcaption>
          {initial.error ? (
            <p className="inspect-error" role="alert">
              {t('weights.error', { message: localizeMessage(initial.error, t) })}
            </p>
          ) : initial.weights === null ? (
            <p className="inspect-muted">{t('cnn.filters.noBefore')}</p>
          ) : before ? (
            <WeightTiles
              tiles={before}
              scale={beforeScale}
              tileSize={tileSize}
              label={t('cnn.filters.before')}
              nameOf={nameBefore}
              onHover={onHover}
              onOpen={(index) =>
                setOpen({ tiles: before, index, name: nameBefore(index), scale: beforeScale })
              }
            />
          ) : (
            <p className="inspect-muted">{t('cnn.filters.loadingBefore')}</p>
          )}
        </figure>
        <figure className="cnn-filters__set">
          <figcaption>{t('cnn.filters.nowScale', { iteration, max: nowScale.toPrecision(3) })}</figcaption>
          <WeightTiles
            tiles={now}
            scale={nowScale}
            tileSize={tileSize}
            label={t('cnn.filters.now')}
            nameOf={nameNow}
            onHover={onHover}
            onOpen={(index) => setOpen({ tiles: now, index, name: nameNow(index), scale: nowScale })}
          />
        </figure>
      </div>
      {open ? (
        <TileDialog
          tiles={open.tiles}
          index={open.index}
          name={open.name}
          scale={open.scale}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}

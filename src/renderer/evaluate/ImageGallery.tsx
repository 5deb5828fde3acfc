/**
 * A paged grid of test images with their true label, prediction and confidence. Only the shown
 * page's pixels are loaded (through the page cache), so 10,000 images cost nothing until seen.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClassLabels } from '../deeper/classNames';
import type { TestEvaluation } from '../../shared/api';
import { pageCount, pageSlice } from './confusion';
import type { TestImageCache } from './imageCache';
import { MnistImage } from '../common/MnistImage';
import { percent } from '../common/prediction';

export interface ImageGalleryProps {
  /** Test-set indices to show, in order. */
  indices: readonly number[];
  evaluation: Pick<TestEvaluation, 'labels' | 'predictions' | 'confidences'>;
  cache: TestImageCache;
  /** Accessible name of the list. */
  label: string;
  pageSize?: number;
}

/** The images of `indices`, `pageSize` per page, each named "Test image #i: true X, predicted Y (p%)". */
export function ImageGallery({ indices, evaluation, cache, label, pageSize = 60 }: ImageGalleryProps) {
  const { t } = useTranslation();
  const { names } = useClassLabels();
  const [page, setPage] = useState(0);
  const pages = pageCount(indices.length, pageSize);
  const current = Math.min(page, pages - 1);
  const shown = pageSlice(indices, current, pageSize);
  const shownKey = shown.join(',');
  const [pixels, setPixels] = useState<Map<number, Uint8Array>>(new Map());
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const wanted = shownKey ? shownKey.split(',').map(Number) : [];
    setLoading(true);
    cache.get(wanted).then(
      (got) => {
        if (cancelled) return;
        setPixels(got);
        setLoading(false);
      },
      () => {
        if (!cancelled) setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [cache, shownKey]);

  if (indices.length === 0) return <p className="inspect-muted">{t('evaluate.gallery.empty')}</p>;
  return (
    <div className="inspect-gallery">
      {pages > 1 ? (
        <nav className="inspect-pager">
          <button type="button" onClick={() => setPage(current - 1)} disabled={current === 0}>
            {t('evaluate.gallery.prev')}
          </button>
          <span>{t('evaluate.gallery.page', { page: current + 1, pages })}</span>
          <button type="button" onClick={() => setPage(current + 1)} disabled={current >= pages - 1}>
            {t('evaluate.gallery.next')}
          </button>
        </nav>
      ) : null}
      {loading ? <p className="inspect-muted">{t('evaluate.gallery.loading')}</p> : null}
      <ul className="inspect-gallery-grid" aria-label={label}>
        {shown.map((i) => {
          const truth = evaluation.labels[i];
          const predicted = evaluation.predictions[i];
          const p = percent(evaluation.confidences[i]);
          const name = t('evaluate.gallery.image', {
            index: i,
            truth: names[truth],
            predicted: names[predicted],
            percent: p,
          });
          return (
            <li
              key={i}
              className={truth === predicted ? 'inspect-gallery-item' : 'inspect-gallery-item inspect-wrong'}
            >
              <MnistImage pixels={pixels.get(i) ?? null} size={56} label={name} />
              <span className="inspect-gallery-caption" aria-hidden="true">
                {names[truth]}→{names[predicted]} <small>{p}%</small>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * Every test image the network got wrong, with label, prediction and probability (the book's
 * ch08 misclassified_mnist), filterable by true and predicted digit.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClassLabels } from '../deeper/classNames';
import type { TestEvaluation } from '../../shared/api';
import { CLASSES, mistakeIndices, type MistakeFilter } from './confusion';
import type { TestImageCache } from './imageCache';
import { ImageGallery } from './ImageGallery';

export interface MistakesGalleryProps {
  evaluation: TestEvaluation;
  cache: TestImageCache;
  pageSize?: number;
}

function DigitFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
}) {
  const { t } = useTranslation();
  const { names } = useClassLabels();
  const id = useId();
  return (
    <span className="inspect-filter">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{t('evaluate.gallery.any')}</option>
        {Array.from({ length: CLASSES }, (_, d) => (
          <option key={d} value={d}>
            {names[d]}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The mistakes, paged, with filters on the true and the predicted digit. */
export function MistakesGallery({ evaluation, cache, pageSize = 60 }: MistakesGalleryProps) {
  const { t } = useTranslation();
  const { digits } = useClassLabels();
  const [filter, setFilter] = useState<MistakeFilter>({ truth: null, predicted: null });
  const all = useMemo(() => mistakeIndices(evaluation), [evaluation]);
  const shown = useMemo(() => mistakeIndices(evaluation, filter), [evaluation, filter]);
  const title = t('evaluate.gallery.title');
  return (
    <section className="inspect-mistakes" aria-label={title}>
      <h4>{title}</h4>
      <div className="inspect-filters">
        <DigitFilter
          label={digits ? t('evaluate.gallery.filterTrue') : t('classes.filterTrue')}
          value={filter.truth}
          onChange={(truth) => setFilter((f) => ({ ...f, truth }))}
        />
        <DigitFilter
          label={digits ? t('evaluate.gallery.filterPredicted') : t('classes.filterPredicted')}
          value={filter.predicted}
          onChange={(predicted) => setFilter((f) => ({ ...f, predicted }))}
        />
        <span className="inspect-muted">
          {t('evaluate.gallery.count', { shown: shown.length, total: all.length })}
        </span>
      </div>
      <ImageGallery
        key={`${filter.truth}-${filter.predicted}`}
        indices={shown}
        evaluation={evaluation}
        cache={cache}
        label={title}
        pageSize={pageSize}
      />
    </section>
  );
}

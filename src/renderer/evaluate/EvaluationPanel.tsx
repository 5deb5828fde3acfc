/**
 * Evaluate a run on the whole test set: overall accuracy, the confusion matrix (click a cell to
 * see its images), accuracy per digit, and the gallery of mistakes.
 */
import type { LabMessage } from '../../shared/messages';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClassLabels } from '../deeper/classNames';
import type { LabApi, TestEvaluation } from '../../shared/api';
import { ClassAccuracyTable } from './ClassAccuracyTable';
import { classAccuracy, cellIndices, confusionMatrix, formatAccuracy } from './confusion';
import { ConfusionMatrix, type CellRef } from './ConfusionMatrix';
import { TestImageCache } from './imageCache';
import { ImageGallery } from './ImageGallery';
import { MistakesGallery } from './MistakesGallery';
import { errorMessage, localizeMessage } from '../i18n/messages';
import '../common/inspect.css';
import './evaluate.css';

export interface EvaluationPanelProps {
  lab: Pick<LabApi, 'evaluateRun' | 'sampleImages'>;
  /** The run to evaluate. */
  runId: string | null;
  /** Images per gallery page. */
  pageSize?: number;
}

/** The "Evaluate on test set" button and everything computed from its answer. */
export function EvaluationPanel({ lab, runId, pageSize = 60 }: EvaluationPanelProps) {
  const { t } = useTranslation();
  const { names } = useClassLabels();
  const [evaluation, setEvaluation] = useState<TestEvaluation | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<LabMessage | null>(null);
  const [selected, setSelected] = useState<CellRef | null>(null);

  // Results belong to the run they were computed for; another run shows nothing until evaluated.
  const current = evaluation && evaluation.runId === runId ? evaluation : null;
  const matrix = useMemo(() => (current ? confusionMatrix(current) : null), [current]);
  const perClass = useMemo(() => (matrix ? classAccuracy(matrix) : []), [matrix]);
  const count = current?.count ?? 0;
  // The test images never change, so one cache serves every evaluation of the same set.
  const cache = useMemo(() => new TestImageCache(lab, count), [lab, count]);
  const cell = useMemo(
    () => (current && selected ? cellIndices(current, selected.truth, selected.predicted) : []),
    [current, selected],
  );

  const evaluate = () => {
    if (!runId) return;
    setRunning(true);
    setError(null);
    lab.evaluateRun(runId).then(
      (ev) => {
        setEvaluation(ev);
        setSelected(null);
        setRunning(false);
      },
      (e: unknown) => {
        setError(errorMessage(e));
        setRunning(false);
      },
    );
  };

  const cellTitle = selected
    ? t('evaluate.cellTitle', { truth: names[selected.truth], predicted: names[selected.predicted] })
    : '';
  return (
    <section className="inspect-panel inspect-eval" aria-label={t('evaluate.title')}>
      <h3>{t('evaluate.title')}</h3>
      {!runId ? <p className="inspect-hint">{t('evaluate.none')}</p> : null}
      <button type="button" onClick={evaluate} disabled={!runId || running}>
        {t('evaluate.button')}
      </button>
      <span role="status" className="inspect-muted">
        {running ? t('evaluate.running') : ''}
      </span>
      {error ? (
        <p className="inspect-error" role="alert">
          {t('evaluate.error', { message: localizeMessage(error, t) })}
        </p>
      ) : null}
      {current && matrix ? (
        <>
          <p className="inspect-overall">
            {t('evaluate.overall')}:{' '}
            <strong data-testid="inspect-overall-accuracy">
              {formatAccuracy(current.correct, current.count)}
            </strong>{' '}
            <span className="inspect-muted">{t('evaluate.iteration', { count: current.iteration })}</span>
          </p>
          <div className="inspect-eval-row">
            <ConfusionMatrix matrix={matrix} selected={selected} onSelect={setSelected} />
            <ClassAccuracyTable classes={perClass} />
          </div>
          {selected ? (
            <section className="inspect-cell-images" aria-label={cellTitle}>
              <h4>
                {cellTitle} ({cell.length})
                <button type="button" className="inspect-link" onClick={() => setSelected(null)}>
                  {t('evaluate.closeCell')}
                </button>
              </h4>
              <ImageGallery
                key={`${selected.truth}-${selected.predicted}`}
                indices={cell}
                evaluation={current}
                cache={cache}
                label={cellTitle}
                pageSize={pageSize}
              />
            </section>
          ) : null}
          <MistakesGallery evaluation={current} cache={cache} pageSize={pageSize} />
        </>
      ) : null}
    </section>
  );
}

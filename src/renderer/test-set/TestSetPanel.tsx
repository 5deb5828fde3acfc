/**
 * "My test set": the drawings the user labelled, a count per digit, and an evaluation of them with
 * the chosen run (how it does on the user's own handwriting), each thumbnail marked right or wrong.
 * An evaluation belongs to one run and one version of the set; when either changes it is hidden.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TestEvaluation } from '../../shared/api';
import type { RunSummary } from '../../shared/runs';
import { errorMessage, localizeMessage } from '../i18n/messages';
import { MnistImage } from '../common/MnistImage';
import { percent } from '../common/prediction';
import type { TestSetLab, TestSetState } from './useTestSet';
import './test-set.css';

export interface TestSetPanelProps {
  lab: Pick<TestSetLab, 'evaluateDrawings'>;
  testSet: TestSetState;
  /** The run the draw panel uses; the evaluation uses it too. */
  run: RunSummary | null;
}

export function TestSetPanel({ lab, testSet, run }: TestSetPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const drawings = testSet.drawings ?? [];
  const [evaluation, setEvaluation] = useState<{ key: string; result: TestEvaluation } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = `${run?.id ?? ''}|${drawings.map((d) => d.id).join(',')}`;
  const result = evaluation?.key === key ? evaluation.result : null;

  const evaluate = () => {
    if (!run) return;
    setBusy(true);
    setError(null);
    lab
      .evaluateDrawings(run.id)
      .then(
        (r) => setEvaluation({ key, result: r }),
        (e: unknown) =>
          setError(t('testSet.evaluateFailed', { message: localizeMessage(errorMessage(e), t) })),
      )
      .finally(() => setBusy(false));
  };
  const remove = (drawingId: string) => {
    setError(null);
    testSet
      .remove(drawingId)
      .catch((e: unknown) =>
        setError(t('testSet.deleteFailed', { message: localizeMessage(errorMessage(e), t) })),
      );
  };

  const perDigit = Array.from({ length: 10 }, (_, digit) => drawings.filter((d) => d.label === digit).length);
  return (
    <section className="inspect-panel inspect-test-set" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('testSet.title')}</h3>
      <p className="inspect-muted">{t('testSet.intro')}</p>
      {testSet.loadError ? (
        <p className="inspect-error" role="alert">
          {localizeMessage(testSet.loadError, t)}
        </p>
      ) : null}
      {drawings.length === 0 ? (
        <p className="inspect-hint">{t('testSet.empty')}</p>
      ) : (
        <>
          <p>
            {t('testSet.count', { total: drawings.length })}
            {' — '}
            <span aria-label={t('testSet.perDigit')}>
              {perDigit.map((n, digit) => `${digit}: ${n}`).join(' · ')}
            </span>
          </p>
          <button type="button" onClick={evaluate} disabled={!run || busy}>
            {busy ? t('testSet.evaluating') : t('testSet.evaluate', { run: run?.name ?? '—' })}
          </button>
        </>
      )}
      <p aria-live="polite" className="inspect-test-set-result">
        {result && run
          ? t('testSet.result', {
              run: run.name,
              correct: result.correct,
              total: result.count,
              percent: ((100 * result.correct) / result.count).toFixed(1),
            })
          : ''}
      </p>
      {error ? (
        <p className="inspect-error" role="alert">
          {error}
        </p>
      ) : null}
      {drawings.length > 0 ? (
        <ul className="inspect-gallery-grid" aria-label={t('testSet.list')}>
          {drawings.map((d, i) => {
            const predicted = result?.predictions[i];
            const right = predicted === d.label;
            const name =
              predicted === undefined
                ? t('testSet.item', { n: i + 1, label: d.label })
                : t('testSet.itemResult', {
                    n: i + 1,
                    label: d.label,
                    predicted,
                    percent: percent(result!.confidences[i]),
                  });
            return (
              <li
                key={d.id}
                className={`inspect-gallery-item${predicted === undefined ? '' : right ? '' : ' inspect-wrong'}`}
              >
                <MnistImage pixels={d.pixels} size={56} label={name} />
                <span className="inspect-gallery-caption">
                  {predicted === undefined ? d.label : `${d.label} → ${predicted} ${right ? '✓' : '✗'}`}
                  {predicted === undefined ? null : (
                    <span className="inspect-visually-hidden">
                      {' '}
                      {right ? t('testSet.right') : t('testSet.wrong')}
                    </span>
                  )}
                </span>
                <button
                  type="button"
                  className="inspect-test-set-delete"
                  aria-label={t('testSet.delete', { n: i + 1, label: d.label })}
                  onClick={() => remove(d.id)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

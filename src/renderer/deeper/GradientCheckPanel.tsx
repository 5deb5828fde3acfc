/**
 * The book's ch05 gradient check on the shown run's current weights (LabApi.checkGradients): how
 * many training images and entries per parameter, a progress bar with Cancel while the check's own
 * thread works, then per parameter the mean and max |backprop − numerical| and a plain verdict.
 * A training run is not checked (its weights move): the button says to pause it first.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../shared/api';
import type { GradientCheckReport, GradientVerdict } from '../../shared/gradient-check';
import { MAX_CHECK_ENTRIES, MAX_CHECK_IMAGES } from '../../shared/gradient-check';
import type { LabMessage } from '../../shared/messages';
import type { RunSummary } from '../../shared/runs';
import { errorMessage, localizeMessage } from '../i18n/messages';
import './deeper.css';

export interface GradientCheckPanelProps {
  lab: Pick<LabApi, 'checkGradients' | 'cancelGradientCheck' | 'onEvent'>;
  /** The run to check (undefined: none chosen). */
  run: RunSummary | undefined;
}

const exp = (v: number) => (Number.isFinite(v) ? v.toExponential(2) : String(v));

/** Clamps a typed number to [1, max], or the fallback when it is not a number. */
function clampInt(text: string, max: number, fallback: number): number {
  const n = Math.round(Number(text));
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export function GradientCheckPanel({ lab, run }: GradientCheckPanelProps) {
  const { t } = useTranslation();
  const [images, setImages] = useState(3);
  const [entries, setEntries] = useState(200);
  const [report, setReport] = useState<GradientCheckReport | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<LabMessage | null>(null);
  const runId = run?.id ?? null;

  useEffect(
    () =>
      lab.onEvent((e) => {
        if (e.type === 'gradient-check' && e.runId === runId) setProgress({ done: e.done, total: e.total });
      }),
    [lab, runId],
  );

  const training = run?.state === 'training' || run?.state === 'starting';
  const current = report && report.runId === runId ? report : null;

  const check = () => {
    if (!runId) return;
    setRunning(true);
    setError(null);
    setProgress(null);
    lab.checkGradients(runId, { images, entriesPerParam: entries }).then(
      (r) => {
        setReport(r);
        setRunning(false);
      },
      (e: unknown) => {
        setError(errorMessage(e));
        setRunning(false);
      },
    );
  };
  const cancel = () => {
    if (runId) void lab.cancelGradientCheck(runId);
  };

  const verdictText = (v: GradientVerdict) => t(`gradCheck.verdict.${v}`);
  return (
    <section className="inspect-panel deeper-gradcheck" aria-label={t('gradCheck.title')}>
      <h3>{t('gradCheck.title')}</h3>
      <p className="inspect-muted">{t('gradCheck.intro')}</p>
      {!run ? <p className="inspect-hint">{t('gradCheck.none')}</p> : null}
      <div className="deeper-row">
        <label>
          {t('gradCheck.images')}{' '}
          <input
            type="number"
            min={1}
            max={MAX_CHECK_IMAGES}
            value={images}
            disabled={running}
            onChange={(e) => setImages(clampInt(e.target.value, MAX_CHECK_IMAGES, 3))}
          />
        </label>
        <label>
          {t('gradCheck.entries')}{' '}
          <input
            type="number"
            min={1}
            max={MAX_CHECK_ENTRIES}
            value={entries}
            disabled={running}
            onChange={(e) => setEntries(clampInt(e.target.value, MAX_CHECK_ENTRIES, 200))}
          />
        </label>
        <button type="button" onClick={check} disabled={!run || running || training}>
          {t('gradCheck.button')}
        </button>
        {running ? (
          <button type="button" onClick={cancel}>
            {t('gradCheck.cancel')}
          </button>
        ) : null}
      </div>
      {training ? <p className="inspect-hint">{t('gradCheck.pauseFirst')}</p> : null}
      {running ? (
        <p role="status" className="inspect-muted">
          <progress
            max={progress?.total ?? 1}
            value={progress?.done ?? 0}
            aria-label={t('gradCheck.progressLabel')}
          />{' '}
          {progress
            ? t('gradCheck.progress', { done: progress.done, total: progress.total })
            : t('gradCheck.starting')}
        </p>
      ) : null}
      {error ? (
        <p className="inspect-error" role="alert">
          {localizeMessage(error, t)}
        </p>
      ) : null}
      {current ? (
        <>
          <p className={`deeper-verdict deeper-verdict--${current.verdict}`} role="status">
            {t(`gradCheck.summary.${current.verdict}`, {
              iteration: current.iteration,
              images: current.images,
            })}
          </p>
          <table className="deeper-table">
            <thead>
              <tr>
                <th scope="col">{t('gradCheck.col.name')}</th>
                <th scope="col">{t('gradCheck.col.checked')}</th>
                <th scope="col">{t('gradCheck.col.mean')}</th>
                <th scope="col">{t('gradCheck.col.max')}</th>
                <th scope="col">{t('gradCheck.col.relative')}</th>
                <th scope="col">{t('gradCheck.col.verdict')}</th>
              </tr>
            </thead>
            <tbody>
              {current.parameters.map((p) => (
                <tr key={p.name} className={`deeper-verdict--${p.verdict}`}>
                  <th scope="row">{p.name}</th>
                  <td>{t('gradCheck.checkedOf', { checked: p.checked, total: p.total })}</td>
                  <td>{exp(p.meanAbsDiff)}</td>
                  <td>{exp(p.maxAbsDiff)}</td>
                  <td>{exp(p.relativeDiff)}</td>
                  <td>
                    {verdictText(p.verdict)}
                    {p.kinks > 0 ? ` ${t('gradCheck.kinks', { count: p.kinks })}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="inspect-muted">{t('gradCheck.legend', { h: current.h })}</p>
        </>
      ) : null}
    </section>
  );
}

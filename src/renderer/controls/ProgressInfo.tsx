/** "Epoch x of y", iterations per second, elapsed and remaining time for the selected run. */
import { useTranslation } from 'react-i18next';
import { useThrottledState } from '../charts/useThrottledState';
import { isLive, selectSelectedRun, selectSelectedSeries } from '../store/selectors';
import { formatDuration, runProgress } from './progress';

/** Progress text of the selected run (updated with the charts, ~4 times a second). */
export function ProgressInfo() {
  const { t, i18n } = useTranslation();
  const { run, series } = useThrottledState((s) => ({
    run: selectSelectedRun(s),
    series: selectSelectedSeries(s),
  }));
  if (!run) return <p className="progress">{t('controls.noRun')}</p>;
  const p = runProgress(run, series, isLive(run));
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <div className="progress" aria-live="off">
      <strong className="progress__run">{run.name}</strong>
      <span>{t(`state.${run.state}`)}</span>
      <span>{t('controls.epochOf', { epoch: p.epoch, total: p.totalEpochs })}</span>
      <span>
        {t('controls.iterationOf', {
          iteration: number.format(p.iteration),
          total: number.format(p.totalIterations),
        })}
      </span>
      {p.rate !== null && <span>{t('controls.perSecond', { rate: number.format(Math.round(p.rate)) })}</span>}
      <span>{t('controls.elapsed', { time: formatDuration(p.elapsedMs) })}</span>
      {p.remainingMs !== null && (
        <span>{t('controls.remaining', { time: formatDuration(p.remainingMs) })}</span>
      )}
      <progress
        max={1}
        value={p.totalIterations ? p.iteration / p.totalIterations : 0}
        aria-label={t('controls.progress', { name: run.name })}
      />
    </div>
  );
}

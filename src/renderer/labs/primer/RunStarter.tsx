/** A primer section's start button with its runs' progress (iteration of total, state) and any error. */
import { useTranslation } from 'react-i18next';
import { PRIMER_RUNS, usePrimerSection, type PrimerSection } from './primerRuns';

export function RunStarter({
  section,
  state,
}: {
  section: PrimerSection;
  state: ReturnType<typeof usePrimerSection>;
}) {
  const { t } = useTranslation();
  const { runs, start, busy, error } = state;
  const training = runs.some((r) => r.summary?.state === 'training' || r.summary?.state === 'starting');
  return (
    <div className="lab__controls">
      <button type="button" onClick={() => void start()} disabled={busy || training}>
        {t('labs.regularisation.figures.start', { n: PRIMER_RUNS[section].length })}
      </button>
      <p className="lab__result" role="status">
        {error && t('labs.regularisation.figures.startFailed', { message: error })}
        {!error &&
          runs
            .map((r) =>
              t('labs.regularisation.figures.progress', {
                name: r.summary?.name ?? r.id,
                iteration: r.summary?.iteration ?? 0,
                total: r.summary?.totalIterations ?? 0,
                state: r.summary ? t(`state.${r.summary.state}`) : '',
              }),
            )
            .join(' · ')}
      </p>
    </div>
  );
}

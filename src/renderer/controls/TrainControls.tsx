/** Train / Pause / Resume / Step / Stop for the selected run, plus the Help button. */
import { useTranslation } from 'react-i18next';
import { useCommands } from '../labContext';
import { useLabStore } from '../store';
import { selectConfigValid, selectSelectedRun } from '../store/selectors';
import { ProgressInfo } from './ProgressInfo';

/** The control bar. */
export function TrainControls() {
  const { t } = useTranslation();
  const commands = useCommands();
  const valid = useLabStore(selectConfigValid);
  const state = useLabStore((s) => selectSelectedRun(s)?.state);
  const setHelpOpen = useLabStore((s) => s.setHelpOpen);
  const training = state === 'training' || state === 'starting';
  // An imported run waits like a paused one: Resume or Step trains it further from its weights.
  const paused = state === 'paused' || state === 'imported';
  return (
    <section className="controls" aria-label={t('controls.region')}>
      <div className="controls__buttons">
        <button
          type="button"
          className="primary"
          disabled={!valid}
          aria-describedby={valid ? undefined : 'train-invalid'}
          onClick={() => void commands.train()}
        >
          {t('controls.train')}
        </button>
        <button type="button" disabled={!training} onClick={() => void commands.pause()}>
          {t('controls.pause')}
        </button>
        <button type="button" disabled={!paused} onClick={() => void commands.resume()}>
          {t('controls.resume')}
        </button>
        <button type="button" disabled={!paused} onClick={() => void commands.step()}>
          {t('controls.step')}
        </button>
        <button type="button" disabled={!training && state !== 'paused'} onClick={() => void commands.stop()}>
          {t('controls.stop')}
        </button>
        <button type="button" className="controls__help" onClick={() => setHelpOpen(true)}>
          {t('controls.help')}
        </button>
      </div>
      {!valid && (
        <p id="train-invalid" className="param__error">
          {t('error.invalidConfig')}
        </p>
      )}
      <ProgressInfo />
    </section>
  );
}

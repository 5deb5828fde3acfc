/**
 * The hidden-layer map's t-SNE controls: the button that starts one, its progress bar and Cancel
 * while it runs, and what it came to (cancelled, failed, or the map shown, with the way back to the
 * live PCA view and why the drawing is not on it).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeMessage } from '../i18n/messages';
import type { TsneControls } from './useTsne';

export function TsneBar({ tsne, drawing }: { tsne: TsneControls; drawing: boolean }) {
  const { t } = useTranslation();
  const about = `${useId()}-about`;
  const { state, start, cancel, back } = tsne;
  const busy = state.phase === 'fetching' || state.phase === 'running';
  return (
    <div className="insight-tsne">
      <div className="insight-map-controls">
        {busy ? (
          <button type="button" onClick={cancel}>
            {t('insight.tsne.cancel')}
          </button>
        ) : (
          <button type="button" onClick={start} aria-describedby={about}>
            {t('insight.tsne.start')}
          </button>
        )}
        {state.phase === 'done' ? (
          <button type="button" onClick={back}>
            {t('insight.tsne.back')}
          </button>
        ) : null}
        <span id={about} className="inspect-muted">
          {busy || state.phase === 'done' ? '' : t('insight.tsne.about')}
        </span>
      </div>
      {state.phase === 'fetching' ? (
        <p className="inspect-muted" aria-live="polite">
          {t('insight.tsne.fetching')}
        </p>
      ) : null}
      {state.phase === 'running' ? (
        <div className="insight-tsne-progress">
          <div
            role="progressbar"
            aria-label={t('insight.tsne.progress')}
            aria-valuemin={0}
            aria-valuemax={state.iterations}
            aria-valuenow={state.iteration}
            aria-valuetext={t('insight.tsne.iteration', state)}
            className="insight-tsne-track"
          >
            <div
              className="insight-tsne-fill"
              style={{ width: `${(100 * state.iteration) / state.iterations}%` }}
            />
          </div>
          <span className="inspect-muted">
            {state.iteration === 0 ? t('insight.tsne.affinities') : t('insight.tsne.iteration', state)}
          </span>
        </div>
      ) : null}
      {state.phase === 'cancelled' ? (
        <p className="inspect-muted" role="status">
          {t('insight.tsne.cancelled', state)}
        </p>
      ) : null}
      {state.phase === 'failed' ? (
        <p className="inspect-error" role="alert">
          {t('insight.tsne.error', { message: localizeMessage(state.error, t) })}
        </p>
      ) : null}
      {state.phase === 'done' ? (
        <>
          <p className="inspect-muted">
            {t('insight.tsne.caption', {
              count: state.map.labels.length,
              iteration: state.map.iteration,
              perplexity: state.perplexity,
              kl: state.kl.toFixed(2),
            })}
          </p>
          <p className="inspect-muted">
            {t(drawing ? 'insight.tsne.noDrawing' : 'insight.tsne.noNewPoints')}
          </p>
        </>
      ) : null}
    </div>
  );
}

/**
 * What the network thinks: the top guess large, the ten probabilities as bars (each with its
 * digit and percentage as text), and a polite live region for screen readers.
 */
import { useTranslation } from 'react-i18next';
import { useClassLabels } from '../deeper/classNames';
import { argmax } from '../../nn/argmax';
import { percent } from '../common/prediction';

export interface PredictionReadoutProps {
  /** (10) softmax output; null when nothing is drawn (shows the hint instead). */
  probabilities: Float32Array | null;
  /** The class the saliency view explains (marked on its bar). */
  explained?: number | null;
  /** When given, each bar is a button that asks the saliency view to explain its class. */
  onExplain?: (digit: number) => void;
}

/** The top guess, probability bars and an aria-live "Prediction: 7 (98%)" line. */
export function PredictionReadout({ probabilities, explained = null, onExplain }: PredictionReadoutProps) {
  const { t } = useTranslation();
  const { names } = useClassLabels();
  const top = probabilities ? argmax(probabilities) : -1;
  const live =
    probabilities && top >= 0
      ? t('draw.predict.live', { digit: names[top], percent: percent(probabilities[top]) })
      : '';
  return (
    <div className="inspect-prediction">
      {/* Always mounted, so screen readers notice when its text changes. */}
      <p className="inspect-visually-hidden" aria-live="polite" role="status">
        {live}
      </p>
      {probabilities && top >= 0 ? (
        <>
          <div className="inspect-top-guess" aria-hidden="true">
            <span className="inspect-top-label">{t('draw.predict.top')}</span>
            <span className="inspect-top-digit">{names[top]}</span>
            <span className="inspect-top-percent">{percent(probabilities[top])}%</span>
          </div>
          <ul className="inspect-bars" aria-label={t('draw.predict.probabilities')}>
            {Array.from(probabilities, (p, digit) => {
              const className = digit === top ? 'inspect-bar inspect-bar-top' : 'inspect-bar';
              const bar = (
                <>
                  <span className="inspect-bar-digit" aria-hidden="true">
                    {names[digit]}
                  </span>
                  <span className="inspect-bar-track" aria-hidden="true">
                    <span
                      className="inspect-bar-fill"
                      style={{ width: `${(Math.max(0, Math.min(1, p)) * 100).toFixed(1)}%` }}
                    />
                  </span>
                  <span className="inspect-bar-text" aria-hidden="true">
                    {percent(p)}%
                  </span>
                </>
              );
              // Look deeper: with onExplain each bar is a button (click, or Tab and Enter/Space).
              return onExplain ? (
                <li key={digit}>
                  <button
                    type="button"
                    className={`${className} inspect-bar-button`}
                    aria-pressed={digit === explained}
                    aria-label={t('insight.saliency.barButton', { digit: names[digit], percent: percent(p) })}
                    onClick={() => onExplain(digit)}
                  >
                    {bar}
                  </button>
                </li>
              ) : (
                <li key={digit} className={className}>
                  {bar}
                  <span className="inspect-visually-hidden">
                    {t('draw.predict.bar', { digit: names[digit], percent: percent(p) })}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p className="inspect-hint">{t('draw.hint')}</p>
      )}
    </div>
  );
}

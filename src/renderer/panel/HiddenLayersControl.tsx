/** The hidden-layer list: one size (slider + box) per layer, with add and remove buttons. */
import { useTranslation } from 'react-i18next';
import { useLabStore } from '../store';
import { HIDDEN_MAX, HIDDEN_MAX_LAYERS, HIDDEN_MIN } from '../store/configSlice';
import { selectConfig } from '../store/selectors';
import { NumberInput } from './NumberInput';
import { formatNumber } from './logScale';

/** Edit `config.hidden`. */
export function HiddenLayersControl() {
  const { t } = useTranslation();
  const hidden = useLabStore(selectConfig).hidden;
  const rawText = useLabStore((s) => s.rawText);
  const fieldErrors = useLabStore((s) => s.fieldErrors);
  const setHiddenSize = useLabStore((s) => s.setHiddenSize);
  const addHiddenLayer = useLabStore((s) => s.addHiddenLayer);
  const removeHiddenLayer = useLabStore((s) => s.removeHiddenLayer);
  return (
    <fieldset className="param hidden-layers" aria-describedby="hidden-help">
      <legend className="param__label">
        {t('hidden.label')}{' '}
        <span className="param__section">{t('panel.section', { section: t('hidden.section') })}</span>
      </legend>
      <ol className="hidden-layers__list">
        {hidden.map((size, i) => {
          const id = `hidden-${i}`;
          const label = t('hidden.size', { index: i + 1 });
          const error = fieldErrors[`hidden.${i}`];
          return (
            <li key={i} className="hidden-layers__item">
              <label htmlFor={id} className="hidden-layers__label">
                {label}
              </label>
              <NumberInput
                id={id}
                label={label}
                sliderLabel={t('panel.slider', { label })}
                value={size}
                rawText={rawText[`hidden.${i}`]}
                min={HIDDEN_MIN}
                max={HIDDEN_MAX}
                step={1}
                scale="linear"
                invalid={!!error}
                describedBy={error ? `${id}-error` : 'hidden-help'}
                onText={(text) => setHiddenSize(i, text)}
                onValue={(value) => setHiddenSize(i, formatNumber(value))}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('hidden.remove', { index: i + 1 })}
                title={t('hidden.remove', { index: i + 1 })}
                disabled={hidden.length <= 1}
                onClick={() => removeHiddenLayer(i)}
              >
                ×
              </button>
              {error && (
                <p id={`${id}-error`} className="param__error" role="alert">
                  {t(error.key, error.values)}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" disabled={hidden.length >= HIDDEN_MAX_LAYERS} onClick={addHiddenLayer}>
        {t('hidden.add')}
      </button>
      <p id="hidden-help" className="param__help">
        {t('hidden.help')}
      </p>
    </fieldset>
  );
}

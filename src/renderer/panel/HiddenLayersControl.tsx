/** The hidden-layer list: one size (slider + box) per layer, with add and remove buttons. */
import { useTranslation } from 'react-i18next';
import type { SizesParam } from '../../shared/hyperparams';
import { useLabStore } from '../store';
import { selectConfig } from '../store/selectors';
import { NumberInput } from './NumberInput';
import { formatNumber } from './logScale';

/** Edit `config.hidden`, within the limits of its entry. */
export function HiddenLayersControl({ param }: { param: SizesParam }) {
  const { t } = useTranslation();
  const hidden = useLabStore(selectConfig).hidden;
  const rawText = useLabStore((s) => s.rawText);
  const fieldErrors = useLabStore((s) => s.fieldErrors);
  const setHiddenSize = useLabStore((s) => s.setHiddenSize);
  const addHiddenLayer = useLabStore((s) => s.addHiddenLayer);
  const removeHiddenLayer = useLabStore((s) => s.removeHiddenLayer);
  return (
    <fieldset id={`param-${param.key}`} className="param hidden-layers" aria-describedby="hidden-help">
      <legend className="param__label">
        {t(param.labelKey)}{' '}
        {param.section && (
          <span className="param__section">{t('panel.section', { section: param.section })}</span>
        )}
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
                min={param.min}
                max={param.max}
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
                disabled={hidden.length <= param.minCount}
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
      <button type="button" disabled={hidden.length >= param.maxCount} onClick={addHiddenLayer}>
        {t('hidden.add')}
      </button>
      <p id="hidden-help" className="param__help">
        {t(param.helpKey)}
      </p>
    </fieldset>
  );
}

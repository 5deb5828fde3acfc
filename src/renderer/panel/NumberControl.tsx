/** The control for one numeric hyperparameter (a list entry of kind 'number'). */
import { useTranslation } from 'react-i18next';
import { notApplicable, type NumberParam } from '../../shared/hyperparams';
import { useCommands } from '../labContext';
import { useLabStore } from '../store';
import { selectConfig } from '../store/selectors';
import { describedBy, ParamField } from './ParamField';
import { NumberInput } from './NumberInput';
import { useDebounced } from './useDebounced';

/** Slider + box for `param`; a live entry (the learning rate) is also sent to the selected run. */
export function NumberControl({ param }: { param: NumberParam }) {
  const { t } = useTranslation();
  const config = useLabStore(selectConfig);
  const rawText = useLabStore((s) => s.rawText[param.key]);
  const error = useLabStore((s) => s.fieldErrors[param.key]);
  const setNumberText = useLabStore((s) => s.setNumberText);
  const setConfigValue = useLabStore((s) => s.setConfigValue);
  const commands = useCommands();
  // Dragging the slider fires many changes; the run gets the value once the hand rests.
  const sendLearningRate = useDebounced((lr: number) => void commands.applyLearningRate(lr), 150);
  const id = `param-${param.key}`;
  const label = t(param.labelKey);
  // The learning rate is the one live setting today; applyLearningRate sends it to the selected run.
  const live = param.applies === 'live';
  const errorText = error ? t(error.key, error.values) : null;

  const afterValid = (value: number) => {
    if (live) sendLearningRate(value);
  };

  return (
    <ParamField
      id={id}
      label={label}
      help={t(param.helpKey) + (live ? ` ${t('panel.liveHint')}` : '')}
      section={param.section}
      disabledReason={notApplicable(param.key, config)}
      error={errorText}
    >
      <NumberInput
        id={id}
        label={label}
        sliderLabel={t('panel.slider', { label })}
        value={config[param.key]}
        rawText={rawText}
        min={param.min}
        max={param.max}
        step={param.step}
        scale={param.scale}
        disabled={notApplicable(param.key, config) !== null}
        invalid={!!error}
        describedBy={describedBy(id, !!error)}
        onText={(text) => {
          setNumberText(param.key, text);
          const value = Number(text);
          if (Number.isFinite(value) && value >= param.min && value <= param.max) afterValid(value);
        }}
        onValue={(value) => {
          setConfigValue(param.key, value);
          afterValid(value);
        }}
      />
    </ParamField>
  );
}

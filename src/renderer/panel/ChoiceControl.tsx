/** The control for one choice hyperparameter: a select with localized option labels. */
import { useTranslation } from 'react-i18next';
import { notApplicable, type ChoiceParam } from '../../shared/hyperparam-controls';
import type { TrainConfig } from '../../shared/hyperparams';
import type { OptionKey } from '../../shared/i18n';
import { useLabStore } from '../store';
import { selectConfig } from '../store/selectors';
import { describedBy, ParamField } from './ParamField';

/** A select for `param`. */
export function ChoiceControl({ param }: { param: ChoiceParam }) {
  const { t } = useTranslation();
  const config = useLabStore(selectConfig);
  const setConfigValue = useLabStore((s) => s.setConfigValue);
  const id = `param-${param.key}`;
  const reason = notApplicable(param.key, config);
  return (
    <ParamField
      id={id}
      label={t(`param.${param.key}.label`)}
      help={t(`param.${param.key}.help`)}
      section={param.section}
      disabledReason={reason}
    >
      <select
        id={id}
        value={config[param.key]}
        disabled={reason !== null}
        aria-describedby={describedBy(id, false)}
        // The options come from PARAMS, so the value is one the schema accepts for this key.
        onChange={(e) => setConfigValue(param.key, e.target.value as TrainConfig[typeof param.key])}
      >
        {param.options.map((option) => (
          <option key={option} value={option}>
            {/* PARAMS lists the options as strings; test/renderer/i18n.test.ts walks it for these keys. */}
            {t(`option.${param.key}.${option}` as OptionKey)}
          </option>
        ))}
      </select>
    </ParamField>
  );
}

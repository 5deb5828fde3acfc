/** The control for one choice hyperparameter: a select with localized option labels. */
import { useTranslation } from 'react-i18next';
import { notApplicable, optionKey, type ChoiceParam, type TrainConfig } from '../../shared/hyperparams';
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
      label={t(param.labelKey)}
      help={t(param.helpKey)}
      section={param.section}
      disabledReason={reason}
    >
      <select
        id={id}
        value={config[param.key]}
        disabled={reason !== null}
        aria-describedby={describedBy(id, false)}
        // The options come from the entry, so the value is one the schema accepts for this key.
        onChange={(e) => setConfigValue(param.key, e.target.value as TrainConfig[typeof param.key])}
      >
        {param.options.map((option) => (
          <option key={option} value={option}>
            {t(optionKey(param, option))}
          </option>
        ))}
      </select>
    </ParamField>
  );
}

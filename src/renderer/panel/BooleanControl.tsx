/** The control for one boolean hyperparameter: a checkbox. */
import { useTranslation } from 'react-i18next';
import { notApplicable, type BooleanParam } from '../../shared/hyperparams';
import { useLabStore } from '../store';
import { selectConfig } from '../store/selectors';
import { describedBy, ParamField } from './ParamField';

/** A checkbox for `param`. */
export function BooleanControl({ param }: { param: BooleanParam }) {
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
      <input
        id={id}
        type="checkbox"
        checked={config[param.key]}
        disabled={reason !== null}
        aria-describedby={describedBy(id, false)}
        onChange={(e) => setConfigValue(param.key, e.target.checked)}
      />
    </ParamField>
  );
}

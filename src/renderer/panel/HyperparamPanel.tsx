/** The hyperparameter panel: one control per entry of the hyperparameter list, in its order. */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { PARAMS } from '../../shared/hyperparams';
import { useLabStore } from '../store';
import { selectConfig } from '../store/selectors';
import { ConvShapeNote } from './ConvShapeNote';
import { shownInPanel } from './shown';
import { BooleanControl } from './BooleanControl';
import { ChoiceControl } from './ChoiceControl';
import { HiddenLayersControl } from './HiddenLayersControl';
import { NumberControl } from './NumberControl';

/** Every hyperparameter control, driven by the list (PARAMS). */
export function HyperparamPanel() {
  const { t } = useTranslation();
  const resetConfig = useLabStore((s) => s.resetConfig);
  const config = useLabStore(selectConfig);
  return (
    <section className="panel" aria-labelledby="panel-title">
      <div className="panel__header">
        <h2 id="panel-title">{t('panel.title')}</h2>
        <button type="button" onClick={resetConfig}>
          {t('panel.reset')}
        </button>
      </div>
      <p className="panel__hint">{t('panel.nextRunHint')}</p>
      {PARAMS.map((param) => {
        // An architecture's own controls (hidden layers, filters, ...) are shown only for it.
        if (!shownInPanel(param.key, config)) return null;
        // The layer sizes, or why they do not work out, right below the settings that give them.
        if (param.key === 'pool' && param.kind === 'number')
          return (
            <Fragment key={param.key}>
              <NumberControl param={param} />
              <ConvShapeNote />
            </Fragment>
          );
        // DeepConvNet has no size settings: its fixed sizes follow the architecture's choice.
        if (param.key === 'arch' && param.kind === 'choice' && config.arch === 'deep-convnet')
          return (
            <Fragment key={param.key}>
              <ChoiceControl param={param} />
              <ConvShapeNote />
            </Fragment>
          );
        switch (param.kind) {
          case 'number':
            return <NumberControl key={param.key} param={param} />;
          case 'choice':
            return <ChoiceControl key={param.key} param={param} />;
          case 'boolean':
            return <BooleanControl key={param.key} param={param} />;
          case 'sizes':
            return <HiddenLayersControl key={param.key} param={param} />;
        }
      })}
    </section>
  );
}

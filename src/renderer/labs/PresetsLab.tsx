/** ch06's MNIST experiments as one-click presets, and the regularisation primer built on them. */
import { useTranslation } from 'react-i18next';
import { LabPage } from './common';
import { PresetCard } from './PresetCard';

const PRIMER = ['l1', 'l2', 'dropout', 'noise', 'augment', 'early'] as const;

/** The presets page. */
export function PresetsLab() {
  return (
    <LabPage id="presets">
      <div className="lab__presets">
        {(['optimizers', 'weightInit', 'batchNorm', 'overfitting', 'randomSearch'] as const).map((id) => (
          <PresetCard key={id} id={id} />
        ))}
      </div>
    </LabPage>
  );
}

/** The regularisation primer: each technique in a few words, then presets that show it on MNIST. */
export function RegularisationLab() {
  const { t } = useTranslation();
  return (
    <LabPage id="regularisation">
      <dl className="lab__primer">
        {PRIMER.map((k) => (
          <div key={k}>
            <dt>{t(`labs.regularisation.terms.${k}.term`)}</dt>
            <dd>{t(`labs.regularisation.terms.${k}.text`)}</dd>
          </div>
        ))}
      </dl>
      <div className="lab__presets">
        {(['overfitting', 'l1l2', 'noiseAugment', 'earlyStopping'] as const).map((id) => (
          <PresetCard key={id} id={id} />
        ))}
      </div>
    </LabPage>
  );
}

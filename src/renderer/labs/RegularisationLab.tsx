/**
 * ch06 §6.4–6.5, the regularisation primer: each technique in a few words, then its effect shown
 * by small real MNIST runs started from the page and trained side by side (L1 against L2 weight
 * histograms, the train–test gap with 300 images and its two cures, the validation curve with the
 * early-stopping point), the noisy and augmented images the trainer feeds, and the presets that
 * run the book's longer experiments in the MNIST lab.
 */
import { useTranslation } from 'react-i18next';
import { LabPage } from './common';
import { PresetCard } from './PresetCard';
import { AugmentGallery } from './primer/AugmentGallery';
import { TrainTestGap } from './primer/TrainTestGap';
import { ValidationCurve } from './primer/ValidationCurve';
import { WeightHistograms } from './primer/WeightHistograms';

const PRIMER = ['l1', 'l2', 'dropout', 'noise', 'augment', 'early'] as const;

/** The regularisation primer. */
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
      <WeightHistograms />
      <TrainTestGap />
      <AugmentGallery />
      <ValidationCurve />
      <h3>{t('labs.regularisation.figures.presetsTitle')}</h3>
      <div className="lab__presets">
        {(['overfitting', 'l1l2', 'noiseAugment', 'earlyStopping'] as const).map((id) => (
          <PresetCard key={id} id={id} />
        ))}
      </div>
    </LabPage>
  );
}

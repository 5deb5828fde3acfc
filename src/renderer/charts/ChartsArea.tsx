/** The three live charts side by side (stacked on narrow windows). */
import { useTranslation } from 'react-i18next';
import { AccuracyChart } from './AccuracyChart';
import { LearningRateChart } from './LearningRateChart';
import { LossChart } from './LossChart';

/** All charts, in one labelled region. */
export function ChartsArea() {
  const { t } = useTranslation();
  return (
    <section className="charts" aria-label={t('charts.region')}>
      <LossChart />
      <AccuracyChart />
      <LearningRateChart />
    </section>
  );
}

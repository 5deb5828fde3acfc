/**
 * Overfitting and two cures (§6.4.1–6.4.3): with 300 training images the network learns them all
 * while the test accuracy stalls far below; weight decay and dropout narrow the gap. Train and test
 * accuracy at each run's latest evaluation point, as bars side by side.
 */
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { LabFigure } from '../common';
import { ACCENT_COLOR, SERIES_COLOR } from '../colors';
import { RunStarter } from './RunStarter';
import { usePrimerSection } from './primerRuns';

export function TrainTestGap() {
  const { t, i18n } = useTranslation();
  const section = usePrimerSection('gap');
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const rows = section.runs.flatMap((r) => {
    const last = r.epochs.at(-1);
    if (!last) return [];
    return [
      {
        name: r.summary?.name ?? r.id,
        train: last.trainAccuracy,
        test: last.testAccuracy,
        epoch: last.epoch,
      },
    ];
  });
  const title = t('labs.regularisation.figures.gapChart');
  return (
    <section className="lab__subsection" aria-labelledby="primer-gap">
      <h3 id="primer-gap">{t('labs.regularisation.figures.gapTitle')}</h3>
      <p>{t('labs.regularisation.figures.gapAbout')}</p>
      <RunStarter section="gap" state={section} />
      {rows.length > 0 && (
        <LabFigure
          title={title}
          summary={rows
            .map((r) =>
              t('labs.regularisation.figures.gapRow', {
                name: r.name,
                train: percent.format(r.train),
                test: percent.format(r.test),
                gap: (100 * (r.train - r.test)).toFixed(1),
              }),
            )
            .join(' ')}
        >
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis domain={[0, 1]} tickFormatter={(v: number) => percent.format(v)} />
              <Legend />
              <Bar
                dataKey="train"
                name={t('labs.regularisation.figures.train')}
                fill={SERIES_COLOR}
                isAnimationActive={false}
              />
              <Bar
                dataKey="test"
                name={t('labs.regularisation.figures.test')}
                fill={ACCENT_COLOR}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </LabFigure>
      )}
    </section>
  );
}

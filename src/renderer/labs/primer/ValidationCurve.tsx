/**
 * Early stopping (§6.5.1): 20 % of the 300 training images held out; the run's validation loss
 * at each evaluation point, the point where it was lowest (the weights worth keeping) and, when
 * the trainer stopped the run because it had not improved for `patience` evaluations, where it
 * stopped.
 */
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { bookNumber, LabFigure } from '../common';
import { ACCENT_COLOR, SERIES_COLOR } from '../colors';
import { RunStarter } from './RunStarter';
import { usePrimerSection } from './primerRuns';

export function ValidationCurve() {
  const { t } = useTranslation();
  const section = usePrimerSection('early');
  const run = section.runs[0];
  const rows = (run?.epochs ?? []).flatMap((e) =>
    e.validationLoss === undefined
      ? []
      : [{ iteration: e.iteration, validation: e.validationLoss, train: e.trainLoss }],
  );
  const best = rows.reduce<(typeof rows)[number] | null>(
    (b, r) => (b === null || r.validation < b.validation ? r : b),
    null,
  );
  const stoppedEarly =
    run?.summary?.message?.code === 'stoppedEarly' ? { iteration: run.summary.iteration } : undefined;
  const title = t('labs.regularisation.figures.earlyChart');
  return (
    <section className="lab__subsection" aria-labelledby="primer-early">
      <h3 id="primer-early">{t('labs.regularisation.figures.earlyTitle')}</h3>
      <p>{t('labs.regularisation.figures.earlyAbout')}</p>
      <RunStarter section="early" state={section} />
      {best && (
        <LabFigure
          title={title}
          summary={[
            t('labs.regularisation.figures.bestAt', {
              iteration: best.iteration,
              loss: bookNumber(best.validation),
            }),
            stoppedEarly
              ? t('labs.regularisation.figures.stoppedAt', { iteration: stoppedEarly.iteration })
              : '',
          ].join(' ')}
        >
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={rows} margin={{ top: 20, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                dataKey="iteration"
                type="number"
                domain={['dataMin', 'dataMax']}
                label={{
                  value: t('labs.regularisation.figures.iteration'),
                  position: 'insideBottom',
                  offset: -8,
                }}
              />
              <YAxis tickFormatter={(v: number) => bookNumber(v, 2)} width={48} />
              <Legend verticalAlign="bottom" wrapperStyle={{ paddingTop: 12 }} />
              <Line
                dataKey="validation"
                name={t('labs.regularisation.figures.validationLoss')}
                stroke={ACCENT_COLOR}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
              <Line
                dataKey="train"
                name={t('labs.regularisation.figures.trainLoss')}
                stroke={SERIES_COLOR}
                dot={false}
                isAnimationActive={false}
              />
              <ReferenceLine
                x={best.iteration}
                stroke={ACCENT_COLOR}
                strokeDasharray="4 3"
                label={{
                  value: t('labs.regularisation.figures.best'),
                  position: 'insideTopLeft',
                  fontSize: 11,
                }}
              />
              {stoppedEarly && (
                <ReferenceLine
                  x={stoppedEarly.iteration}
                  stroke="#7f7f7f"
                  label={{
                    value: t('labs.regularisation.figures.stopped'),
                    position: 'insideTopRight',
                    fontSize: 11,
                  }}
                />
              )}
            </LineChart>
          </ResponsiveContainer>
        </LabFigure>
      )}
    </section>
  );
}

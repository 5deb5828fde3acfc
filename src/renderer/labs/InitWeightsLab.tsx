/** ch06 §6.2: five layers of 100 units fed 1000 random inputs, each layer's activations as a histogram. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { Rng, toys, type ActivationName } from '../../nn';
import { LabFigure, LabPage } from './common';
import { SERIES_COLOR } from './colors';

const ACTIVATIONS: readonly ActivationName[] = ['sigmoid', 'tanh', 'relu'];
const BINS = 30;
const SEED = 1;

/** Counts of `data` in `bins` equal bins over [lo, hi] (values outside are left out, as plt.hist's range does). */
export function binCounts(data: ArrayLike<number>, bins: number, lo: number, hi: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const width = (hi - lo) / bins;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < lo || v > hi) continue;
    counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  }
  return counts;
}

/** The Initial weights and activations lab. */
export function InitWeightsLab() {
  const { t } = useTranslation();
  const [init, setInit] = useState<toys.InitChoice>('std1');
  const [activation, setActivation] = useState<ActivationName>('sigmoid');
  const layers = useMemo(() => {
    const lo = activation === 'tanh' ? -1 : 0;
    const acts = toys.activationsByLayer(init, activation, new Rng(SEED));
    return acts.map((a) =>
      binCounts(a, BINS, lo, 1).map((count, k) => ({
        bin: (lo + ((k + 0.5) * (1 - lo)) / BINS).toFixed(2),
        count,
      })),
    );
  }, [init, activation]);
  const reset = () => {
    setInit('std1');
    setActivation('sigmoid');
  };
  return (
    <LabPage id="initWeights" onReset={reset}>
      <div className="lab__controls">
        <label>
          {t('labs.initWeights.init')}
          <select value={init} onChange={(e) => setInit(e.target.value as toys.InitChoice)}>
            {toys.INIT_CHOICES.map((c) => (
              <option key={c} value={c}>
                {t(`labs.initWeights.inits.${c === 'std0.01' ? 'std001' : c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('labs.initWeights.activation')}
          <select value={activation} onChange={(e) => setActivation(e.target.value as ActivationName)}>
            {ACTIVATIONS.map((a) => (
              <option key={a} value={a}>
                {t(`option.activation.${a}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <LabFigure
        title={t('labs.initWeights.chart')}
        summary={t('labs.initWeights.summary', {
          init: t(`labs.initWeights.inits.${init === 'std0.01' ? 'std001' : init}`),
          activation: t(`option.activation.${activation}`),
        })}
      >
        <div className="lab__histograms">
          {layers.map((rows, l) => (
            <div key={l} className="lab__histogram">
              <p>{t('labs.initWeights.layer', { n: l + 1 })}</p>
              <ResponsiveContainer width="100%" height={160}>
                <BarChart data={rows} margin={{ top: 4, right: 4, bottom: 4, left: 0 }} barCategoryGap={0}>
                  <XAxis dataKey="bin" interval={9} fontSize={10} />
                  <YAxis fontSize={10} width={36} />
                  <Bar dataKey="count" fill={SERIES_COLOR} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          ))}
        </div>
      </LabFigure>
    </LabPage>
  );
}

/**
 * L1 against L2 (§6.4.2): the first layer's weights of the two decay runs as histograms side by
 * side, fetched from each run (LabApi getWeights) at each of its evaluation points. L1 pulls every
 * weight towards 0 by the same λ, so the weights the data does not need (those of the blank border
 * pixels first) end at 0: a spike in the middle bin; L2 only shrinks them.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { WeightTensor } from '../../../shared/runs';
import { useLab } from '../../labContext';
import { binCounts } from '../InitWeightsLab';
import { LabFigure } from '../common';
import { SERIES_COLOR } from '../colors';
import { RunStarter } from './RunStarter';
import { usePrimerSection } from './primerRuns';

/** The histogram's range ±RANGE (He init's W1 has σ ≈ 0.05) and bins (the middle one holds 0). */
const RANGE = 0.15;
const BINS = 61;
/** |w| below this counts as zero in the summary. */
const ZERO = 1e-3;

/** A run's W1, refetched whenever `version` changes (a new evaluation point, a new state). */
function useFirstLayer(runId: string | undefined, version: string): WeightTensor | null {
  const lab = useLab();
  const [w, setW] = useState<WeightTensor | null>(null);
  useEffect(() => {
    if (!runId) return;
    let live = true;
    lab.getWeights(runId).then(
      (ts) => live && setW(ts.find((t) => t.name === 'W1') ?? null),
      () => undefined, // no weights yet: keep the last ones
    );
    return () => {
      live = false;
    };
  }, [lab, runId, version]);
  return w;
}

export function WeightHistograms() {
  const { t, i18n } = useTranslation();
  const section = usePrimerSection('decay');
  const [l1, l2] = [section.runs[0], section.runs[1]];
  const version = (r: typeof l1) => (r ? `${r.epochs.length}:${r.summary?.state}` : '');
  const weights = [useFirstLayer(l1?.id, version(l1)), useFirstLayer(l2?.id, version(l2))];
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const shown = weights.every((w) => w !== null);
  const zeroShare = (w: WeightTensor) => w.data.filter((v) => Math.abs(v) < ZERO).length / w.data.length;
  const histogram = (w: WeightTensor) =>
    binCounts(w.data, BINS, -RANGE, RANGE).map((count, k) => ({
      bin: (-RANGE + ((k + 0.5) * 2 * RANGE) / BINS).toFixed(3),
      count,
    }));
  const title = t('labs.regularisation.figures.decayChart');
  return (
    <section className="lab__subsection" aria-labelledby="primer-decay">
      <h3 id="primer-decay">{t('labs.regularisation.figures.decayTitle')}</h3>
      <p>{t('labs.regularisation.figures.decayAbout')}</p>
      <RunStarter section="decay" state={section} />
      {shown && (
        <LabFigure
          title={title}
          summary={t('labs.regularisation.figures.decaySummary', {
            l1: percent.format(zeroShare(weights[0]!)),
            l2: percent.format(zeroShare(weights[1]!)),
          })}
        >
          <div className="lab__histograms lab__histograms--two">
            {weights.map((w, i) => (
              <div key={i} className="lab__histogram">
                <p>
                  {t('labs.regularisation.figures.zeroShare', {
                    name: [l1, l2][i]?.summary?.name ?? '',
                    share: percent.format(zeroShare(w!)),
                  })}
                </p>
                <ResponsiveContainer width="100%" height={200}>
                  <BarChart
                    data={histogram(w!)}
                    margin={{ top: 4, right: 4, bottom: 4, left: 0 }}
                    barCategoryGap={0}
                  >
                    <XAxis dataKey="bin" interval={14} fontSize={10} />
                    <YAxis fontSize={10} width={44} scale="sqrt" />
                    <Bar dataKey="count" fill={SERIES_COLOR} isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            ))}
          </div>
        </LabFigure>
      )}
    </section>
  );
}

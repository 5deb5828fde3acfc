/** ch04 §4.2: mean squared and cross-entropy error on the book's output; why accuracy is no loss. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { toys } from '../../nn';
import { bookNumber, LabFigure, LabPage, Slider } from './common';
import { ACCENT_COLOR, SERIES_COLOR } from './colors';

const DEFAULT_LABEL = 2;
const WS = Array.from({ length: 81 }, (_, i) => Math.round((-2 + i * 0.05) * 100) / 100);

/** The Losses lab. */
export function LossesLab() {
  const { t } = useTranslation();
  const [y, setY] = useState<number[]>(() => [...toys.BOOK_OUTPUT]);
  const [label, setLabel] = useState(DEFAULT_LABEL);
  const target = toys.oneHot(label);
  const mse = toys.meanSquaredError(y, target);
  const ce = toys.crossEntropyError(y, target);
  const rows = y.map((v, i) => ({ name: String(i), y: v, t: target[i] }));
  const sweep = useMemo(() => {
    const { accuracy, loss } = toys.accuracyVersusLoss(WS);
    return WS.map((w, i) => ({ w, accuracy: accuracy[i], loss: loss[i] }));
  }, []);
  const reset = () => {
    setY([...toys.BOOK_OUTPUT]);
    setLabel(DEFAULT_LABEL);
  };
  return (
    <LabPage id="losses" onReset={reset}>
      <div className="lab__controls">
        <label>
          {t('labs.losses.label')}
          <select value={label} onChange={(e) => setLabel(Number(e.target.value))}>
            {Array.from({ length: 10 }, (_, k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="lab__result" role="status">
        {t('labs.losses.values', { mse: bookNumber(mse), ce: bookNumber(ce), label })}
      </p>
      <div className="lab__sliders">
        {y.map((v, i) => (
          <Slider
            key={i}
            label={t('labs.losses.output', { k: i })}
            value={v}
            min={0}
            max={1}
            step={0.01}
            display={bookNumber(v, 2)}
            onChange={(nv) => setY(y.map((old, k) => (k === i ? nv : old)))}
          />
        ))}
      </div>
      <LabFigure
        title={t('labs.losses.chart')}
        summary={t('labs.losses.values', { mse: bookNumber(mse), ce: bookNumber(ce), label })}
      >
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis domain={[0, 1]} />
            <Legend />
            <Bar
              dataKey="y"
              name={t('labs.losses.outputSeries')}
              fill={SERIES_COLOR}
              isAnimationActive={false}
            />
            <Bar
              dataKey="t"
              name={t('labs.losses.targetSeries')}
              fill={ACCENT_COLOR}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </LabFigure>
      <p className="lab__intro">{t('labs.losses.whyNotAccuracy')}</p>
      <LabFigure title={t('labs.losses.sweepChart')}>
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={sweep} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="w" type="number" domain={[-2, 2]} />
            <YAxis />
            <Tooltip formatter={(v) => bookNumber(Number(v))} />
            <Legend />
            <Line
              dataKey="accuracy"
              name={t('labs.losses.accuracySeries')}
              stroke={ACCENT_COLOR}
              dot={false}
              isAnimationActive={false}
              type="stepAfter"
            />
            <Line
              dataKey="loss"
              name={t('labs.losses.lossSeries')}
              stroke={SERIES_COLOR}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </LabFigure>
    </LabPage>
  );
}

/**
 * ch04 §4.5 and ch05 §5.7: one gradient of a 784-h-10 network on real MNIST images, by backprop and
 * by numerical differentiation, each timed; and the gradient check's mean difference per parameter.
 * The images come from the Lab service (sampleImages); the network and both gradients from the engine.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { Rng, bookSpec, createNetwork, float64Backend, toys } from '../../nn';
import { errorMessage, localizeMessage } from '../i18n/messages';
import { useLab } from '../labContext';
import { bookNumber, LabFigure, LabPage } from './common';
import { ACCENT_COLOR } from './colors';

const HIDDEN_SIZES = [5, 10, 20] as const;
const DEFAULT_HIDDEN = 10;
const IMAGES = 3;

type State =
  | { kind: 'idle' }
  | { kind: 'measuring' }
  | { kind: 'done'; hidden: number; times: toys.GradientTimes }
  | { kind: 'failed'; message: string };

/** A clock time in ms as µs, ms or s. */
function duration(
  ms: number,
  t: (key: 'labs.backprop.us' | 'labs.backprop.ms' | 'labs.backprop.s', o: { v: string }) => string,
) {
  if (ms < 1) return t('labs.backprop.us', { v: bookNumber(ms * 1000, 1) });
  if (ms < 1000) return t('labs.backprop.ms', { v: bookNumber(ms, 1) });
  return t('labs.backprop.s', { v: bookNumber(ms / 1000, 2) });
}

/** The Why backprop lab. */
export function BackpropLab() {
  const { t, i18n } = useTranslation();
  const lab = useLab();
  const [hidden, setHidden] = useState(DEFAULT_HIDDEN);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const measure = async () => {
    setState({ kind: 'measuring' });
    try {
      const sample = await lab.sampleImages('train', 0, IMAGES);
      // Let the "measuring" line paint before the numerical gradient holds the thread.
      await new Promise((resolve) => setTimeout(resolve, 30));
      const net = createNetwork(bookSpec({ hidden: [hidden] }), { backend: float64Backend, rng: new Rng(0) });
      const x = { kind: 'dense' as const, n: IMAGES, data: Float64Array.from(sample.pixels, (p) => p / 255) };
      const times = toys.gradientTimes(net, x, sample.labels, () => performance.now());
      setState({ kind: 'done', hidden, times });
    } catch (err) {
      setState({ kind: 'failed', message: localizeMessage(errorMessage(err), t) });
    }
  };
  const reset = () => {
    setHidden(DEFAULT_HIDDEN);
    setState({ kind: 'idle' });
  };
  const done = state.kind === 'done' ? state : null;
  const rows = done
    ? [
        { name: t('labs.backprop.backpropSeries'), log: Math.log10(Math.max(done.times.backprop, 1e-3)) },
        { name: t('labs.backprop.numericalSeries'), log: Math.log10(Math.max(done.times.numerical, 1e-3)) },
      ]
    : [];
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <LabPage id="backprop" onReset={reset}>
      <div className="lab__controls">
        <label>
          {t('labs.backprop.hidden')}
          <select value={hidden} onChange={(e) => setHidden(Number(e.target.value))}>
            {HIDDEN_SIZES.map((h) => (
              <option key={h} value={h}>
                {`784-${h}-10 (${number.format(784 * h + h + h * 10 + 10)} ${t('labs.backprop.params')})`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void measure()} disabled={state.kind === 'measuring'}>
          {t('labs.backprop.measure')}
        </button>
      </div>
      <p className="lab__result" role="status">
        {state.kind === 'measuring' && t('labs.backprop.measuring')}
        {state.kind === 'failed' && t('labs.backprop.failed', { message: state.message })}
        {done &&
          t('labs.backprop.result', {
            backprop: duration(done.times.backprop, t),
            numerical: duration(done.times.numerical, t),
            ratio: number.format(Math.round(done.times.numerical / Math.max(done.times.backprop, 1e-6))),
          })}
      </p>
      {done && (
        <>
          <LabFigure
            title={t('labs.backprop.chart')}
            summary={t('labs.backprop.summary', {
              backprop: done.times.backprop,
              numerical: done.times.numerical,
            })}
          >
            <ResponsiveContainer width="100%" height={200}>
              <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 40 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis
                  type="number"
                  label={{ value: t('labs.backprop.logMs'), position: 'insideBottom', offset: -2 }}
                />
                <YAxis type="category" dataKey="name" width={120} />
                <Bar dataKey="log" fill={ACCENT_COLOR} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </LabFigure>
          <table className="lab__table">
            <caption>{t('labs.backprop.check')}</caption>
            <tbody>
              {done.times.meanAbsDiff.map((d) => (
                <tr key={d.name}>
                  <th scope="row">{d.name}</th>
                  <td>{d.value.toExponential(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </LabPage>
  );
}

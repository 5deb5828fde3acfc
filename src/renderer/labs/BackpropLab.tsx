/**
 * ch04 §4.5 and ch05 §5.7 "Why backprop": the book's two-layer net trained on real MNIST images
 * twice from the same weights with the same batches, once with numerical gradients and once with
 * backprop, an iteration of each in turn, in the Labs' worker. The page shows the measured time
 * per iteration of each and the two loss curves, which coincide. Images come from the Lab service
 * (sampleImages); the network, both gradients and the updates from the engine.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { errorMessage, localizeMessage } from '../i18n/messages';
import { useLab } from '../labContext';
import { bookNumber, LabFigure, LabPage, Slider } from './common';
import { ACCENT_COLOR, SERIES_COLOR } from './colors';
import { startLabJob, type LabJobHandle } from './worker/client';

const HIDDEN_SIZES = [5, 10, 20] as const;
const DEFAULT_HIDDEN = 10;
const DEFAULT_ITERATIONS = 5;
const MAX_ITERATIONS = 10;
/** The batch of each iteration, and the book's learning rate. */
const BATCH = 10;
const LEARNING_RATE = 0.1;

type Method = 'backprop' | 'numerical';
interface Iteration {
  loss: number;
  ms: number;
}
type Progress = Record<Method, Iteration[]>;
type State =
  | { kind: 'idle' }
  | { kind: 'training'; progress: Progress; iterations: number }
  | { kind: 'done'; progress: Progress }
  | { kind: 'failed'; message: string };

type DurationKey = 'labs.backprop.us' | 'labs.backprop.ms' | 'labs.backprop.s';

/** A clock time in ms as µs, ms or s. */
function duration(ms: number, t: (key: DurationKey, o: { v: string }) => string) {
  if (ms < 1) return t('labs.backprop.us', { v: bookNumber(ms * 1000, 1) });
  if (ms < 1000) return t('labs.backprop.ms', { v: bookNumber(ms, 1) });
  return t('labs.backprop.s', { v: bookNumber(ms / 1000, 2) });
}

/** The mean of the measured times. */
const meanMs = (its: Iteration[]) => its.reduce((s, i) => s + i.ms, 0) / Math.max(1, its.length);

/** The Why backprop lab. */
export function BackpropLab() {
  const { t, i18n } = useTranslation();
  const lab = useLab();
  const [hidden, setHidden] = useState(DEFAULT_HIDDEN);
  const [iterations, setIterations] = useState(DEFAULT_ITERATIONS);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const job = useRef<LabJobHandle | null>(null);
  useEffect(() => () => job.current?.cancel(), []);
  const measure = async () => {
    job.current?.cancel();
    const progress: Progress = { backprop: [], numerical: [] };
    setState({ kind: 'training', progress, iterations });
    try {
      const sample = await lab.sampleImages('train', 0, Math.min(100, BATCH * iterations));
      const handle = startLabJob(
        {
          kind: 'train',
          hidden,
          batch: BATCH,
          iterations,
          learningRate: LEARNING_RATE,
          seed: 0,
          pixels: sample.pixels,
          labels: sample.labels,
        },
        (r) => {
          if (r.kind !== 'iteration') return;
          progress[r.method] = [...progress[r.method], { loss: r.loss, ms: r.ms }];
          setState({ kind: 'training', progress: { ...progress }, iterations });
        },
      );
      job.current = handle;
      await handle.finished;
      if (job.current === handle) setState({ kind: 'done', progress });
    } catch (err) {
      setState({ kind: 'failed', message: localizeMessage(errorMessage(err), t) });
    }
  };
  const reset = () => {
    job.current?.cancel();
    job.current = null;
    setHidden(DEFAULT_HIDDEN);
    setIterations(DEFAULT_ITERATIONS);
    setState({ kind: 'idle' });
  };
  const progress = state.kind === 'training' || state.kind === 'done' ? state.progress : null;
  const measured = progress && progress.numerical.length > 0 ? progress : null;
  const times = measured && { backprop: meanMs(measured.backprop), numerical: meanMs(measured.numerical) };
  const number = new Intl.NumberFormat(i18n.language);
  const lossRows = measured
    ? measured.backprop.map((b, i) => ({
        iteration: i + 1,
        backprop: b.loss,
        numerical: measured.numerical[i]?.loss,
      }))
    : [];
  const timeRows = times
    ? [
        { name: t('labs.backprop.backpropSeries'), log: Math.log10(Math.max(times.backprop, 1e-3)) },
        { name: t('labs.backprop.numericalSeries'), log: Math.log10(Math.max(times.numerical, 1e-3)) },
      ]
    : [];
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
        <Slider
          label={t('labs.backprop.iterations')}
          value={iterations}
          min={1}
          max={MAX_ITERATIONS}
          step={1}
          onChange={setIterations}
        />
        <button type="button" onClick={() => void measure()} disabled={state.kind === 'training'}>
          {t('labs.backprop.measure')}
        </button>
      </div>
      <p className="lab__result" role="status">
        {state.kind === 'training' &&
          t('labs.backprop.measuring', {
            done: state.progress.numerical.length,
            total: state.iterations,
            batch: BATCH,
          })}
        {state.kind === 'failed' && t('labs.common.workerFailed', { message: state.message })}
        {state.kind === 'done' &&
          times &&
          t('labs.backprop.result', {
            backprop: duration(times.backprop, t),
            numerical: duration(times.numerical, t),
            ratio: number.format(Math.round(times.numerical / Math.max(times.backprop, 1e-6))),
          })}
      </p>
      {times && (
        <>
          <LabFigure
            title={t('labs.backprop.chart')}
            summary={t('labs.backprop.summary', { backprop: times.backprop, numerical: times.numerical })}
          >
            <ResponsiveContainer width="100%" height={180}>
              <BarChart data={timeRows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 40 }}>
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
          <LabFigure
            title={t('labs.backprop.lossChart')}
            summary={t('labs.backprop.lossSummary', {
              losses: lossRows
                .map(
                  (r) =>
                    `${bookNumber(r.backprop, 6)}/${r.numerical === undefined ? '—' : bookNumber(r.numerical, 6)}`,
                )
                .join(', '),
            })}
          >
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={lossRows} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis
                  dataKey="iteration"
                  type="number"
                  domain={[1, 'dataMax']}
                  allowDecimals={false}
                  label={{ value: t('labs.backprop.iteration'), position: 'insideBottom', offset: -8 }}
                />
                <YAxis domain={['auto', 'auto']} tickFormatter={(v: number) => bookNumber(v, 3)} width={56} />
                <Legend verticalAlign="top" />
                <Line
                  dataKey="backprop"
                  name={t('labs.backprop.backpropSeries')}
                  stroke={SERIES_COLOR}
                  strokeWidth={3}
                  isAnimationActive={false}
                />
                <Line
                  dataKey="numerical"
                  name={t('labs.backprop.numericalSeries')}
                  stroke={ACCENT_COLOR}
                  strokeDasharray="5 4"
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </LabFigure>
        </>
      )}
    </LabPage>
  );
}

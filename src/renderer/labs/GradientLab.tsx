/** ch04 §4.4: −∇f as arrows over the plane, gradient descent from a clicked start, value per step. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { toys } from '../../nn';
import { bookArray, bookNumber, LabFigure, LabPage, NumberBox, Slider } from './common';
import { ACCENT_COLOR, SERIES_COLOR } from './colors';
import { Arrow, Plane, pathPoints, toPixel } from './plane';

const RANGE = 5;
const GRID = Array.from({ length: 11 }, (_, i) => -5 + i);
const DEFAULTS = {
  fn: 'f2' as toys.ToyFunctionName,
  start: [-3, 4] as [number, number],
  logLr: -1,
  steps: 100,
};
const CHECK_POINTS = [
  [3, 4],
  [0, 2],
  [3, 0],
] as const;
/** Farther than this from the origin, a path has run away. */
const DIVERGED = 1e6;

/** The Gradient field and descent lab. */
export function GradientLab() {
  const { t } = useTranslation();
  const [fn, setFn] = useState(DEFAULTS.fn);
  const [start, setStart] = useState<[number, number]>(DEFAULTS.start);
  const [logLr, setLogLr] = useState(DEFAULTS.logLr);
  const [steps, setSteps] = useState(DEFAULTS.steps);
  const [shown, setShown] = useState(DEFAULTS.steps);
  const [playing, setPlaying] = useState(false);
  const f = toys.TOY_FUNCTIONS[fn];
  const lr = 10 ** logLr;
  const arrows = useMemo(() => {
    const all = GRID.flatMap((x) => GRID.map((y) => ({ x, y, g: toys.gradientAt(f, [x, y]) })));
    const longest = Math.max(...all.map((a) => Math.hypot(a.g[0], a.g[1])));
    return all.map(({ x, y, g }) => {
      const [px, py] = toPixel(RANGE, x, y);
      const scale = 34 / longest;
      return { key: `${x},${y}`, x1: px, y1: py, x2: px - g[0] * scale, y2: py + g[1] * scale };
    });
  }, [f]);
  const path = useMemo(() => toys.gradientDescent(f, start, lr, steps), [f, start, lr, steps]);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setShown((s) => {
        if (s >= steps) {
          setPlaying(false);
          return s;
        }
        return s + 1;
      });
    }, 40);
    return () => clearInterval(timer);
  }, [playing, steps]);
  const visible = Math.min(shown, steps);
  const end = path.points[visible];
  const diverged = Math.hypot(end[0], end[1]) > DIVERGED || !Number.isFinite(end[0]);
  const rows = path.values
    .slice(0, visible + 1)
    .map((v, i) => ({ step: i, logF: Math.log10(Math.max(v, 1e-300)) }));
  const reset = () => {
    setFn(DEFAULTS.fn);
    setStart(DEFAULTS.start);
    setLogLr(DEFAULTS.logLr);
    setSteps(DEFAULTS.steps);
    setShown(DEFAULTS.steps);
    setPlaying(false);
  };
  const changeSteps = (n: number) => {
    setSteps(n);
    setShown(n);
  };
  const [sx, sy] = toPixel(RANGE, start[0], start[1]);
  return (
    <LabPage id="gradient" onReset={reset}>
      <div className="lab__controls">
        <label>
          {t('labs.gradient.function')}
          <select value={fn} onChange={(e) => setFn(e.target.value as toys.ToyFunctionName)}>
            <option value="f2">{t('labs.gradient.f2')}</option>
            <option value="f3">{t('labs.gradient.f3')}</option>
          </select>
        </label>
        <NumberBox
          label={t('labs.gradient.startX')}
          value={start[0]}
          onChange={(v) => setStart([v, start[1]])}
        />
        <NumberBox
          label={t('labs.gradient.startY')}
          value={start[1]}
          onChange={(v) => setStart([start[0], v])}
        />
        <Slider
          label={t('labs.gradient.lr')}
          value={logLr}
          min={-10}
          max={1}
          step={0.5}
          display={bookNumber(lr, 10)}
          onChange={setLogLr}
        />
        <Slider
          label={t('labs.gradient.steps')}
          value={steps}
          min={1}
          max={200}
          step={1}
          onChange={changeSteps}
        />
        <button
          type="button"
          onClick={() => {
            setShown(0);
            setPlaying(true);
          }}
        >
          {t('labs.common.play')}
        </button>
        <button type="button" disabled={visible >= steps} onClick={() => setShown(visible + 1)}>
          {t('labs.common.step')}
        </button>
      </div>
      <p className="lab__result" role="status">
        {t('labs.gradient.end', {
          step: visible,
          point: bookArray(end, 6),
          value: bookNumber(path.values[visible], 6),
        })}{' '}
        {diverged && <strong>{t('labs.gradient.diverged')}</strong>}
      </p>
      <div className="lab__row">
        <LabFigure
          title={t('labs.gradient.chart')}
          summary={t('labs.gradient.summary', { point: bookArray(end, 6) })}
        >
          <p className="lab__hint">{t('labs.gradient.clickHint')}</p>
          <Plane range={RANGE} label={t('labs.gradient.planeLabel')} onPick={(x, y) => setStart([x, y])}>
            {arrows.map(({ key, ...a }) => (
              <Arrow key={key} {...a} color="#888" />
            ))}
            <polyline
              points={pathPoints(RANGE, path.points.slice(0, visible + 1))}
              fill="none"
              stroke={ACCENT_COLOR}
              strokeWidth={2}
            />
            <circle cx={sx} cy={sy} r={5} fill={ACCENT_COLOR} />
          </Plane>
        </LabFigure>
        <LabFigure title={t('labs.gradient.valueChart')}>
          <ResponsiveContainer width="100%" height={300}>
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="step" type="number" domain={[0, steps]} />
              <YAxis label={{ value: 'log₁₀ f(x)', angle: -90, position: 'insideLeft' }} />
              <Tooltip formatter={(v) => bookNumber(Number(v), 2)} />
              <Line dataKey="logF" stroke={SERIES_COLOR} dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </LabFigure>
      </div>
      <table className="lab__table">
        <caption>{t('labs.gradient.atPoints')}</caption>
        <tbody>
          {CHECK_POINTS.map((p) => (
            <tr key={p.join(',')}>
              <th scope="row">∇f{shapeless(p)}</th>
              <td>
                <output>{bookArray(toys.gradientAt(f, p))}</output>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </LabPage>
  );
}

function shapeless(p: readonly number[]): string {
  return `(${p.join(', ')})`;
}

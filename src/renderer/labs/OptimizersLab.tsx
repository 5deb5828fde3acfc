/** ch06 §6.1: SGD, Momentum, Nesterov, AdaGrad, RMSprop and Adam racing on x²/20 + y² from (-7, 2). */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPTIMIZERS, toys, type OptimizerName } from '../../nn';
import { bookArray, bookNumber, LabFigure, LabPage, NumberBox, Slider } from './common';
import { OPTIMIZER_COLORS } from './colors';
import { Plane, pathPoints, toPixel } from './plane';

const RANGE = 10;
const ALL_ON = Object.fromEntries(OPTIMIZERS.map((o) => [o, true])) as Record<OptimizerName, boolean>;

/** The Optimizer race lab. */
export function OptimizersLab() {
  const { t } = useTranslation();
  const [rates, setRates] = useState<Record<OptimizerName, number>>({ ...toys.RACE_LEARNING_RATES });
  const [on, setOn] = useState(ALL_ON);
  const [shown, setShown] = useState(toys.RACE_STEPS);
  const [playing, setPlaying] = useState(false);
  const paths = useMemo(
    () => OPTIMIZERS.map((name) => ({ name, path: toys.optimizerPath(name, rates[name]) })),
    [rates],
  );
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setShown((s) => {
        if (s >= toys.RACE_STEPS) {
          setPlaying(false);
          return s;
        }
        return s + 1;
      });
    }, 120);
    return () => clearInterval(timer);
  }, [playing]);
  const reset = () => {
    setRates({ ...toys.RACE_LEARNING_RATES });
    setOn(ALL_ON);
    setShown(toys.RACE_STEPS);
    setPlaying(false);
  };
  const [mx, my] = toPixel(RANGE, 0, 0);
  const [sx, sy] = toPixel(RANGE, toys.RACE_START[0], toys.RACE_START[1]);
  const label = (name: OptimizerName) => t(`option.optimizer.${name}`);
  return (
    <LabPage id="optimizers" onReset={reset}>
      <fieldset className="lab__optimizers">
        <legend>{t('labs.optimizers.choose')}</legend>
        {OPTIMIZERS.map((name) => (
          <div key={name} className="lab__optimizer">
            <label style={{ color: OPTIMIZER_COLORS[name] }}>
              <input
                type="checkbox"
                checked={on[name]}
                onChange={(e) => setOn({ ...on, [name]: e.target.checked })}
              />
              {label(name)}
            </label>
            <NumberBox
              label={t('labs.optimizers.lr', { name: label(name) })}
              value={rates[name]}
              step={0.01}
              min={0}
              onChange={(v) => setRates({ ...rates, [name]: Math.max(0, v) })}
            />
          </div>
        ))}
      </fieldset>
      <div className="lab__controls">
        <Slider
          label={t('labs.optimizers.steps')}
          value={shown}
          min={0}
          max={toys.RACE_STEPS}
          step={1}
          onChange={setShown}
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
        <button type="button" disabled={shown >= toys.RACE_STEPS} onClick={() => setShown(shown + 1)}>
          {t('labs.common.step')}
        </button>
      </div>
      <LabFigure
        title={t('labs.optimizers.chart')}
        summary={paths
          .filter((p) => on[p.name])
          .map((p) =>
            t('labs.optimizers.at', { name: label(p.name), point: bookArray(p.path.points[shown], 3) }),
          )
          .join(' ')}
      >
        <Plane range={RANGE} label={t('labs.optimizers.planeLabel')}>
          <circle cx={mx} cy={my} r={4} fill="none" stroke="#888" />
          <circle cx={sx} cy={sy} r={4} fill="#888" />
          {paths
            .filter((p) => on[p.name])
            .map((p) => (
              <polyline
                key={p.name}
                points={pathPoints(RANGE, p.path.points.slice(0, shown + 1))}
                fill="none"
                stroke={OPTIMIZER_COLORS[p.name]}
                strokeWidth={2}
              />
            ))}
        </Plane>
      </LabFigure>
      <table className="lab__table">
        <caption>{t('labs.optimizers.table', { step: shown })}</caption>
        <tbody>
          {paths
            .filter((p) => on[p.name])
            .map((p) => (
              <tr key={p.name}>
                <th scope="row">{label(p.name)}</th>
                <td>{bookArray(p.path.points[shown], 4)}</td>
                <td>{bookNumber(p.path.values[shown], 6)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </LabPage>
  );
}

/** ch03 §3.2: step, sigmoid, tanh and ReLU with their derivatives, from the engine's activation layers. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { toys } from '../../nn';
import { bookArray, bookNumber, LabFigure, LabPage, Slider } from './common';
import { CURVE_COLORS } from './colors';

const XS = Array.from({ length: 201 }, (_, i) => Math.round((-5 + i * 0.05) * 100) / 100);
const DEFAULT_X = 1;

/** The Activations lab. */
export function ActivationsLab() {
  const { t } = useTranslation();
  const [x, setX] = useState(DEFAULT_X);
  const [shown, setShown] = useState<Record<toys.CurveName, boolean>>({
    step: true,
    sigmoid: true,
    tanh: true,
    relu: true,
  });
  const [derivatives, setDerivatives] = useState(true);
  const rows = useMemo(() => {
    const curves = toys.CURVES.map((name) => [name, toys.activationCurve(name, XS)] as const);
    return XS.map((xv, i) => {
      const row: Record<string, number> = { x: xv };
      for (const [name, c] of curves) {
        row[name] = c.y[i];
        row[`${name}'`] = c.dydx[i];
      }
      return row;
    });
  }, []);
  const at = toys.CURVES.map((name) => {
    const c = toys.activationCurve(name, [x]);
    return { name, y: c.y[0], dydx: c.dydx[0] };
  });
  const reset = () => {
    setX(DEFAULT_X);
    setShown({ step: true, sigmoid: true, tanh: true, relu: true });
    setDerivatives(true);
  };
  const title = t('labs.activations.chart');
  return (
    <LabPage id="activations" onReset={reset}>
      <div className="lab__controls">
        <Slider label={t('labs.activations.x')} value={x} min={-5} max={5} step={0.05} onChange={setX} />
        <fieldset className="lab__checks">
          <legend>{t('labs.activations.curves')}</legend>
          {toys.CURVES.map((name) => (
            <label key={name}>
              <input
                type="checkbox"
                checked={shown[name]}
                onChange={(e) => setShown({ ...shown, [name]: e.target.checked })}
              />
              {t(`labs.activations.curve.${name}`)}
            </label>
          ))}
          <label>
            <input type="checkbox" checked={derivatives} onChange={(e) => setDerivatives(e.target.checked)} />
            {t('labs.activations.derivatives')}
          </label>
        </fieldset>
      </div>
      <LabFigure
        title={title}
        summary={at
          .map((a) =>
            t('labs.activations.readout', {
              name: t(`labs.activations.curve.${a.name}`),
              x,
              y: bookNumber(a.y),
              dydx: bookNumber(a.dydx),
            }),
          )
          .join(' ')}
      >
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="x"
              type="number"
              domain={[-5, 5]}
              ticks={[-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]}
            />
            <YAxis domain={[-1.2, 2]} ticks={[-1, -0.5, 0, 0.5, 1, 1.5, 2]} allowDataOverflow />
            <Tooltip formatter={(v) => bookNumber(Number(v))} />
            <ReferenceLine x={x} stroke="currentColor" strokeDasharray="4 2" />
            {toys.CURVES.filter((n) => shown[n]).map((name) => (
              <Line
                key={name}
                dataKey={name}
                name={t(`labs.activations.curve.${name}`)}
                stroke={CURVE_COLORS[name]}
                dot={false}
                isAnimationActive={false}
                strokeWidth={2}
              />
            ))}
            {derivatives &&
              toys.CURVES.filter((n) => shown[n]).map((name) => (
                <Line
                  key={`${name}'`}
                  dataKey={`${name}'`}
                  name={t('labs.activations.derivativeOf', { name: t(`labs.activations.curve.${name}`) })}
                  stroke={CURVE_COLORS[name]}
                  strokeDasharray="5 3"
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
          </LineChart>
        </ResponsiveContainer>
      </LabFigure>
      <table className="lab__table">
        <caption>{t('labs.activations.atX', { x })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('labs.activations.function')}</th>
            <th scope="col">y</th>
            <th scope="col">dy/dx</th>
          </tr>
        </thead>
        <tbody>
          {at.map((a) => (
            <tr key={a.name}>
              <th scope="row">{t(`labs.activations.curve.${a.name}`)}</th>
              <td>{bookNumber(a.y)}</td>
              <td>{a.name === 'step' && x === 0 ? t('labs.activations.undefined') : bookNumber(a.dydx)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="lab__code">
        <code>sigmoid(np.array([-1.0, 1.0, 2.0]))</code> →{' '}
        <output>{bookArray(toys.sigmoid([-1, 1, 2]))}</output>
      </p>
    </LabPage>
  );
}

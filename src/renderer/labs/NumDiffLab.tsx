/** ch04 §4.3: f1 and its tangent by numerical differentiation; the error as h shrinks, in float32 and float64. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { toys } from '../../nn';
import { bookNumber, LabFigure, LabPage, Slider } from './common';
import { ACCENT_COLOR, CURVE_COLORS, SERIES_COLOR } from './colors';

const XS = Array.from({ length: 201 }, (_, i) => i * 0.1);
const DEFAULT_X = 5;
/** log10 h from -1 to -20. */
const LOG_H = Array.from({ length: 39 }, (_, i) => -1 - i * 0.5);
/** An error of exactly 0 cannot sit on a log axis: it is drawn at this floor (and said in words). */
const ERROR_FLOOR = -18;

/** The Numerical differentiation lab. */
export function NumDiffLab() {
  const { t } = useTranslation();
  const [x, setX] = useState(DEFAULT_X);
  const tangent = toys.tangentLine(toys.f1, x);
  const rows = XS.map((xv) => ({ x: xv, f: toys.f1(xv), tangent: tangent.slope * xv + tangent.intercept }));
  const central = toys.numericalDiff(toys.f1, x);
  const forward = toys.numericalDiff(toys.f1, x, 1e-4, { scheme: 'forward' });
  const exact = toys.df1(x);
  const errors = useMemo(() => {
    const err = (h: number, precision: toys.Precision) => {
      const e = Math.abs(toys.numericalDiff(toys.f1, x, h, { precision }) - exact);
      return e === 0 ? ERROR_FLOOR : Math.max(ERROR_FLOOR, Math.log10(e));
    };
    return LOG_H.map((lh) => ({
      logH: lh,
      float32: err(10 ** lh, 'float32'),
      float64: err(10 ** lh, 'float64'),
    }));
  }, [x, exact]);
  const tiny32 = toys.numericalDiff(toys.f1, x, 1e-50, { precision: 'float32' });
  return (
    <LabPage id="numdiff" onReset={() => setX(DEFAULT_X)}>
      <div className="lab__controls">
        <Slider label={t('labs.numdiff.x')} value={x} min={0} max={20} step={0.1} onChange={setX} />
      </div>
      <table className="lab__table">
        <caption>{t('labs.numdiff.slopes', { x })}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('labs.numdiff.central')}</th>
            <td>
              <output>{bookNumber(central)}</output>
            </td>
          </tr>
          <tr>
            <th scope="row">{t('labs.numdiff.forward')}</th>
            <td>{bookNumber(forward, 6)}</td>
          </tr>
          <tr>
            <th scope="row">{t('labs.numdiff.exact')}</th>
            <td>{bookNumber(exact, 6)}</td>
          </tr>
        </tbody>
      </table>
      <LabFigure
        title={t('labs.numdiff.chart')}
        summary={t('labs.numdiff.summary', { x, slope: bookNumber(central) })}
      >
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" type="number" domain={[0, 20]} />
            <YAxis domain={[-1, 6]} allowDataOverflow />
            <Tooltip formatter={(v) => bookNumber(Number(v))} />
            <Legend />
            <Line
              dataKey="f"
              name="f1(x) = 0.01x² + 0.1x"
              stroke={SERIES_COLOR}
              dot={false}
              isAnimationActive={false}
              strokeWidth={2}
            />
            <Line
              dataKey="tangent"
              name={t('labs.numdiff.tangent')}
              stroke={ACCENT_COLOR}
              dot={false}
              isAnimationActive={false}
              strokeDasharray="5 3"
            />
            <ReferenceDot x={x} y={toys.f1(x)} r={4} fill={ACCENT_COLOR} />
          </LineChart>
        </ResponsiveContainer>
      </LabFigure>
      <LabFigure title={t('labs.numdiff.errorChart')}>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={errors} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="logH"
              type="number"
              domain={[-20, -1]}
              reversed
              label={{ value: 'log₁₀ h', position: 'insideBottom', offset: -2 }}
            />
            <YAxis
              domain={[ERROR_FLOOR, 0]}
              label={{ value: t('labs.numdiff.logError'), angle: -90, position: 'insideLeft' }}
            />
            <Tooltip formatter={(v) => bookNumber(Number(v), 2)} />
            <Legend />
            <Line
              dataKey="float32"
              name="float32"
              stroke={CURVE_COLORS.relu}
              dot={{ r: 2 }}
              isAnimationActive={false}
            />
            <Line
              dataKey="float64"
              name="float64"
              stroke={CURVE_COLORS.sigmoid}
              dot={{ r: 2 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </LabFigure>
      <p className="lab__code">
        {t('labs.numdiff.tinyH', { value: bookNumber(tiny32), rounded: toys.rounder('float32')(1e-50) })}
      </p>
    </LabPage>
  );
}

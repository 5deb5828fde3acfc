/** ch03 §3.3–3.4: the shape rule of np.dot and the book's three-layer network, every value live. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { toys } from '../../nn';
import { bookArray, bookNumber, LabFigure, LabPage, NumberBox, shapeText } from './common';
import { SERIES_COLOR } from './colors';

const DEFAULT_A: toys.Shape = [2, 3];
const DEFAULT_B: toys.Shape = [2, 2];
const DEFAULT_X = [1.0, 0.5];
const PARAMS = ['W1', 'b1', 'W2', 'b2', 'W3', 'b3'] as const;
const STAGES = ['A1', 'Z1', 'A2', 'Z2', 'A3', 'y'] as const;

/** Two shape pickers and what A·B gives. */
function ShapeRule() {
  const { t } = useTranslation();
  const [a, setA] = useState<toys.Shape>(DEFAULT_A);
  const [b, setB] = useState<toys.Shape>(DEFAULT_B);
  const result = toys.dotShape(a, b);
  const size = (v: number) => Math.max(1, Math.min(9, Math.round(v)));
  return (
    <div className="lab__block">
      <h3>{t('labs.shapes.ruleTitle')}</h3>
      <div className="lab__controls">
        <NumberBox
          label={t('labs.shapes.aRows')}
          value={a[0]}
          step={1}
          min={1}
          max={9}
          onChange={(v) => setA([size(v), a[1]])}
        />
        <NumberBox
          label={t('labs.shapes.aCols')}
          value={a[1]}
          step={1}
          min={1}
          max={9}
          onChange={(v) => setA([a[0], size(v)])}
        />
        <NumberBox
          label={t('labs.shapes.bRows')}
          value={b[0]}
          step={1}
          min={1}
          max={9}
          onChange={(v) => setB([size(v), b[1]])}
        />
        <NumberBox
          label={t('labs.shapes.bCols')}
          value={b[1]}
          step={1}
          min={1}
          max={9}
          onChange={(v) => setB([b[0], size(v)])}
        />
        <button type="button" onClick={() => (setA(DEFAULT_A), setB(DEFAULT_B))}>
          {t('labs.common.reset')}
        </button>
      </div>
      <p className="lab__result" role="status">
        <code>
          {shapeText(a)}·{shapeText(b)}
        </code>{' '}
        {result.ok
          ? t('labs.shapes.defined', { shape: shapeText(result.shape) })
          : t('labs.shapes.undefined', { left: result.inner[0], right: result.inner[1] })}
      </p>
    </div>
  );
}

/** The Shapes and forward-pass lab. */
export function ShapesLab() {
  const { t } = useTranslation();
  const [net, setNet] = useState<toys.ToyNetwork>(toys.initNetwork);
  const [x, setX] = useState<number[]>(DEFAULT_X);
  const forward = toys.forwardNetwork(net, x);
  const setWeight = (name: keyof toys.ToyNetwork, i: number, v: number) =>
    setNet({ ...net, [name]: net[name].map((w, k) => (k === i ? v : w)) });
  const reset = () => {
    setNet(toys.initNetwork());
    setX(DEFAULT_X);
  };
  const rows = Array.from(forward.y, (v, i) => ({ name: `y${i}`, value: v }));
  return (
    <LabPage id="shapes" onReset={reset}>
      <ShapeRule />
      <div className="lab__block">
        <h3>{t('labs.shapes.networkTitle')}</h3>
        <div className="lab__controls">
          {x.map((v, i) => (
            <NumberBox
              key={i}
              label={`x${i}`}
              value={v}
              onChange={(nv) => setX(x.map((old, k) => (k === i ? nv : old)))}
            />
          ))}
        </div>
        <div className="lab__weights">
          {PARAMS.map((name) => {
            const [r, c] = toys.TOY_NETWORK_SHAPES[name];
            return (
              <fieldset
                key={name}
                className="lab__matrix"
                style={{ gridTemplateColumns: `repeat(${c}, 5.5em)` }}
              >
                <legend>
                  {name} {shapeText(name.startsWith('b') ? [c] : [r, c])}
                </legend>
                {net[name].map((w, i) => (
                  <NumberBox
                    key={i}
                    label={t('labs.shapes.weight', { name, row: Math.floor(i / c), col: i % c })}
                    value={w}
                    onChange={(v) => setWeight(name, i, v)}
                  />
                ))}
              </fieldset>
            );
          })}
        </div>
        <table className="lab__table">
          <caption>{t('labs.shapes.flow')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('labs.shapes.stage')}</th>
              <th scope="col">{t('labs.shapes.formula')}</th>
              <th scope="col">{t('labs.shapes.shape')}</th>
              <th scope="col">{t('labs.shapes.value')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">x</th>
              <td />
              <td>{shapeText([x.length])}</td>
              <td>{bookArray(x)}</td>
            </tr>
            {STAGES.map((stage) => (
              <tr key={stage}>
                <th scope="row">{stage}</th>
                <td>
                  <code>{t(`labs.shapes.formulas.${stage}`)}</code>
                </td>
                <td>{shapeText([forward[stage].length])}</td>
                <td>
                  <output>{bookArray(forward[stage])}</output>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <LabFigure
          title={t('labs.shapes.chart')}
          summary={t('labs.shapes.summary', { y: bookArray(forward.y) })}
        >
          <ResponsiveContainer width="100%" height={200}>
            <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis tickFormatter={(v: number) => bookNumber(v, 2)} />
              <Bar dataKey="value" fill={SERIES_COLOR} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </LabFigure>
      </div>
    </LabPage>
  );
}

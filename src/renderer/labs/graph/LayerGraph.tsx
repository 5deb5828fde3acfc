/**
 * §5.6's layers as one graph: a tiny batch x (2, 2) through Affine (the book's W1 and b1 of
 * §3.4.3), ReLU and SoftmaxWithLoss against labels t; stepping backward from dL = 1 shows
 * (y − t)/N, the ReLU mask and Affine's dx = dout·Wᵀ, dW = xᵀ·dout, db = Σ dout. The inputs
 * and labels are editable; every value is the engine's (toys.layerGraph on Affine, Relu,
 * SoftmaxWithLoss).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toys } from '../../../nn';
import { LabFigure, NumberBox } from '../common';
import { GraphSvg, type EdgeView, type NodeView } from './GraphSvg';
import { gradientsAt } from './passView';
import { BackwardControls, StepTable, useBackwardStep, valueLines, valueText } from './Stepper';

type Point = readonly [number, number];
const NODES: NodeView[] = [
  { id: 'affine', x: 290, y: 150, label: 'Affine', width: 80 },
  { id: 'relu', x: 560, y: 150, label: 'ReLU', width: 60 },
  { id: 'softmaxWithLoss', x: 830, y: 150, label: 'SoftmaxWithLoss', width: 150 },
];
const EDGES: Record<toys.LayerEdge, [Point, Point]> = {
  x: [
    [20, 40],
    [250, 138],
  ],
  W: [
    [20, 165],
    [250, 152],
  ],
  b: [
    [20, 270],
    [250, 164],
  ],
  a: [
    [330, 150],
    [530, 150],
  ],
  r: [
    [590, 150],
    [755, 150],
  ],
  L: [
    [905, 150],
    [1030, 150],
  ],
};
const CLASSES = 3;

export function LayerGraph({
  inputs,
  onInputs,
}: {
  inputs: toys.LayerGraphInputs;
  onInputs: (v: toys.LayerGraphInputs) => void;
}) {
  const { t } = useTranslation();
  const pass = useMemo(() => toys.layerGraph(inputs), [inputs]);
  const [step, setStep] = useBackwardStep(pass.steps.length);
  const { known, fresh } = gradientsAt(pass, step);
  const current = step > 0 ? pass.steps[step - 1] : null;
  const nodes = NODES.map((n) => ({ ...n, current: current?.node === n.id }));
  const edges: EdgeView[] = toys.LAYER_EDGES.map((e) => ({
    id: e,
    from: EDGES[e][0],
    to: EDGES[e][1],
    name: e,
    forward: valueLines(pass.forward[e]),
    grad: known.has(e) ? valueLines(pass.grads[e]) : null,
    fresh: fresh.has(e),
  }));
  edges.push({
    id: 't',
    from: [760, 270],
    to: [805, 169],
    name: 't',
    forward: [`[${inputs.labels.join(' ')}]`],
    grad: null,
  });
  const setX = (i: number, j: number, v: number) =>
    onInputs({
      ...inputs,
      x: inputs.x.map((row, r) => (r === i ? row.map((c, k) => (k === j ? v : c)) : row)),
    });
  const setLabel = (i: number, label: number) =>
    onInputs({ ...inputs, labels: inputs.labels.map((l, r) => (r === i ? label : l)) });
  const title = t('labs.graph.layerChart');
  const gradients = toys.LAYER_EDGES.filter((e) => known.has(e))
    .map((e) => `d${e} ${valueText(pass.grads[e])}`)
    .join(', ');
  return (
    <>
      <div className="lab__controls">
        {inputs.x.map((row, i) =>
          row.map((v, j) => (
            <NumberBox
              key={`${i}${j}`}
              label={t('labs.graph.xEntry', { i, j })}
              value={v}
              onChange={(nv) => setX(i, j, nv)}
            />
          )),
        )}
        {inputs.labels.map((l, i) => (
          <label key={i}>
            {t('labs.graph.labelOf', { i })}
            <select value={l} onChange={(e) => setLabel(i, Number(e.target.value))}>
              {Array.from({ length: CLASSES }, (_, k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <BackwardControls
        step={step}
        total={pass.steps.length}
        onStep={setStep}
        nodeName={current ? t(`labs.graph.nodes.${current.node as 'affine'}`) : ''}
        outName="L"
      />
      <LabFigure
        title={title}
        summary={t('labs.graph.summary', { value: valueText(pass.forward.L), gradients: gradients || '—' })}
      >
        <GraphSvg idPrefix="layers" width={1040} height={300} nodes={nodes} edges={edges} label={title} />
        <p className="lab__note">{t('labs.graph.probabilities', { y: valueText(pass.forward.y) })}</p>
      </LabFigure>
      {current && <StepTable step={current} edgeName={(e) => e} />}
    </>
  );
}

/**
 * §5.4.2's shopping graph: 2 apples at 100 and 3 oranges at 150 with tax 1.1 cost 715; stepping
 * backward sends d price = 1 through the tax node, the + node and the two apple and orange nodes.
 * Every input is editable; every value is the engine's (toys.shoppingGraph, MulLayer / AddLayer).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toys } from '../../../nn';
import { LabFigure, NumberBox } from '../common';
import { GraphSvg, type EdgeView, type NodeView } from './GraphSvg';
import { gradientsAt } from './passView';
import { BackwardControls, StepTable, useBackwardStep, valueLines } from './Stepper';

/** The book's variable names (buy_apple_orange.py). */
const EDGE_NAMES: Record<toys.ShoppingEdge, string> = {
  apple: 'apple',
  appleNum: 'apple_num',
  orange: 'orange',
  orangeNum: 'orange_num',
  tax: 'tax',
  applePrice: 'apple_price',
  orangePrice: 'orange_price',
  allPrice: 'all_price',
  price: 'price',
};

type Point = readonly [number, number];
const NODES: Record<string, { x: number; y: number; symbol: string }> = {
  mulApple: { x: 240, y: 90, symbol: '×' },
  mulOrange: { x: 240, y: 230, symbol: '×' },
  add: { x: 440, y: 160, symbol: '+' },
  mulTax: { x: 620, y: 160, symbol: '×' },
};
const EDGES: Record<toys.ShoppingEdge, [Point, Point]> = {
  apple: [
    [30, 40],
    [223, 83],
  ],
  appleNum: [
    [30, 140],
    [223, 97],
  ],
  orange: [
    [30, 180],
    [223, 223],
  ],
  orangeNum: [
    [30, 280],
    [223, 237],
  ],
  applePrice: [
    [257, 96],
    [423, 153],
  ],
  orangePrice: [
    [257, 224],
    [423, 167],
  ],
  allPrice: [
    [458, 160],
    [601, 160],
  ],
  tax: [
    [520, 290],
    [608, 174],
  ],
  price: [
    [638, 160],
    [750, 160],
  ],
};
const INPUTS = ['apple', 'appleNum', 'orange', 'orangeNum', 'tax'] as const;

export function ShoppingGraph({
  inputs,
  onInputs,
}: {
  inputs: toys.ShoppingInputs;
  onInputs: (v: toys.ShoppingInputs) => void;
}) {
  const { t } = useTranslation();
  const pass = useMemo(() => toys.shoppingGraph(inputs), [inputs]);
  const [step, setStep] = useBackwardStep(pass.steps.length);
  const { known, fresh } = gradientsAt(pass, step);
  const current = step > 0 ? pass.steps[step - 1] : null;
  const nodes: NodeView[] = Object.entries(NODES).map(([id, n]) => ({
    id,
    x: n.x,
    y: n.y,
    label: n.symbol,
    current: current?.node === id,
  }));
  const edges: EdgeView[] = toys.SHOPPING_EDGES.map((e) => ({
    id: e,
    from: EDGES[e][0],
    to: EDGES[e][1],
    name: EDGE_NAMES[e],
    forward: valueLines(pass.forward[e]),
    grad: known.has(e) ? valueLines(pass.grads[e]) : null,
    fresh: fresh.has(e),
  }));
  const title = t('labs.graph.shoppingChart');
  const gradients = toys.SHOPPING_EDGES.filter((e) => known.has(e))
    .map((e) => `d${EDGE_NAMES[e]} ${valueLines(pass.grads[e]).join('')}`)
    .join(', ');
  return (
    <>
      <div className="lab__controls">
        {INPUTS.map((k) => (
          <NumberBox
            key={k}
            label={t(`labs.graph.inputs.${k}`)}
            value={inputs[k]}
            step={k === 'tax' ? 0.1 : 1}
            onChange={(v) => onInputs({ ...inputs, [k]: v })}
          />
        ))}
      </div>
      <BackwardControls
        step={step}
        total={pass.steps.length}
        onStep={setStep}
        nodeName={current ? t(`labs.graph.nodes.${current.node as 'add'}`) : ''}
        outName={EDGE_NAMES.price}
      />
      <LabFigure
        title={title}
        summary={t('labs.graph.summary', {
          value: valueLines(pass.forward.price).join(''),
          gradients: gradients || '—',
        })}
      >
        <GraphSvg idPrefix="shopping" width={760} height={310} nodes={nodes} edges={edges} label={title} />
      </LabFigure>
      {current && <StepTable step={current} edgeName={(e) => EDGE_NAMES[e as toys.ShoppingEdge]} />}
    </>
  );
}

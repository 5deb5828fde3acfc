/**
 * Stepping through a graph's backward pass node by node: the buttons (and the arrow keys, Home and
 * End on the group), the line that says where the pass is, and the table of the current node's
 * inputs with the arriving gradient, each local gradient and the product flowing back.
 */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { toys } from '../../../nn';
import { bookArray, bookNumber } from '../common';

/** A value as the book prints it: a scalar as a number, a row as [a b c], a matrix as [[..] [..]]. */
export function valueLines(v: toys.GraphValue): string[] {
  if (v.rows === 1 && v.cols === 1) return [bookNumber(v.data[0])];
  const rows = Array.from({ length: v.rows }, (_, i) =>
    bookArray(v.data.subarray(i * v.cols, (i + 1) * v.cols)),
  );
  if (rows.length === 1) return rows;
  return rows.map((r, i) => (i === 0 ? `[${r}` : i === rows.length - 1 ? ` ${r}]` : ` ${r}`));
}

/** One line for a value (a table cell). */
export function valueText(v: toys.GraphValue): string {
  return valueLines(v).join('');
}

/** The step the pass is at, 0 (forward only) to `total` (every node done), kept in range when total changes. */
export function useBackwardStep(total: number): [number, (step: number) => void] {
  const [step, setStep] = useState(0);
  const clamped = Math.min(Math.max(step, 0), total);
  return [clamped, (s: number) => setStep(Math.min(Math.max(s, 0), total))];
}

/** The backward pass's controls: a keyboard-operable group of four buttons and a status line. */
export function BackwardControls({
  step,
  total,
  onStep,
  nodeName,
  outName,
}: {
  step: number;
  total: number;
  onStep: (step: number) => void;
  /** The name of the node step `step` reached. */
  nodeName: string;
  /** The output edge the pass starts from. */
  outName: string;
}) {
  const { t } = useTranslation();
  const onKeyDown = (e: KeyboardEvent) => {
    const next = {
      ArrowRight: step + 1,
      ArrowDown: step + 1,
      ArrowLeft: step - 1,
      ArrowUp: step - 1,
      Home: 0,
      End: total,
    }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onStep(next);
  };
  return (
    <div className="lab__controls lab-graph__controls">
      <div
        role="group"
        aria-label={t('labs.graph.stepper')}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="lab-graph__stepper"
      >
        <button type="button" onClick={() => onStep(0)} disabled={step === 0}>
          {t('labs.graph.forwardOnly')}
        </button>
        <button type="button" onClick={() => onStep(step - 1)} disabled={step === 0}>
          {t('labs.graph.back')}
        </button>
        <button type="button" onClick={() => onStep(step + 1)} disabled={step === total}>
          {t('labs.graph.next')}
        </button>
        <button type="button" onClick={() => onStep(total)} disabled={step === total}>
          {t('labs.graph.all')}
        </button>
      </div>
      <p className="lab__result" role="status">
        {step === 0
          ? t('labs.graph.forwardStatus', { out: outName })
          : t('labs.graph.stepStatus', { step, total, node: nodeName })}
      </p>
    </div>
  );
}

/** The current node's inputs: arriving gradient × local gradient = the product flowing back. */
export function StepTable({
  step,
  edgeName,
}: {
  step: toys.BackwardStep;
  edgeName: (edge: string) => string;
}) {
  const { t } = useTranslation();
  const local = (i: toys.BackwardInput) =>
    t(`labs.graph.rules.${i.rule}`, { v: i.local ? valueText(i.local) : '' });
  return (
    <table className="lab__table lab-graph__table">
      <caption>{t('labs.graph.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('labs.graph.input')}</th>
          <th scope="col">{t('labs.graph.upstream')}</th>
          <th scope="col">{t('labs.graph.local')}</th>
          <th scope="col">{t('labs.graph.product')}</th>
        </tr>
      </thead>
      <tbody>
        {step.inputs.map((i) => (
          <tr key={i.edge}>
            <th scope="row">{`d${edgeName(i.edge)}`}</th>
            <td>{valueText(step.dout)}</td>
            <td>{local(i)}</td>
            <td>
              <output>{valueText(i.grad)}</output>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

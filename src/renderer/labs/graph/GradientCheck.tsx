/**
 * The book's ch05/gradient_check.py from the page: TwoLayerNet(784, 50, 10), the first 3 MNIST
 * training images, float64, backprop against the numerical gradient, per parameter the mean
 * |difference| (the book prints about 1e-10 to 1e-7). It runs in the Labs' worker; the table
 * fills in parameter by parameter.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, localizeMessage } from '../../i18n/messages';
import { useLab } from '../../labContext';
import { startLabJob, type LabJobHandle } from '../worker/client';

const HIDDEN = 50;
const IMAGES = 3;
/** The parameters in the order the check visits them, and their sizes. */
const PARAMS = [
  ['W1', 784 * HIDDEN],
  ['b1', HIDDEN],
  ['W2', HIDDEN * 10],
  ['b2', 10],
] as const;

interface Row {
  name: string;
  meanAbsDiff: number;
  maxAbsDiff: number;
}
type State =
  | { kind: 'idle' }
  | { kind: 'checking'; rows: Row[] }
  | { kind: 'done'; rows: Row[] }
  | { kind: 'failed'; message: string };

export function GradientCheck() {
  const { t, i18n } = useTranslation();
  const lab = useLab();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const job = useRef<LabJobHandle | null>(null);
  useEffect(() => () => job.current?.cancel(), []);
  const number = new Intl.NumberFormat(i18n.language);
  const run = async () => {
    setState({ kind: 'checking', rows: [] });
    try {
      const sample = await lab.sampleImages('train', 0, IMAGES);
      const rows: Row[] = [];
      job.current = startLabJob(
        { kind: 'gradcheck', hidden: HIDDEN, pixels: sample.pixels, labels: sample.labels },
        (r) => {
          if (r.kind !== 'checked') return;
          rows.push({ name: r.name, meanAbsDiff: r.meanAbsDiff, maxAbsDiff: r.maxAbsDiff });
          setState({ kind: 'checking', rows: [...rows] });
        },
      );
      await job.current.finished;
      setState({ kind: 'done', rows });
    } catch (err) {
      setState({ kind: 'failed', message: localizeMessage(errorMessage(err), t) });
    }
  };
  const rows = state.kind === 'checking' || state.kind === 'done' ? state.rows : [];
  const next = state.kind === 'checking' ? PARAMS[rows.length] : undefined;
  return (
    <section className="lab__subsection" aria-labelledby="lab-gradcheck-title">
      <h3 id="lab-gradcheck-title">{t('labs.graph.checkTitle')}</h3>
      <p>{t('labs.graph.checkIntro')}</p>
      <div className="lab__controls">
        <button type="button" onClick={() => void run()} disabled={state.kind === 'checking'}>
          {t('labs.graph.checkRun')}
        </button>
      </div>
      <p className="lab__result" role="status">
        {next && t('labs.graph.checking', { name: next[0], count: number.format(next[1]) })}
        {state.kind === 'done' && t('labs.graph.checkDone')}
        {state.kind === 'failed' && t('labs.common.workerFailed', { message: state.message })}
      </p>
      {rows.length > 0 && (
        <table className="lab__table">
          <caption>{t('labs.graph.checkTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('labs.graph.parameter')}</th>
              <th scope="col">{t('labs.graph.meanDiff')}</th>
              <th scope="col">{t('labs.graph.maxDiff')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td>{r.meanAbsDiff.toExponential(2)}</td>
                <td>{r.maxAbsDiff.toExponential(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

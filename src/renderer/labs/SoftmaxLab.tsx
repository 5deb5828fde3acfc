/** ch03 §3.5: softmax as bars, the naive formula's overflow, the max-subtraction fix, a temperature. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { toys } from '../../nn';
import { bookArray, LabFigure, LabPage, Slider } from './common';
import { SERIES_COLOR } from './colors';

const BOOK_LOGITS = '0.3, 2.9, 4.0';
const OVERFLOW_LOGITS = '1010, 1000, 990';

/** The numbers of a comma- or space-separated list, or null when one is not a number. */
export function parseNumbers(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 20) return null;
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : null;
}

/** The Softmax lab. */
export function SoftmaxLab() {
  const { t } = useTranslation();
  const [text, setText] = useState(BOOK_LOGITS);
  const [naive, setNaive] = useState(false);
  const [temperature, setTemperature] = useState(1);
  const [logits, setLogits] = useState<number[]>(() => parseNumbers(BOOK_LOGITS) ?? []);
  const bad = parseNumbers(text) === null;
  const onText = (value: string) => {
    setText(value);
    const parsed = parseNumbers(value);
    if (parsed) setLogits(parsed);
  };
  const probabilities = naive ? toys.naiveSoftmax(logits, temperature) : toys.softmax(logits, temperature);
  const hasNaN = Array.from(probabilities).some(Number.isNaN);
  const rows = logits.map((a, i) => ({
    name: `a${i} = ${a}`,
    p: Number.isNaN(probabilities[i]) ? 0 : probabilities[i],
  }));
  const reset = () => {
    onText(BOOK_LOGITS);
    setNaive(false);
    setTemperature(1);
  };
  return (
    <LabPage id="softmax" onReset={reset}>
      <div className="lab__controls">
        <label className="lab__text">
          {t('labs.softmax.logits')}
          <input
            type="text"
            value={text}
            aria-invalid={bad}
            aria-describedby={bad ? 'softmax-error' : undefined}
            onChange={(e) => onText(e.target.value)}
          />
        </label>
        <button type="button" onClick={() => onText(BOOK_LOGITS)}>
          {t('labs.softmax.bookExample')}
        </button>
        <button type="button" onClick={() => onText(OVERFLOW_LOGITS)}>
          {t('labs.softmax.overflowExample')}
        </button>
        <label>
          <input type="checkbox" checked={naive} onChange={(e) => setNaive(e.target.checked)} />
          {t('labs.softmax.naive')}
        </label>
        <Slider
          label={t('labs.softmax.temperature')}
          value={temperature}
          min={0.1}
          max={5}
          step={0.1}
          onChange={setTemperature}
        />
      </div>
      {bad && (
        <p id="softmax-error" className="lab__error" role="alert">
          {t('labs.softmax.badLogits')}
        </p>
      )}
      <p className="lab__code">
        <code>
          {naive ? 'np.exp(a) / np.sum(np.exp(a))' : 'np.exp(a - np.max(a)) / np.sum(np.exp(a - np.max(a)))'}
        </code>
        {' → '}
        <output>{bookArray(probabilities, 5)}</output>
      </p>
      {hasNaN && <p className="lab__warning">{t('labs.softmax.nanExplained')}</p>}
      <LabFigure
        title={t('labs.softmax.chart')}
        summary={t('labs.softmax.summary', { y: bookArray(probabilities, 5) })}
      >
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} />
            <Bar dataKey="p" fill={SERIES_COLOR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </LabFigure>
    </LabPage>
  );
}

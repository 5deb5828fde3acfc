/**
 * The pieces every lab page shares: the page frame (title, the book's section, intro, Reset), a
 * figure with its Export PNG button (the app's one chart export), a labelled slider and the book's
 * way of printing numbers.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePngExport } from '../charts/usePngExport';
import { exportFigurePng } from './figurePng';
import type { LabId } from './labList';

/** One lab's page: its heading, the book's section, what to try, a Reset, then the lab. */
export function LabPage({ id, onReset, children }: { id: LabId; onReset?: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="lab" aria-labelledby={headingId}>
      <header className="lab__header">
        <div>
          <h2 id={headingId} className="lab__title">
            {t(`labs.${id}.title`)}
          </h2>
          <p className="lab__section">{t('labs.common.section', { section: t(`labs.${id}.section`) })}</p>
        </div>
        {onReset && (
          <button type="button" className="lab__reset" onClick={onReset}>
            {t('labs.common.reset')}
          </button>
        )}
      </header>
      <p className="lab__intro">{t(`labs.${id}.intro`)}</p>
      {children}
    </section>
  );
}

/**
 * A chart region named `title`, with Export PNG (the whole figure: every panel with its caption)
 * and a text summary for screen readers (and tests).
 */
export function LabFigure({
  title,
  summary,
  children,
}: {
  title: string;
  summary?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { ref, savePng } = usePngExport(title, exportFigurePng);

  return (
    <section className="chart lab__figure" aria-label={title} ref={ref}>
      <div className="chart__header">
        <h3 className="chart__title">{title}</h3>
        <button
          type="button"
          className="chart__png"
          title={t('charts.exportPngTitle', { title })}
          aria-label={t('charts.exportPngTitle', { title })}
          onClick={savePng}
        >
          {t('charts.exportPng')}
        </button>
      </div>
      {children}
      {summary && <p className="sr-only lab__summary">{summary}</p>}
    </section>
  );
}

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  /** What the readout shows (the value by default). */
  display?: string;
}

/** A range input with its label and value; arrow keys move it by `step`. */
export function Slider({ label, value, min, max, step, onChange, display }: SliderProps) {
  const id = useId();
  return (
    <div className="lab__slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={display ?? String(value)}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output htmlFor={id}>{display ?? String(value)}</output>
    </div>
  );
}

/** A number box with its label; a value that is not a finite number is not passed on. */
export function NumberBox({
  label,
  value,
  onChange,
  step = 0.1,
  min,
  max,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  step?: number;
  min?: number;
  max?: number;
}) {
  const id = useId();
  return (
    <span className="lab__number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        step={step}
        min={min}
        max={max}
        value={Number.isFinite(value) ? value : ''}
        onChange={(e) => {
          const v = e.target.valueAsNumber;
          if (Number.isFinite(v)) onChange(v);
        }}
      />
    </span>
  );
}

/** A number as the book prints it: 4 decimals, tiny (< 1e-3) or huge ones in exponent form, NaN as NaN. */
export function bookNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const a = Math.abs(v);
  if (a !== 0 && (a < Math.max(1e-3, 10 ** -digits) || a >= 1e6)) return v.toExponential(2);
  return String(Number(v.toFixed(digits)));
}

/** An array as NumPy prints one: [0.2689 0.7311 0.8808]. */
export function bookArray(values: ArrayLike<number>, digits = 4): string {
  return `[${Array.from(values, (v) => bookNumber(v, digits)).join(' ')}]`;
}

/** A shape as NumPy prints it: (2, 3). */
export function shapeText(shape: readonly number[]): string {
  return `(${shape.join(', ')})`;
}

/**
 * A slider paired with a typed value box. The box keeps what the user typed (even when wrong); the
 * slider moves in linear or log steps. Used for scalar params and for hidden-layer sizes.
 */
import { fromLogPosition, LOG_STEPS, toLogPosition, formatNumber } from './logScale';

export interface NumberInputProps {
  id: string;
  label: string;
  value: number;
  /** Raw text of the box when it differs from the value (being typed or invalid). */
  rawText?: string;
  min: number;
  max: number;
  step: number;
  scale: 'linear' | 'log';
  disabled?: boolean;
  invalid?: boolean;
  sliderLabel: string;
  describedBy: string;
  onText: (text: string) => void;
  onValue: (value: number) => void;
}

/** Slider + text box for one number. */
export function NumberInput(p: NumberInputProps) {
  const log = p.scale === 'log';
  const position = log ? toLogPosition(p.value, p.min, p.max) : p.value;
  return (
    <div className="number-input">
      <input
        type="range"
        className="number-input__slider"
        aria-label={p.sliderLabel}
        aria-valuetext={formatNumber(p.value)}
        min={log ? 0 : p.min}
        max={log ? LOG_STEPS : p.max}
        step={log ? 1 : p.step}
        value={position}
        disabled={p.disabled}
        onChange={(e) => {
          const raw = Number(e.target.value);
          p.onValue(log ? fromLogPosition(raw, p.min, p.max) : raw);
        }}
      />
      <input
        id={p.id}
        type="text"
        inputMode="decimal"
        className="number-input__box"
        value={p.rawText ?? formatNumber(p.value)}
        disabled={p.disabled}
        aria-invalid={p.invalid || undefined}
        aria-describedby={p.describedBy}
        onChange={(e) => p.onText(e.target.value)}
      />
    </div>
  );
}

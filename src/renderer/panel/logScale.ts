/**
 * Log-scale slider mapping: a slider position 0..steps maps to min·(max/min)^(position/steps), so
 * each notch multiplies the value by the same factor (0.001 -> 0.01 is as far as 0.01 -> 0.1).
 */

/** Slider resolution for log-scale parameters. */
export const LOG_STEPS = 1000;

/** The value at a slider position, rounded to 3 significant digits and kept inside [min, max]. */
export function fromLogPosition(position: number, min: number, max: number, steps = LOG_STEPS): number {
  const t = Math.min(1, Math.max(0, position / steps));
  const value = Number((min * Math.pow(max / min, t)).toPrecision(3));
  return Math.min(max, Math.max(min, value));
}

/** The slider position nearest to a value (values outside the range sit at the ends). */
export function toLogPosition(value: number, min: number, max: number, steps = LOG_STEPS): number {
  if (!(value > min)) return 0;
  if (value >= max) return steps;
  return Math.round((Math.log(value / min) / Math.log(max / min)) * steps);
}

/** A value as short, exact-enough text for a box: up to 6 significant digits, no float noise. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

/** The Labs' series colours (readable on the light and the dark theme). */
export const CURVE_COLORS = {
  step: '#7f7f7f',
  sigmoid: '#1f77b4',
  tanh: '#2ca02c',
  relu: '#d62728',
} as const;

/** One colour per optimizer in the race, as the book's plots tell them apart. */
export const OPTIMIZER_COLORS = {
  sgd: '#1f77b4',
  momentum: '#ff7f0e',
  nesterov: '#8c564b',
  adagrad: '#2ca02c',
  rmsprop: '#9467bd',
  adam: '#d62728',
} as const;

/** A neutral series colour and an accent for highlights. */
export const SERIES_COLOR = '#1f77b4';
export const ACCENT_COLOR = '#d62728';

/**
 * Config slice: the training config being edited. Number fields keep their raw text so a half-typed
 * or wrong value stays visible with its message while the last valid value stays in `config`.
 */
import type { StateCreator } from 'zustand';
import { convGeometryProblem } from '../../shared/conv-geometry';
import type { KeyOf } from '../../shared/i18n';
import {
  DEFAULT_CONFIG,
  HIDDEN_SIZES,
  notApplicable,
  PARAMS,
  parseTrainConfig,
  type NumberParam,
  type NumericKey,
  type TrainConfig,
} from '../../shared/hyperparams';

/** An i18n key plus its interpolation values. */
export interface FieldError {
  key: KeyOf<'error'>;
  values?: Record<string, string | number>;
}

export interface ConfigSlice {
  config: TrainConfig;
  /** Raw text of number boxes, keyed by config key or `hidden.<i>`. */
  rawText: Record<string, string>;
  /** Validation errors, keyed like rawText. */
  fieldErrors: Record<string, FieldError>;
  setConfigValue: <K extends keyof TrainConfig>(key: K, value: TrainConfig[K]) => void;
  setNumberText: (key: NumericKey, text: string) => void;
  setHiddenSize: (index: number, text: string) => void;
  addHiddenLayer: () => void;
  removeHiddenLayer: (index: number) => void;
  resetConfig: () => void;
}

const numberParams = new Map(
  PARAMS.filter((p): p is NumberParam => p.kind === 'number').map((p) => [p.key, p]),
);

/** Parse a typed number against a range; returns the value or the error to show. */
export function parseNumberText(
  text: string,
  min: number,
  max: number,
  integer: boolean,
): { value: number } | { error: FieldError } {
  const trimmed = text.trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  if (!Number.isFinite(value)) return { error: { key: 'error.notNumber' } };
  if (integer && !Number.isInteger(value)) return { error: { key: 'error.integer' } };
  if (value < min || value > max) return { error: { key: 'error.range', values: { min, max } } };
  return { value };
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}

/**
 * A new config, with the typed text and errors of controls that no longer apply dropped: their
 * boxes are disabled, so an error there could not be fixed, and would keep Train disabled. The
 * config kept their last valid value, which they show again.
 */
function withConfig(
  s: ConfigSlice,
  config: TrainConfig,
): Pick<ConfigSlice, 'config' | 'rawText' | 'fieldErrors'> {
  let { rawText, fieldErrors } = s;
  for (const key of Object.keys(fieldErrors) as (keyof TrainConfig)[]) {
    if (notApplicable(key, config) === null) continue;
    rawText = withoutKey(rawText, key);
    fieldErrors = withoutKey(fieldErrors, key);
  }
  return { config, rawText, fieldErrors };
}

/** Drop the `hidden.*` entries (used when the list of layers changes shape). */
function withoutHidden<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !k.startsWith('hidden.')));
}

export const createConfigSlice: StateCreator<ConfigSlice, [], [], ConfigSlice> = (set) => ({
  config: DEFAULT_CONFIG,
  rawText: {},
  fieldErrors: {},
  setConfigValue: (key, value) =>
    set((s) =>
      withConfig(
        { ...s, rawText: withoutKey(s.rawText, key), fieldErrors: withoutKey(s.fieldErrors, key) },
        { ...s.config, [key]: value },
      ),
    ),
  setNumberText: (key, text) =>
    set((s) => {
      const param = numberParams.get(key);
      if (!param) return {};
      const parsed = parseNumberText(text, param.min, param.max, param.integer);
      const rawText = { ...s.rawText, [key]: text };
      if ('error' in parsed) return { rawText, fieldErrors: { ...s.fieldErrors, [key]: parsed.error } };
      return withConfig(
        { ...s, rawText, fieldErrors: withoutKey(s.fieldErrors, key) },
        {
          ...s.config,
          [key]: parsed.value,
        },
      );
    }),
  setHiddenSize: (index, text) =>
    set((s) => {
      const field = `hidden.${index}`;
      const parsed = parseNumberText(text, HIDDEN_SIZES.min, HIDDEN_SIZES.max, true);
      const rawText = { ...s.rawText, [field]: text };
      if ('error' in parsed) return { rawText, fieldErrors: { ...s.fieldErrors, [field]: parsed.error } };
      const hidden = s.config.hidden.slice();
      hidden[index] = parsed.value;
      return { rawText, config: { ...s.config, hidden }, fieldErrors: withoutKey(s.fieldErrors, field) };
    }),
  addHiddenLayer: () =>
    set((s) => {
      if (s.config.hidden.length >= HIDDEN_SIZES.maxCount) return {};
      const last = s.config.hidden[s.config.hidden.length - 1] ?? 50;
      return { config: { ...s.config, hidden: [...s.config.hidden, last] } };
    }),
  removeHiddenLayer: (index) =>
    set((s) => {
      if (s.config.hidden.length <= HIDDEN_SIZES.minCount) return {};
      // Raw text and errors are keyed by position, so they are dropped when positions shift.
      return {
        config: { ...s.config, hidden: s.config.hidden.filter((_, i) => i !== index) },
        rawText: withoutHidden(s.rawText),
        fieldErrors: withoutHidden(s.fieldErrors),
      };
    }),
  resetConfig: () => set({ config: DEFAULT_CONFIG, rawText: {}, fieldErrors: {} }),
});

/** True when no box shows an error and the whole config passes the shared schema. */
export function isConfigValid(s: Pick<ConfigSlice, 'config' | 'fieldErrors'>): boolean {
  return (
    Object.keys(s.fieldErrors).length === 0 &&
    parseTrainConfig(s.config).ok &&
    convGeometryProblem(s.config) === null
  );
}

/**
 * The loaded dataset's class names as the views show them (src/shared/class-names.ts says where
 * they come from): a user's or a names file's as written, a well-known set's from the dictionary
 * (translated), else the labels 0…9. `digits` says whether the classes are MNIST's digits, so a
 * view can say "digit" or "class".
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CLASS_COUNT } from '../../shared/class-names';
import type { DatasetInfo } from '../../shared/runs';
import { useDatasetInfo } from '../store';

export interface ClassLabels {
  /** The name of each label, 0 first. */
  names: string[];
  /** True for MNIST's digits (and a set with no names, whose labels are its names). */
  digits: boolean;
}

const LABELS = Array.from({ length: CLASS_COUNT }, (_, i) => String(i));
const FASHION_KEYS = [
  'classes.fashion.c0',
  'classes.fashion.c1',
  'classes.fashion.c2',
  'classes.fashion.c3',
  'classes.fashion.c4',
  'classes.fashion.c5',
  'classes.fashion.c6',
  'classes.fashion.c7',
  'classes.fashion.c8',
  'classes.fashion.c9',
] as const;

/** The class labels of `info` in the language of `t`. */
export function classLabels(info: DatasetInfo | null, t: TFunction): ClassLabels {
  const c = info?.classNames;
  if (!c || c.source === 'none') return { names: LABELS, digits: true };
  if (c.source === 'known')
    return c.set === 'mnist'
      ? { names: LABELS, digits: true }
      : { names: FASHION_KEYS.map((key) => t(key)), digits: false };
  return { names: c.names, digits: false };
}

/** The loaded dataset's class labels, in the UI language. */
export function useClassLabels(): ClassLabels {
  const { t } = useTranslation();
  return classLabels(useDatasetInfo(), t);
}

/**
 * Counting a test evaluation: the confusion matrix (rows = true label, columns = predicted),
 * per-class accuracy, and the list of mistakes (the book's ch08 misclassified_mnist).
 */
import type { TestEvaluation } from '../../shared/api';

export const CLASSES = 10;

/** The fields of a TestEvaluation the counting needs. */
export type Outcomes = Pick<TestEvaluation, 'labels' | 'predictions' | 'count'>;

/** (classes, classes) counts, row-major: m[t * classes + p] = images of true t predicted p. */
export function confusionMatrix(ev: Outcomes, classes = CLASSES): Uint32Array {
  const m = new Uint32Array(classes * classes);
  for (let i = 0; i < ev.count; i++) m[ev.labels[i] * classes + ev.predictions[i]]++;
  return m;
}

export interface ClassAccuracy {
  digit: number;
  correct: number;
  total: number;
  /** correct / total, or NaN when the class has no images. */
  accuracy: number;
}

/** Per true class: the diagonal cell over its row's total (recall, in the ML vocabulary). */
export function classAccuracy(matrix: Uint32Array, classes = CLASSES): ClassAccuracy[] {
  const out: ClassAccuracy[] = [];
  for (let t = 0; t < classes; t++) {
    let total = 0;
    for (let p = 0; p < classes; p++) total += matrix[t * classes + p];
    const correct = matrix[t * classes + t];
    out.push({ digit: t, correct, total, accuracy: total > 0 ? correct / total : NaN });
  }
  return out;
}

/** Test-set indices whose true label is `truth` and prediction is `predicted`, ascending. */
export function cellIndices(ev: Outcomes, truth: number, predicted: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ev.count; i++)
    if (ev.labels[i] === truth && ev.predictions[i] === predicted) out.push(i);
  return out;
}

/** A filter on the mistakes gallery; null means any digit. */
export interface MistakeFilter {
  truth: number | null;
  predicted: number | null;
}

/** Indices of misclassified test images, ascending, optionally only those matching `filter`. */
export function mistakeIndices(
  ev: Outcomes,
  filter: MistakeFilter = { truth: null, predicted: null },
): number[] {
  const out: number[] = [];
  for (let i = 0; i < ev.count; i++) {
    const t = ev.labels[i];
    const p = ev.predictions[i];
    if (t === p) continue;
    if (filter.truth !== null && t !== filter.truth) continue;
    if (filter.predicted !== null && p !== filter.predicted) continue;
    out.push(i);
  }
  return out;
}

/** Number of pages needed for `total` items (at least 1, so an empty list still has page 0). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The items on page `page` (0-based). */
export function pageSlice<T>(items: readonly T[], page: number, pageSize: number): T[] {
  return items.slice(page * pageSize, (page + 1) * pageSize);
}

/** Overall accuracy as the book prints it: 0.9352 (9352/10000). */
export function formatAccuracy(correct: number, count: number): string {
  const acc = count > 0 ? correct / count : 0;
  return `${acc.toFixed(4)} (${correct}/${count})`;
}

/**
 * The arg-max of the book's `np.argmax(y, axis=1)`, one row at a time: predictions, accuracy and
 * the UI's top guess all read the predicted class through it.
 */

/**
 * Index (counted from `offset`) of the largest of the `length` values starting at `offset`; the
 * first one on ties, like np.argmax. -1 when `length` is 0.
 */
export function argmax(values: ArrayLike<number>, offset = 0, length = values.length - offset): number {
  if (length <= 0) return -1;
  let best = 0;
  for (let j = 1; j < length; j++) if (values[offset + j] > values[offset + best]) best = j;
  return best;
}

/** Reading a Prediction: the top class and probabilities as whole percentages. */

/** Index of the largest value (the predicted digit); -1 for an empty array. */
export function argmax(values: ArrayLike<number>): number {
  let best = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] > bestValue) {
      bestValue = values[i];
      best = i;
    }
  }
  return best;
}

/** A probability 0..1 as a whole percentage, 0..100. */
export function percent(p: number): number {
  return Math.round(Math.max(0, Math.min(1, p)) * 100);
}

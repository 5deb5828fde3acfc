/** Reading a Prediction: probabilities as whole percentages (the top class is src/nn's argmax). */

/** A probability 0..1 as a whole percentage, 0..100. */
export function percent(p: number): number {
  return Math.round(Math.max(0, Math.min(1, p)) * 100);
}

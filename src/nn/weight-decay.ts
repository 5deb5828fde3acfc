/**
 * Weight decay (book §6.4.2), on weights W only (never biases or BN parameters).
 *   L2: loss += ½·λ·Σ W², dW += λ·W
 *   L1: loss += λ·Σ |W|,  dW += λ·sign(W)
 */
import type { Floats } from './kernels';

/** A weight-decay kind's config name. */
export type WeightDecayName = 'none' | 'l2' | 'l1';

/** The penalty added to the loss for one weight matrix. */
export function decayPenalty(kind: WeightDecayName, lambda: number, W: Floats): number {
  if (kind === 'none' || lambda === 0) return 0;
  let s = 0;
  if (kind === 'l2') {
    for (let i = 0; i < W.length; i++) s += W[i] * W[i];
    return 0.5 * lambda * s;
  }
  for (let i = 0; i < W.length; i++) s += Math.abs(W[i]);
  return lambda * s;
}

/** dW += ∂penalty/∂W. */
export function addDecayGradient(kind: WeightDecayName, lambda: number, W: Floats, dW: Floats): void {
  if (kind === 'none' || lambda === 0) return;
  if (kind === 'l2') {
    for (let i = 0; i < W.length; i++) dW[i] += lambda * W[i];
  } else {
    for (let i = 0; i < W.length; i++) dW[i] += lambda * Math.sign(W[i]);
  }
}

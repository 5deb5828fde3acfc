/**
 * Weight decay (book §6.4.2), on weights W only (never biases or BN parameters).
 *   L2: loss += ½·λ·Σ W², dW += λ·W
 *   L1: loss += λ·Σ |W|,  dW += λ·sign(W)
 */
import type { Floats } from './kernels';
import { registryNames } from './registry';

/** One penalty: its value for a weight matrix, and its gradient added to dW. */
interface DecayRule {
  penalty(lambda: number, W: Floats): number;
  addGradient(lambda: number, W: Floats, dW: Floats): void;
}

/** The weight-decay kinds by config name ('none' adds nothing). */
export const WEIGHT_DECAY_RULES = {
  none: null,
  l2: {
    penalty(lambda, W) {
      let s = 0;
      for (let i = 0; i < W.length; i++) s += W[i] * W[i];
      return 0.5 * lambda * s;
    },
    addGradient(lambda, W, dW) {
      for (let i = 0; i < W.length; i++) dW[i] += lambda * W[i];
    },
  },
  l1: {
    penalty(lambda, W) {
      let s = 0;
      for (let i = 0; i < W.length; i++) s += Math.abs(W[i]);
      return lambda * s;
    },
    addGradient(lambda, W, dW) {
      for (let i = 0; i < W.length; i++) dW[i] += lambda * Math.sign(W[i]);
    },
  },
} as const satisfies Record<string, DecayRule | null>;

/** A weight-decay kind's config name. */
export type WeightDecayName = keyof typeof WEIGHT_DECAY_RULES;

/** The weight-decay kinds' config names: the keys of WEIGHT_DECAY_RULES. */
export const WEIGHT_DECAYS = registryNames(WEIGHT_DECAY_RULES);

/** The penalty added to the loss for one weight matrix. */
export function decayPenalty(kind: WeightDecayName, lambda: number, W: Floats): number {
  const rule: DecayRule | null = WEIGHT_DECAY_RULES[kind];
  if (rule === null || lambda === 0) return 0;
  return rule.penalty(lambda, W);
}

/** dW += ∂penalty/∂W. */
export function addDecayGradient(kind: WeightDecayName, lambda: number, W: Floats, dW: Floats): void {
  const rule: DecayRule | null = WEIGHT_DECAY_RULES[kind];
  if (rule === null || lambda === 0) return;
  rule.addGradient(lambda, W, dW);
}

/**
 * Gradient clipping by global norm (not in the book; Pascanu et al. 2013): when the L2 norm of all
 * gradients together, ‖g‖₂ = √(Σ_l Σ_i g_li²), exceeds maxNorm, every gradient is multiplied by
 * maxNorm / ‖g‖₂. The step keeps its direction and loses only length, so one bad batch cannot throw
 * the weights far away.
 */
import type { Floats } from './kernels';
import { l2Norm } from './gradient-norms';

/** Scales `grads` (all gradients in one flat buffer) in place to norm ≤ maxNorm; returns the norm before. */
export function clipGlobalNorm(grads: Floats, maxNorm: number): number {
  const norm = l2Norm(grads);
  if (norm > maxNorm) {
    const scale = maxNorm / norm;
    for (let i = 0; i < grads.length; i++) grads[i] *= scale;
  }
  return norm;
}

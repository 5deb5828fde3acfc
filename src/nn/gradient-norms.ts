/**
 * How large each layer's weight gradient is while training: the L2 (Frobenius) norm
 *   ‖dW_l‖₂ = sqrt(Σ_ij dW_l[i, j]²)
 * of the batch-mean gradient dW1, dW2, ... that the optimizer receives (data loss plus the weight
 * decay term). Biases are left out: a layer's W dominates its parameter count and is what the book
 * plots when it discusses vanishing gradients (§6.2). Watching these norms shows vanishing (the
 * early layers' norms fall by decades) or exploding gradients.
 *
 * Cheap by sampling: the trainer measures one iteration in `every` (plus the one before each
 * evaluation point), so one pass over the weights costs well under 1 % of the backward passes.
 */
import type { Floats } from './tensor';

/** ‖g‖₂ = sqrt(Σ g_i²), summed in float64 so a float32 gradient of 78,400 values loses nothing. */
export function l2Norm(g: Floats | ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < g.length; i++) sum += g[i] * g[i];
  return Math.sqrt(sum);
}

/** Averages ‖dW_l‖₂ of every weight layer over the sampled iterations between two reads. */
export class GradientNormMeter {
  private readonly sums: Float64Array;
  private samples = 0;

  /** `gradients`: the live dW1, dW2, ... buffers (views the backward pass writes into). */
  constructor(private readonly gradients: readonly Floats[]) {
    this.sums = new Float64Array(gradients.length);
  }

  /** Adds the current norm of each layer's gradient. */
  sample(): void {
    for (let l = 0; l < this.gradients.length; l++) this.sums[l] += l2Norm(this.gradients[l]);
    this.samples++;
  }

  /** The mean norm per layer (W1 first) since the last take(), then starts over; null if nothing was sampled. */
  take(): number[] | null {
    if (this.samples === 0) return null;
    const means = Array.from(this.sums, (s) => s / this.samples);
    this.sums.fill(0);
    this.samples = 0;
    return means;
  }
}

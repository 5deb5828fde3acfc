/**
 * The book's ch05 gradient check (§5.7.3) for any network, with a verdict: backprop's gradient of
 * the loss against the central difference (numericalGradient) per trainable parameter, on the
 * network's current weights. Run it on a float64 network: float32 rounding alone would swamp the
 * differences it looks for.
 *
 * A large network has too many entries to perturb one by one (deep-convnet: two forwards per entry
 * for ~70,000 entries), so each parameter checks at most `entriesPerParam` entries, drawn by a
 * seeded Rng: the same call checks the same entries.
 */
import { numericalGradient } from './gradient';
import type { Network } from './network';
import { Rng } from './rng';
import type { NetInput, Targets } from './tensor';

/**
 * How well backprop and the central difference agree for one parameter, from the largest
 * difference relative to the largest gradient entry: 'agree' below 1e-5 (float64 with h = 1e-4
 * leaves about 1e-8), 'borderline' below 1e-2 (a ReLU or max-pooling kink inside ±h can do that),
 * 'disagree' above (a wrong backward rule).
 */
export type GradientVerdict = 'agree' | 'borderline' | 'disagree';

/** The relative differences that separate the verdicts. */
export const VERDICT_LIMITS = { agree: 1e-5, borderline: 1e-2 } as const;

/**
 * The smallest gradient scale a difference is measured against: the central difference's own noise
 * in float64 is about 1e-16 · loss / h ≈ 1e-12, so a parameter whose every gradient entry is below
 * this (a bias just before batch norm, whose true gradient is 0) is judged on absolute differences.
 */
export const GRADIENT_FLOOR = 1e-8;

/** How much closer an entry that disagrees at h is looked at again (h / 100). */
export const KINK_STEP_RATIO = 100;

/** One parameter's comparison over the entries checked. */
export interface ParameterCheck {
  /** W1, b1, gamma1, ... */
  name: string;
  /** Entries compared, and the parameter's entries in all. */
  checked: number;
  total: number;
  /** Entries whose difference at h came from a kink: they agreed when looked at with h / 100. */
  kinks: number;
  /** mean and max |backprop - numerical| over the checked entries (the book prints the mean). */
  meanAbsDiff: number;
  maxAbsDiff: number;
  /** maxAbsDiff / the largest |gradient| entry of either side (at least GRADIENT_FLOOR). */
  relativeDiff: number;
  verdict: GradientVerdict;
}

/** How to check (every field optional). */
export interface CheckGradientsOptions {
  /** The central difference's step (the book's 1e-4). */
  h?: number;
  /** At most this many entries per parameter (all when it has no more); default 200. */
  entriesPerParam?: number;
  /** Seeds the choice of entries. */
  seed?: number;
  /**
   * Differentiate the training-mode loss (batch statistics, a frozen dropout mask) instead of the
   * inference one (running statistics, no dropout): the default is inference, the network as it predicts.
   */
  train?: boolean;
  /** Called after each entry with the entries done and the entries to do in all. */
  onProgress?: (done: number, total: number) => void;
}

/** The verdict for a relative difference (NaN or Infinity disagree). */
export function verdictOf(relativeDiff: number): GradientVerdict {
  if (!(relativeDiff < VERDICT_LIMITS.borderline)) return 'disagree';
  return relativeDiff < VERDICT_LIMITS.agree ? 'agree' : 'borderline';
}

/** The worst verdict among the parameters ('agree' for none). */
export function overallVerdict(checks: readonly ParameterCheck[]): GradientVerdict {
  const order: GradientVerdict[] = ['agree', 'borderline', 'disagree'];
  let worst = 0;
  for (const c of checks) worst = Math.max(worst, order.indexOf(c.verdict));
  return order[worst];
}

/** `count` distinct indices in [0, n), ascending (all of them when count ≥ n). */
function sampleIndices(n: number, count: number, rng: Rng): Int32Array {
  if (count >= n) return Int32Array.from({ length: n }, (_, i) => i);
  // A partial Fisher–Yates shuffle of 0..n-1: the first `count` are a uniform sample.
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(n - i);
    const tmp = all[i];
    all[i] = all[j];
    all[j] = tmp;
  }
  return all.subarray(0, count).sort();
}

/**
 * Backprop vs central differences for every trainable parameter of `network` on (x, t). The
 * weights (and running statistics) are exactly as before when it returns or throws.
 */
export function checkGradients(
  network: Network,
  x: NetInput,
  t: Targets,
  options: CheckGradientsOptions = {},
): ParameterCheck[] {
  const { h = 1e-4, entriesPerParam = 200, seed = 0, train = false, onProgress } = options;
  const flat = network.flatParams();
  const saved = flat.slice();
  const rng = new Rng(seed);
  const names = Object.keys(network.params);
  const chosen = names.map((name) =>
    sampleIndices(network.params[name].length, Math.max(1, entriesPerParam), rng),
  );
  const total = chosen.reduce((sum, c) => sum + c.length, 0);
  try {
    network.gradient(x, t, train);
    // Backprop's gradients, copied: the loss calls below do not touch them, but keep them apart anyway.
    const backprop = names.map((name) => Float64Array.from(network.grads[name]));
    network.freezeDropout(true);
    flat.set(saved); // a training forward moved the running statistics
    const f = (): number => network.loss(x, t, train);
    const results: ParameterCheck[] = [];
    let done = 0;
    names.forEach((name, p) => {
      const param = network.params[name];
      const grad = backprop[p];
      let sum = 0;
      let max = 0;
      let scale = 0;
      let kinks = 0;
      for (const i of chosen[p]) {
        // numericalGradient over a one-entry view perturbs exactly param[i], in place.
        const entry = param.subarray(i, i + 1);
        let numeric = numericalGradient(f, entry, h)[0];
        let d = Math.abs(grad[i] - numeric);
        if (!(d <= VERDICT_LIMITS.agree * Math.max(Math.abs(grad[i]), Math.abs(numeric), GRADIENT_FLOOR))) {
          // ±h may straddle a kink (a ReLU at 0, a max-pooling tie): a kink's error shrinks with the
          // step, a wrong backward rule's does not. Look again, a hundred times closer.
          const closer = numericalGradient(f, entry, h / KINK_STEP_RATIO)[0];
          const dCloser = Math.abs(grad[i] - closer);
          if (dCloser < d) {
            if (
              dCloser <=
              VERDICT_LIMITS.agree * Math.max(Math.abs(grad[i]), Math.abs(closer), GRADIENT_FLOOR)
            )
              kinks++;
            numeric = closer;
            d = dCloser;
          }
        }
        sum += d;
        max = Math.max(max, d); // NaN stays NaN, and disagrees
        scale = Math.max(scale, Math.abs(grad[i]), Math.abs(numeric));
        onProgress?.(++done, total);
      }
      const relativeDiff = max === 0 ? 0 : max / Math.max(scale, GRADIENT_FLOOR);
      results.push({
        name,
        checked: chosen[p].length,
        total: param.length,
        kinks,
        meanAbsDiff: sum / chosen[p].length,
        maxAbsDiff: max,
        relativeDiff,
        verdict: verdictOf(relativeDiff),
      });
    });
    return results;
  } finally {
    network.freezeDropout(false);
    flat.set(saved);
  }
}

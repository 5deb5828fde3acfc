/**
 * The worker's side of LabApi.explain: the saliency of one drawing for one class, from the run's
 * network as it is now (between training iterations).
 */
import { InputGradient, softmaxRows, type Network } from '../nn/index';
import type { Explanation } from '../shared/explain';

/** One InputGradient per network (its buffers live in the network's backend memory). */
const passes = new WeakMap<Network, InputGradient>();

/** Saliency maps and probabilities of one (784) uint8 drawing for `classIndex` (null: the top class). */
export function explainDigit(network: Network, pixels: Uint8Array, classIndex: number | null): Explanation {
  let pass = passes.get(network);
  if (pass === undefined) passes.set(network, (pass = new InputGradient(network)));
  const x = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) x[i] = pixels[i] / 255;
  const s = pass.compute(x, classIndex);
  // The output activation of predict: softmax, or the scores themselves for identity + MSE.
  const scores = Float32Array.from(s.scores);
  const probabilities = new Float32Array(scores.length);
  if (network.spec.loss === 'softmax-cross-entropy') softmaxRows(scores, probabilities, 1, scores.length);
  else probabilities.set(scores);
  return {
    classIndex: s.classIndex,
    topClass: s.topClass,
    probabilities,
    gradient: Float32Array.from(s.gradient),
    evidence: Float32Array.from(s.evidence),
  };
}

/**
 * What the "look deeper" views receive from a run's worker: the saliency of one drawing
 * (LabApi.explain).
 */

/** One drawing's saliency for one class, from the run's current weights. */
export interface Explanation {
  /** The class whose score was differentiated (the top class unless one was asked for). */
  classIndex: number;
  /** The network's top class for this drawing. */
  topClass: number;
  /** (10) the class probabilities, as predict gives them. */
  probabilities: Float32Array;
  /** (784) ∂(score of classIndex)/∂(pixel), pixels scaled to [0, 1], score before the softmax. */
  gradient: Float32Array;
  /** (784) pixel × gradient: positive speaks for classIndex, negative against it. */
  evidence: Float32Array;
}

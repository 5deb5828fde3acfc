/**
 * The book's TwoLayerNet of chapters 4 and 5 as a NetworkSpec: 784-50-10, ReLU, softmax with
 * cross-entropy, weights drawn from N(0, 0.01²), no batch norm, dropout or weight decay. The CLI's
 * eval and gradcheck, the backprop lab and the tests start from it and change what they need.
 */
import type { NetworkSpec } from './network';

export function bookSpec(changes: Partial<NetworkSpec> = {}): NetworkSpec {
  return {
    inputSize: 784,
    hidden: [50],
    outputSize: 10,
    activation: 'relu',
    loss: 'softmax-cross-entropy',
    init: 'std',
    initStd: 0.01,
    batchNorm: false,
    dropout: 0,
    weightDecay: 'none',
    weightDecayLambda: 0,
    ...changes,
  };
}

/**
 * A weight snapshot: one copy of a network's flat parameter buffer, taken at an evaluation point.
 * It travels by transfer, never copied again: run worker -> evaluator (scores it) -> run worker ->
 * service (saves it), read there as the named tensors W1, b1, ... viewing that one buffer.
 */
import type { Network } from '../nn/index';
import type { WeightTensor } from '../shared/runs';

/** The one copy of `network`'s parameters (trainable prefix, then running statistics). */
export function takeSnapshot(network: Network): Float32Array<ArrayBuffer> {
  return Float32Array.from(network.flatParams());
}

/** The named tensors of a snapshot of `network`'s layout: views into `params`, no copies. */
export function snapshotTensors(network: Network, params: Float32Array): WeightTensor[] {
  return network.layout.slots.map((slot) => ({
    name: slot.name,
    shape: [...slot.shape],
    data: params.subarray(slot.offset, slot.offset + slot.length),
  }));
}

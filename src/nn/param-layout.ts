/**
 * Where each named parameter lives in a network's one flat buffer (llm.c style): W1, b1, W2, b2,
 * ..., then gamma1, beta1, ... (BatchNormalization), in the order of the book's
 * MultiLayerNetExtend.params, then the non-trainable running statistics runningMean1, runningVar1, ...
 * Trainable parameters come first, so the gradient buffer mirrors exactly that prefix.
 */

/** One named tensor inside the flat buffer. */
export interface ParamSlot {
  name: string;
  shape: number[];
  offset: number;
  length: number;
  /** False for BatchNormalization running statistics (updated by forward, not by the optimizer). */
  trainable: boolean;
}

/** The full layout of a network's parameters. */
export interface ParamLayout {
  slots: ParamSlot[];
  /** Length of the trainable prefix (= length of the gradient buffer). */
  trainableLength: number;
  /** Length of the whole flat buffer. */
  totalLength: number;
}

/** The layout of named shapes in the given order (trainable ones must come first). */
export function layoutOf(
  entries: readonly { name: string; shape: number[]; trainable: boolean }[],
): ParamLayout {
  const slots: ParamSlot[] = [];
  let offset = 0;
  let trainableLength = 0;
  for (const { name, shape, trainable } of entries) {
    const length = shape.reduce((a, b) => a * b, 1);
    if (trainable && offset !== trainableLength)
      throw new Error(`trainable '${name}' after running statistics`);
    slots.push({ name, shape: [...shape], offset, length, trainable });
    offset += length;
    if (trainable) trainableLength = offset;
  }
  return { slots, trainableLength, totalLength: offset };
}

/** The layout for sizes [inputSize, ...hidden, outputSize], with or without BatchNormalization. */
export function paramLayout(sizes: number[], batchNorm: boolean): ParamLayout {
  const slots: ParamSlot[] = [];
  let offset = 0;
  const add = (name: string, shape: number[], trainable: boolean): void => {
    const length = shape.reduce((a, b) => a * b, 1);
    slots.push({ name, shape, offset, length, trainable });
    offset += length;
  };
  for (let l = 1; l < sizes.length; l++) {
    add(`W${l}`, [sizes[l - 1], sizes[l]], true);
    add(`b${l}`, [sizes[l]], true);
  }
  const hiddenCount = sizes.length - 2;
  if (batchNorm) {
    for (let l = 1; l <= hiddenCount; l++) {
      add(`gamma${l}`, [sizes[l]], true);
      add(`beta${l}`, [sizes[l]], true);
    }
  }
  const trainableLength = offset;
  if (batchNorm) {
    for (let l = 1; l <= hiddenCount; l++) {
      add(`runningMean${l}`, [sizes[l]], false);
      add(`runningVar${l}`, [sizes[l]], false);
    }
  }
  return { slots, trainableLength, totalLength: offset };
}

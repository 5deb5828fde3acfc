/**
 * Whether a SimpleConvNet's settings build a network on MNIST's 28×28 images, and the shapes they
 * give (book §7.2.4: OH = (H + 2P − FH) / S + 1; §7.3: pooling in non-overlapping P×P windows).
 * The book's SimpleConvNet computes its Affine's input size from these formulas, so a combination
 * where they are not whole numbers is refused with a message instead of being rounded down. The
 * panel shows the shapes (or the message) beside the architecture's controls; startRun refuses
 * such a config with the same message.
 */
import type { TrainConfig } from './hyperparams';
import { message, type LabMessage } from './messages';

/** MNIST's image side. */
export const IMAGE_SIDE = 28;

/** The settings the geometry depends on. */
export type ConvSettings = Pick<
  TrainConfig,
  'arch' | 'filters' | 'filterSize' | 'stride' | 'pad' | 'pool' | 'convHidden'
>;

/** The shapes of a SimpleConvNet, layer by layer (channels × height × width). */
export interface ConvShapes {
  conv: { C: number; H: number; W: number };
  pool: { C: number; H: number; W: number };
  /** The first Affine's input size (C·H·W after pooling) and its output size. */
  affine: { D: number; M: number };
}

/** The shapes, or the message saying why these settings cannot build the network. */
export function convShapes(
  c: ConvSettings,
  side = IMAGE_SIDE,
): { shapes: ConvShapes } | { problem: LabMessage } {
  const { filterSize: filter, stride, pad, pool } = c;
  // The schema keeps the filter within the image (filterSize ≤ 14 ≤ 28 + 2·pad), so span ≥ 0.
  const span = side + 2 * pad - filter;
  if (span % stride !== 0) {
    const size = String(Math.round((span / stride + 1) * 100) / 100);
    return { problem: message('convNotWhole', { side, pad, filter, stride, size }) };
  }
  const size = span / stride + 1;
  if (size % pool !== 0) return { problem: message('poolNotWhole', { size, pool }) };
  const pooled = size / pool;
  return {
    shapes: {
      conv: { C: c.filters, H: size, W: size },
      pool: { C: c.filters, H: pooled, W: pooled },
      affine: { D: c.filters * pooled * pooled, M: c.convHidden },
    },
  };
}

/** Why this config cannot build its network, or null when it can (only SimpleConvNet's settings vary). */
export function convGeometryProblem(c: ConvSettings): LabMessage | null {
  if (c.arch !== 'simple-convnet') return null;
  const r = convShapes(c);
  return 'problem' in r ? r.problem : null;
}

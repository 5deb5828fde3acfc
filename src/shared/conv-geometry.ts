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

/** One layer of DeepConvNet with the size of its output (book names: Conv1…Conv6, Pool1…Pool3). */
export interface LayerSize {
  name: string;
  C: number;
  H: number;
  W: number;
}

/**
 * The book's DeepConvNet (ch08 deep_convnet.py): six 3×3 convolutions of stride 1 with these
 * filter counts and paddings, a 2×2 max-pool after each pair, then Affine → 50 → 10. Fixed: the
 * panel shows its sizes, the engine's deepConvNetPlan builds the same (test/shared/conv-geometry.test.ts).
 */
export const DEEP_CONVNET_CONVS: readonly { FN: number; pad: number }[] = [
  { FN: 16, pad: 1 },
  { FN: 16, pad: 1 },
  { FN: 32, pad: 1 },
  { FN: 32, pad: 2 },
  { FN: 64, pad: 1 },
  { FN: 64, pad: 1 },
];

/** DeepConvNet's convolution and pooling outputs in forward order, and its first Affine's sizes. */
export function deepConvNetShapes(side = IMAGE_SIDE): {
  layers: LayerSize[];
  affine: { D: number; M: number };
} {
  const layers: LayerSize[] = [];
  let H = side;
  let C = 1;
  DEEP_CONVNET_CONVS.forEach(({ FN, pad }, i) => {
    H = H + 2 * pad - 3 + 1;
    C = FN;
    layers.push({ name: `Conv${i + 1}`, C, H, W: H });
    if (i % 2 === 1) {
      H = Math.floor(H / 2);
      layers.push({ name: `Pool${(i + 1) / 2}`, C, H, W: H });
    }
  });
  return { layers, affine: { D: C * H * H, M: 50 } };
}

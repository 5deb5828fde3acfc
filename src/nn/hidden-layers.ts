/**
 * A network's hidden layers as the hidden-layer map and the histograms see them: the output of
 * each activation that follows a fully connected layer (Affine → [BatchNormalization] →
 * activation), in forward order — every hidden layer of an MLP, and a CNN's hidden Affine layer.
 * A CNN's convolution outputs are feature maps (Network.featureMaps), not listed here.
 */
import { argmax } from './argmax';
import { ACTIVATION_LAYERS } from './layers/activations';
import { Affine } from './layers/Affine';
import { BatchNormalization } from './layers/BatchNormalization';
import type { Layer } from './layers/layer';
import type { Network } from './network';
import type { CsrBatch, Floats, Matrix } from './tensor';

const ACTIVATION_CLASSES: readonly (abstract new (...args: never[]) => Layer)[] =
  Object.values(ACTIVATION_LAYERS);

/** One hidden layer: its index among network.layers, its name ('Relu1') and its width. */
export interface HiddenLayer {
  layerIndex: number;
  name: string;
  width: number;
}

/** The hidden layers of `network` (see the file comment), in forward order. */
export function hiddenLayers(network: Network): HiddenLayer[] {
  const result: HiddenLayer[] = [];
  let lastAffine: Affine | null = null;
  network.layers.forEach((layer, layerIndex) => {
    if (layer instanceof Affine) lastAffine = layer;
    else if (layer instanceof BatchNormalization)
      return; // between the Affine and its activation
    else if (ACTIVATION_CLASSES.some((C) => layer instanceof C) && lastAffine !== null) {
      result.push({ layerIndex, name: layer.name, width: (lastAffine as Affine).W.cols });
      lastAffine = null;
    } else lastAffine = null;
  });
  return result;
}

/** What each hidden layer outputs for a batch of images, and the network's answer for each. */
export interface HiddenOutputs {
  /** Per hidden layer (hiddenLayers order), (n, width) outputs. */
  layers: Float32Array[];
  /** (n) the arg-max class of each image. */
  predictions: Uint8Array;
  /** (n) its probability (softmax; the raw output for identity + MSE). */
  confidences: Float32Array;
}

/** Input buffers per network, from its backend (WebAssembly memory is never freed). */
const inputs = new WeakMap<Network, { dense: Floats; csr: CsrBatch }>();
const BATCH = 250;

/** Rows [start, start + rows) of uint8 images (·, D) as a CSR batch of v / 255 (only the ink). */
function fillCsr(csr: CsrBatch, images: Uint8Array, start: number, rows: number, D: number): void {
  let e = 0;
  for (let i = 0; i < rows; i++) {
    csr.rowPtr[i] = e;
    const o = (start + i) * D;
    for (let p = 0; p < D; p++) {
      const v = images[o + p];
      if (v !== 0) {
        csr.colIdx[e] = p;
        csr.values[e++] = v / 255;
      }
    }
  }
  csr.rowPtr[rows] = e;
  csr.n = rows;
}

/**
 * Inference-mode outputs of every hidden layer for n uint8 images (n, D), in batches of 250, with
 * the predicted class of each image. Copies.
 */
export function hiddenOutputs(network: Network, images: Uint8Array, n: number): HiddenOutputs {
  const D = network.spec.inputSize;
  const hidden = hiddenLayers(network);
  const layers = hidden.map((h) => new Float32Array(n * h.width));
  const predictions = new Uint8Array(n);
  const confidences = new Float32Array(n);
  let buffers = inputs.get(network);
  if (buffers === undefined) {
    const { alloc } = network.backend;
    buffers = { dense: alloc.floats(BATCH * D), csr: alloc.csr(BATCH, BATCH * D) };
    inputs.set(network, buffers);
  }
  const x = buffers.dense;
  const sparse = network.sparseInputLayer;
  for (let start = 0; start < n; start += BATCH) {
    const rows = Math.min(BATCH, n - start);
    let h: Matrix;
    if (sparse !== null) {
      // An MLP's first layer skips the zero pixels (most of them), as training does.
      fillCsr(buffers.csr, images, start, rows, D);
      h = sparse.forward(buffers.csr);
    } else {
      for (let i = 0; i < rows * D; i++) x[i] = images[start * D + i] / 255;
      h = network.layers[0].forward({ rows, cols: D, data: x }, false);
    }
    let next = 0;
    network.layers.forEach((layer, i) => {
      if (i > 0) h = layer.forward(h, false);
      if (next < hidden.length && hidden[next].layerIndex === i) {
        const w = hidden[next].width;
        layers[next].set(h.data.subarray(0, rows * w), start * w);
        next++;
      }
    });
    const y = network.lastLayer.predict(h);
    const M = y.cols;
    for (let i = 0; i < rows; i++) {
      const best = argmax(y.data, i * M, M);
      predictions[start + i] = best;
      confidences[start + i] = y.data[i * M + best];
    }
  }
  return { layers, predictions, confidences };
}

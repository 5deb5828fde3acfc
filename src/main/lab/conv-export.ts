/**
 * A CNN run's weights for the book's code and for ONNX. The .npz and .pkl hold the dict the book's
 * SimpleConvNet.load_params / DeepConvNet.load_params read (W1, b1, ... in its shapes; the pickle in
 * protocol 4, as the book's params.pkl and deep_convnet_params.pkl are written). The ONNX graph
 * follows the network's own plan (src/nn/convnet.ts), folding what inference does not need as
 * separate nodes:
 *   batch norm after an Affine:  y = x(W·s) + (b - mean)·s + beta,  s = gamma / sqrt(var + eps)
 *   the book's Dropout at test time multiplies by (1 - ratio): ReLU commutes with a positive scale,
 *   so the factor moves into the next Affine's W, or into the last Affine's W and b when it ends the net
 *   inverted dropout (ours) is the identity at inference and is left out.
 */
import { writeConvOnnx, type OnnxConvStage } from '../../formats/index';
import { deepConvNetPlan, simpleConvNetPlan, type ConvPlan } from '../../nn/index';
import type { TrainConfig } from '../../shared/hyperparams';
import type { WeightTensor } from '../../shared/runs';
import { LabError, message } from '../../shared/messages';

/** The pickle protocol of the book's ch07/ch08 pickles. */
export const BOOK_CONVNET_PICKLE_PROTOCOL = 4 as const;

/** The engine's batch-norm epsilon (BatchNormalization.ts, as the book's). */
const BATCH_NORM_EPS = 1e-7;

/** The plan of a CNN config, for 28×28 images and 10 classes (what the run's network was built from). */
export function convPlanOf(config: TrainConfig, inputSize = 784): ConvPlan {
  const io = { inputSize, outputSize: 10 };
  return config.arch === 'deep-convnet' ? deepConvNetPlan(io) : simpleConvNetPlan({ ...io, ...config });
}

/** The ONNX model of a CNN run's weights. */
export function convOnnx(config: TrainConfig, tensors: readonly WeightTensor[], inputSize = 784): Uint8Array {
  const plan = convPlanOf(config, inputSize);
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const get = (name: string): Float32Array => {
    const t = byName.get(name);
    if (t === undefined) {
      const shapes = tensors.map((x) => `${x.name} (${x.shape.join(', ')})`).join(', ');
      throw new LabError(message('notBookConvNet', { shapes }));
    }
    return Float32Array.from(t.data);
  };
  const stages: OnnxConvStage[] = [];
  let scale = 1; // the book's dropout factors not yet folded into a weight
  let flattened = false;
  let image = { C: 1, H: 28, W: 28 };
  plan.stages.forEach((stage, i) => {
    if (i === 0 && stage.kind === 'conv') image = stage.input;
    switch (stage.kind) {
      case 'conv': {
        const { FN, FH, FW, stride, pad } = stage.options;
        const W = get(`W${stage.l}`);
        if (scale !== 1) for (let k = 0; k < W.length; k++) W[k] *= scale;
        scale = 1;
        stages.push({
          op: 'Conv',
          W,
          shape: [FN, stage.input.C, FH, FW],
          b: get(`b${stage.l}`),
          stride,
          pad,
        });
        break;
      }
      case 'pool':
        stages.push({
          op: 'MaxPool',
          size: stage.options.PH,
          stride: stage.options.stride,
          pad: stage.options.pad,
        });
        break;
      case 'relu':
        stages.push({ op: 'Relu' });
        break;
      case 'affine': {
        if (!flattened) stages.push({ op: 'Flatten' });
        flattened = true;
        const W = get(`W${stage.l}`);
        if (scale !== 1) for (let k = 0; k < W.length; k++) W[k] *= scale;
        scale = 1;
        stages.push({ op: 'Gemm', W, D: stage.D, M: stage.M, b: get(`b${stage.l}`) });
        break;
      }
      case 'batchNorm': {
        const last = stages[stages.length - 1];
        if (last?.op !== 'Gemm') throw new Error('batch norm must follow an Affine');
        const gamma = get(`gamma${stage.index}`);
        const beta = get(`beta${stage.index}`);
        const mean = get(`runningMean${stage.index}`);
        const variance = get(`runningVar${stage.index}`);
        for (let j = 0; j < last.M; j++) {
          const s = gamma[j] / Math.sqrt(variance[j] + BATCH_NORM_EPS);
          for (let r = 0; r < last.D; r++) last.W[r * last.M + j] *= s; // column j of W (D, M)
          last.b[j] = (last.b[j] - mean[j]) * s + beta[j];
        }
        break;
      }
      case 'dropout':
        if (stage.scaling === 'book') scale *= 1 - stage.ratio;
        break;
    }
  });
  if (scale !== 1) {
    // The net ends in the book's dropout: scale the last Affine's output, W and b alike.
    const last = stages[stages.length - 1];
    if (last?.op !== 'Gemm') throw new Error('a convolutional network ends in an Affine');
    for (let k = 0; k < last.W.length; k++) last.W[k] *= scale;
    for (let k = 0; k < last.b.length; k++) last.b[k] *= scale;
  }
  return writeConvOnnx({ image, stages, classes: 10 });
}

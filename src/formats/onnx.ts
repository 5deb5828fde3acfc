/**
 * Exports a trained MLP as an ONNX model (opset 13) that onnxruntime, Netron or any ONNX tool
 * can run: input `input` (N, 784) float32 -> output `probabilities` (N, 10).
 *   per hidden layer l:  Gemm(x, W_l, b_l) -> Relu | Sigmoid | Tanh
 *   output layer:        Gemm(x, W_L, b_L) -> Softmax
 * Batch normalisation at inference is an affine map per feature, so it is folded into the Gemm:
 *   y = gamma·(xW + b - mean)/sqrt(var + eps) + beta = x(W·s) + (b - mean)·s + beta,  s = gamma/sqrt(var + eps)
 * Dropout is the identity at inference (inverted dropout), so it does not appear.
 * The protobuf is written by hand; field numbers are those of onnx/onnx.proto.
 */
import type { WeightTensor } from '../shared/runs';
import { ExportError } from './errors';
import { float32Bytes } from './ndarray';
import { ProtoWriter } from './protobuf';
import { message } from '../shared/messages';

/** How the MLP's hidden layers activate, and the batch-norm epsilon the engine uses. */
export interface OnnxExportOptions {
  activation: 'relu' | 'sigmoid' | 'tanh';
  /** BatchNormalization's eps (the engine's and the book's: 1e-7). */
  batchNormEpsilon?: number;
  producerVersion?: string;
}

const FLOAT = 1; // TensorProto.DataType.FLOAT
const OP_TYPES = { relu: 'Relu', sigmoid: 'Sigmoid', tanh: 'Tanh' } as const;

/** One Gemm layer after folding: W (D, M) and b (M). */
export interface FoldedLayer {
  W: Float32Array;
  b: Float32Array;
  inputSize: number;
  outputSize: number;
}

/** Reads W1, b1, W2, ... (and gamma/beta/runningMean/runningVar when present) and folds batch norm. */
export function foldLayers(tensors: readonly WeightTensor[], eps = 1e-7): FoldedLayer[] {
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const layers: FoldedLayer[] = [];
  for (let l = 1; byName.has(`W${l}`); l++) {
    const W = byName.get(`W${l}`)!;
    const b = byName.get(`b${l}`);
    if (W.shape.length !== 2)
      throw new ExportError(message('onnxNotDense', { layer: l, shape: W.shape.join(', ') }));
    const [D, M] = W.shape;
    if (!b || b.data.length !== M) throw new ExportError(message('onnxBias', { layer: l, count: M }));
    if (layers.length && layers[layers.length - 1].outputSize !== D) {
      throw new ExportError(
        message('onnxChain', {
          layer: l,
          inputs: D,
          previous: l - 1,
          outputs: layers[layers.length - 1].outputSize,
        }),
      );
    }
    const folded: FoldedLayer = {
      W: Float32Array.from(W.data),
      b: Float32Array.from(b.data),
      inputSize: D,
      outputSize: M,
    };
    const gamma = byName.get(`gamma${l}`);
    if (gamma) {
      const beta = byName.get(`beta${l}`);
      const mean = byName.get(`runningMean${l}`);
      const variance = byName.get(`runningVar${l}`);
      if (!beta || !mean || !variance) throw new ExportError(message('onnxBatchNorm', { layer: l }));
      for (let j = 0; j < M; j++) {
        const s = gamma.data[j] / Math.sqrt(variance.data[j] + eps);
        for (let i = 0; i < D; i++) folded.W[i * M + j] *= s; // scale column j of W (D, M)
        folded.b[j] = (folded.b[j] - mean.data[j]) * s + beta.data[j];
      }
    }
    layers.push(folded);
  }
  if (layers.length === 0) throw new ExportError(message('onnxNoW1'));
  return layers;
}

/** A float32 initializer (TensorProto) named `name` of shape `dims`. */
export function tensorProto(w: ProtoWriter, name: string, dims: number[], values: Float32Array): void {
  for (const d of dims) w.int(1, d); // dims
  w.int(2, FLOAT); // data_type
  w.string(8, name); // name
  w.bytes(9, float32Bytes(values)); // raw_data, little-endian
}

/** A graph input or output (ValueInfoProto): float32 (N, width), N any batch size. */
export function valueInfo(w: ProtoWriter, name: string, width: number): void {
  w.string(1, name); // ValueInfoProto.name
  w.message(2, (type) =>
    // TypeProto
    type.message(1, (tensor) => {
      // TypeProto.Tensor
      tensor.int(1, FLOAT); // elem_type
      tensor.message(2, (shape) => {
        // TensorShapeProto
        shape.message(1, (dim) => dim.string(2, 'N')); // dim_param: any batch size
        shape.message(1, (dim) => dim.int(1, width)); // dim_value
      });
    }),
  );
}

/** A NodeProto: `opType` of `inputs` into `output`, named after its output. */
export function node(
  w: ProtoWriter,
  opType: string,
  inputs: string[],
  output: string,
  attributes: (a: ProtoWriter) => void = () => {},
): void {
  for (const i of inputs) w.string(1, i);
  w.string(2, output);
  w.string(3, output); // node name = its output's name
  w.string(4, opType);
  attributes(w);
}

/** Encodes an MLP's weights as ONNX ModelProto bytes (IR version 7, opset 13). */
export function writeOnnx(tensors: readonly WeightTensor[], options: OnnxExportOptions): Uint8Array {
  const opType = OP_TYPES[options.activation];
  if (!opType) throw new ExportError(message('onnxActivation', { activation: String(options.activation) }));
  const layers = foldLayers(tensors, options.batchNormEpsilon ?? 1e-7);
  const model = new ProtoWriter();
  model.int(1, 7); // ir_version 7 goes with opset 13
  model.string(2, 'mnist-lab');
  model.string(3, options.producerVersion ?? '1');
  model.message(8, (opset) => opset.string(1, '').int(2, 13)); // opset_import: default domain, 13
  model.message(7, (graph) => {
    let x = 'input';
    layers.forEach((_layer, index) => {
      const l = index + 1;
      const last = l === layers.length;
      graph.message(1, (n) => node(n, 'Gemm', [x, `W${l}`, `b${l}`], `affine${l}`));
      x = `affine${l}`;
      if (last) {
        graph.message(1, (n) =>
          node(n, 'Softmax', [x], 'probabilities', (a) =>
            a.message(5, (attr) => attr.string(1, 'axis').int(3, -1).int(20, 2)),
          ),
        );
      } else {
        graph.message(1, (n) => node(n, opType, [x], `${options.activation}${l}`));
        x = `${options.activation}${l}`;
      }
    });
    graph.string(2, 'mnist-mlp');
    layers.forEach((layer, index) => {
      graph.message(5, (t) => tensorProto(t, `W${index + 1}`, [layer.inputSize, layer.outputSize], layer.W));
      graph.message(5, (t) => tensorProto(t, `b${index + 1}`, [layer.outputSize], layer.b));
    });
    graph.message(11, (v) => valueInfo(v, 'input', layers[0].inputSize));
    graph.message(12, (v) => valueInfo(v, 'probabilities', layers[layers.length - 1].outputSize));
  });
  return model.finish();
}

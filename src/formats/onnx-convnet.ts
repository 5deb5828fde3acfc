/**
 * Exports a convolutional network (the book's SimpleConvNet or DeepConvNet) as an ONNX model
 * (opset 13): input `input` (N, C·H·W) float32, the same flat pixels as the MLP export, then
 *   Reshape -> (N, C, H, W)
 *   per stage:  Conv(x, W_l, b_l; strides, pads) | Relu | MaxPool(kernel, strides) | Flatten
 *               | Gemm(x, W_l, b_l)
 *   last:       Softmax -> `probabilities` (N, classes)
 * The stages come already folded (batch norm into its Gemm, the book's test-time dropout scaling
 * into the next weights; see src/main/lab/conv-export.ts): this file only writes them.
 * Conv is a cross-correlation in ONNX as in the book's im2col, and Flatten keeps C-order (N, C·H·W)
 * as the book's `x.reshape(N, -1)`, so W of the first Affine needs no reordering.
 */
import { ExportError } from './errors';
import { node, tensorProto, valueInfo } from './onnx';
import { ProtoWriter } from './protobuf';
import { message } from '../shared/messages';

/** One step of the exported graph, in forward order. */
export type OnnxConvStage =
  | {
      op: 'Conv';
      W: Float32Array;
      shape: [number, number, number, number];
      b: Float32Array;
      stride: number;
      pad: number;
    }
  | { op: 'MaxPool'; size: number; stride: number; pad: number }
  | { op: 'Relu' }
  | { op: 'Flatten' }
  | { op: 'Gemm'; W: Float32Array; D: number; M: number; b: Float32Array };

/** The network to export: its image shape, stages and number of classes. */
export interface OnnxConvNet {
  image: { C: number; H: number; W: number };
  stages: OnnxConvStage[];
  classes: number;
  producerVersion?: string;
}

const INT64 = 7; // TensorProto.DataType.INT64
const ATTR_INT = 2;
const ATTR_INTS = 7;

/** An int64 initializer (the Reshape target shape). */
function int64Tensor(w: ProtoWriter, name: string, values: number[]): void {
  w.int(1, values.length); // dims
  w.int(2, INT64);
  w.string(8, name);
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  w.bytes(9, bytes);
}

/** An INTS attribute (kernel_shape, strides, pads). */
function ints(a: ProtoWriter, name: string, values: number[]): void {
  a.message(5, (attr) => {
    attr.string(1, name);
    for (const v of values) attr.int(8, v);
    attr.int(20, ATTR_INTS);
  });
}

/** Encodes a convolutional network as ONNX ModelProto bytes (IR version 7, opset 13). */
export function writeConvOnnx(net: OnnxConvNet): Uint8Array {
  const { image, stages, classes } = net;
  if (stages.length === 0 || stages[stages.length - 1].op !== 'Gemm')
    throw new ExportError(message('onnxNoW1'));
  const model = new ProtoWriter();
  model.int(1, 7);
  model.string(2, 'mnist-lab');
  model.string(3, net.producerVersion ?? '1');
  model.message(8, (opset) => opset.string(1, '').int(2, 13));
  model.message(7, (graph) => {
    graph.message(1, (n) => node(n, 'Reshape', ['input', 'image_shape'], 'image'));
    let x = 'image';
    let l = 0;
    stages.forEach((stage, i) => {
      const out = `${stage.op.toLowerCase()}${i + 1}`;
      switch (stage.op) {
        case 'Conv': {
          l++;
          const [, , FH, FW] = stage.shape;
          const { stride, pad } = stage;
          graph.message(1, (n) =>
            node(n, 'Conv', [x, `W${l}`, `b${l}`], out, (a) => {
              ints(a, 'kernel_shape', [FH, FW]);
              ints(a, 'strides', [stride, stride]);
              ints(a, 'pads', [pad, pad, pad, pad]);
            }),
          );
          break;
        }
        case 'MaxPool': {
          const { size, stride, pad } = stage;
          graph.message(1, (n) =>
            node(n, 'MaxPool', [x], out, (a) => {
              ints(a, 'kernel_shape', [size, size]);
              ints(a, 'strides', [stride, stride]);
              ints(a, 'pads', [pad, pad, pad, pad]);
            }),
          );
          break;
        }
        case 'Flatten':
          graph.message(1, (n) =>
            node(n, 'Flatten', [x], out, (a) =>
              a.message(5, (attr) => attr.string(1, 'axis').int(3, 1).int(20, ATTR_INT)),
            ),
          );
          break;
        case 'Relu':
          graph.message(1, (n) => node(n, 'Relu', [x], out));
          break;
        case 'Gemm':
          l++;
          graph.message(1, (n) => node(n, 'Gemm', [x, `W${l}`, `b${l}`], out));
          break;
      }
      x = out;
    });
    graph.message(1, (n) =>
      node(n, 'Softmax', [x], 'probabilities', (a) =>
        a.message(5, (attr) => attr.string(1, 'axis').int(3, -1).int(20, ATTR_INT)),
      ),
    );
    graph.string(2, 'mnist-convnet');
    graph.message(5, (t) => int64Tensor(t, 'image_shape', [-1, image.C, image.H, image.W]));
    let k = 0;
    for (const stage of stages) {
      if (stage.op === 'Conv') {
        k++;
        graph.message(5, (t) => tensorProto(t, `W${k}`, stage.shape, stage.W));
        graph.message(5, (t) => tensorProto(t, `b${k}`, [stage.shape[0]], stage.b));
      } else if (stage.op === 'Gemm') {
        k++;
        graph.message(5, (t) => tensorProto(t, `W${k}`, [stage.D, stage.M], stage.W));
        graph.message(5, (t) => tensorProto(t, `b${k}`, [stage.M], stage.b));
      }
    }
    graph.message(11, (v) => valueInfo(v, 'input', image.C * image.H * image.W));
    graph.message(12, (v) => valueInfo(v, 'probabilities', classes));
  });
  return model.finish();
}

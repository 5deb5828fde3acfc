import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FormatError,
  decodeWeights,
  detectWeightsFormat,
  encodeWeights,
  readPickledArrays,
  type WeightsMeta,
} from '../../src/formats';
import { bookDir, readBytes } from './helpers';

const meta: WeightsMeta = {
  architecture: { inputSize: 784, hidden: [50], outputSize: 10, activation: 'relu', batchNorm: false },
  seed: 1,
};
const tensors = [
  { name: 'W1', shape: [784, 50], data: Float32Array.from({ length: 784 * 50 }, (_, i) => Math.sin(i) / 10) },
  { name: 'b1', shape: [50], data: Float32Array.from({ length: 50 }, (_, i) => i / 100) },
  { name: 'W2', shape: [50, 10], data: Float32Array.from({ length: 500 }, (_, i) => Math.cos(i) / 10) },
  { name: 'b2', shape: [10], data: Float32Array.from({ length: 10 }, (_, i) => -i) },
];

describe('detectWeightsFormat / decodeWeights / encodeWeights', () => {
  for (const format of ['json', 'npz', 'pkl'] as const) {
    it(`${format}: detected from its bytes (even with a misleading name) and decoded to the same tensors`, () => {
      const bytes = encodeWeights(format, tensors, meta);
      expect(detectWeightsFormat(bytes, 'weights.bin')).toBe(format);
      const decoded = decodeWeights(bytes, `weights.${format}`);
      expect(decoded.tensors).toEqual(tensors);
      if (format === 'json') expect(decoded.meta).toEqual(meta);
      else expect(decoded.meta).toBeUndefined();
    });
  }

  it('pickle protocols 2 and 4 and an uncompressed npz decode too', () => {
    for (const pickleProtocol of [2, 4] as const)
      expect(decodeWeights(encodeWeights('pkl', tensors, meta, { pickleProtocol })).tensors).toEqual(tensors);
    expect(decodeWeights(encodeWeights('npz', tensors, undefined, { compressNpz: false })).tensors).toEqual(
      tensors,
    );
  });

  it('npy holds one tensor, named after its file', () => {
    const bytes = encodeWeights('npy', [tensors[1]]);
    expect(detectWeightsFormat(bytes)).toBe('npy');
    expect(decodeWeights(bytes, '/some/dir/b1.npy').tensors).toEqual([tensors[1]]);
    expect(() => encodeWeights('npy', tensors)).toThrow(/holds one array, not 4: use .npz/);
  });

  it("decodes the book's float64 params.pkl to float32 tensors in file order", () => {
    const bytes = readBytes(path.join(bookDir, 'params.pkl'));
    expect(detectWeightsFormat(bytes, 'params.pkl')).toBe('pkl');
    const { tensors: decoded } = decodeWeights(bytes, 'params.pkl');
    expect(decoded.map((t) => t.name)).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
    const original = readPickledArrays(bytes).get('W2')!.data as Float64Array;
    expect(decoded[2].data).toBeInstanceOf(Float32Array);
    expect(decoded[2].data).toEqual(Float32Array.from(original));
  });

  it('onnx is detected and exported, but importing it explains why not', () => {
    const bytes = encodeWeights('onnx', tensors, meta);
    expect(detectWeightsFormat(bytes, 'model.onnx')).toBe('onnx');
    expect(() => decodeWeights(bytes, 'model.onnx')).toThrow(/exported but not imported/);
    expect(() => encodeWeights('onnx', tensors)).toThrow(/needs the network architecture/);
    expect(() => encodeWeights('json', tensors, {})).toThrow(/needs the network architecture/);
  });

  it('falls back to the extension, and refuses what it cannot recognise', () => {
    expect(detectWeightsFormat(new Uint8Array(0), 'w.NPZ')).toBe('npz');
    expect(() => detectWeightsFormat(new TextEncoder().encode('hello'), 'notes.txt')).toThrow(FormatError);
    expect(() => detectWeightsFormat(new TextEncoder().encode('hello'), 'notes.txt')).toThrow(
      /Cannot tell what kind of weights file notes.txt is/,
    );
    expect(() => decodeWeights(new TextEncoder().encode('  {"format": "x"}'), 'a.json')).toThrow(
      /not a valid mnist-lab-weights v1 document/,
    );
  });
});

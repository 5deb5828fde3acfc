import { describe, expect, it } from 'vitest';
import { WeightsJsonError } from '../../src/formats/errors';
import { decodeWeightsJson, encodeWeightsJson, type WeightsMeta } from '../../src/formats/weights-json';

const meta: WeightsMeta = {
  architecture: { inputSize: 784, hidden: [50], outputSize: 10, activation: 'relu', batchNorm: false },
  config: { hidden: [50], learningRate: 0.1 },
  seed: 42,
  metrics: { testAccuracy: 0.97 },
};
const tensors = [
  {
    name: 'W1',
    shape: [784, 50],
    data: Float32Array.from({ length: 784 * 50 }, (_, i) => Math.sin(i * 1.7) / 3),
  },
  {
    name: 'b1',
    shape: [50],
    data: Float32Array.of(-0, 1e-45, 3.4e38, Infinity, -Infinity, NaN, ...new Array(44).fill(0.1)),
  },
  { name: 'W2', shape: [50, 10], data: new Float32Array(500).fill(-1.25) },
  { name: 'b2', shape: [10], data: new Float32Array(10) },
];
const bits = (a: Float32Array) => new Uint32Array(a.buffer, a.byteOffset, a.length);
const edit = (change: (doc: Record<string, unknown> & { tensors: Record<string, unknown>[] }) => void) => {
  const doc = JSON.parse(new TextDecoder().decode(encodeWeightsJson(tensors, meta)));
  change(doc);
  return new TextEncoder().encode(JSON.stringify(doc));
};

describe('weights JSON', () => {
  it('round-trips every float32 bit pattern (-0, denormals, Inf, NaN) and the metadata', () => {
    const back = decodeWeightsJson(encodeWeightsJson(tensors, meta));
    expect(back.meta).toEqual(meta);
    expect(back.tensors.map((t) => [t.name, t.shape])).toEqual(tensors.map((t) => [t.name, t.shape]));
    tensors.forEach((t, i) => expect(bits(back.tensors[i].data)).toEqual(bits(t.data)));
  });

  it('writes the documented layout with base64 little-endian data', () => {
    const doc = JSON.parse(
      new TextDecoder().decode(
        encodeWeightsJson([{ name: 'b', shape: [1], data: Float32Array.of(1) }], meta),
      ),
    );
    expect(doc.format).toBe('mnist-lab-weights');
    expect(doc.version).toBe(1);
    expect(doc.tensors[0]).toEqual({ name: 'b', shape: [1], dtype: 'float32', data: 'AACAPw==' }); // 1.0f = 00 00 80 3f
  });

  it('names a missing key', () => {
    expect(() => decodeWeightsJson(edit((d) => delete d.architecture))).toThrow(/missing architecture/);
    expect(() => decodeWeightsJson(edit((d) => delete d.tensors[1].shape))).toThrow(
      /missing tensors\.1\.shape/,
    );
  });

  it('refuses data that does not match the shape, before decoding it', () => {
    expect(() => decodeWeightsJson(edit((d) => (d.tensors[0].shape = [784, 51])))).toThrow(
      /Tensor W1: its data has 209068 base64 characters, but its shape needs 39984 float32 values/,
    );
    expect(() => decodeWeightsJson(edit((d) => (d.tensors[3].shape = [1e9, 1e9])))).toThrow(
      /Tensor b2: its data has 56 base64 characters/,
    );
  });

  it('refuses bad base64, a wrong dtype, a wrong format tag, duplicate names and non-JSON', () => {
    expect(() => decodeWeightsJson(edit((d) => (d.tensors[3].data = '!'.repeat(56))))).toThrow(
      'Tensor b2: its data is not valid base64.',
    );
    expect(() => decodeWeightsJson(edit((d) => (d.tensors[0].dtype = 'float64')))).toThrow(
      /tensors\.0\.dtype/,
    );
    expect(() => decodeWeightsJson(edit((d) => (d.format = 'keras')))).toThrow(/format/);
    expect(() => decodeWeightsJson(edit((d) => (d.tensors[1].name = 'W1')))).toThrow(
      'Tensor W1 appears twice.',
    );
    expect(() => decodeWeightsJson(new TextEncoder().encode('{"format": '))).toThrow(/not valid JSON/);
    expect(() =>
      decodeWeightsJson(edit((d) => ((d.architecture as { activation: string }).activation = 'gelu'))),
    ).toThrow(WeightsJsonError);
  });
});

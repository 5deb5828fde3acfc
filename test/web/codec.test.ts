import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage } from '../../src/shared/codec';

describe('web bridge codec', () => {
  it('round-trips nested objects holding Float32Array and Uint8Array, values and types intact', () => {
    const weights = new Float32Array([0.5, -1.25, 3e-8, Number.NaN, Infinity]);
    const pixels = Uint8Array.from({ length: 784 }, (_, i) => (i * 7) % 256);
    const message = {
      id: 7,
      result: {
        tensors: [
          { name: 'W1', shape: [784, 50], data: weights },
          { name: 'b1', shape: [50], data: new Float32Array(0) },
        ],
        sample: { pixels, labels: new Uint8Array([3, 1, 4]) },
        activations: [new Float64Array([1 / 3]), new Int32Array([-2, 2 ** 30])],
        text: 'ゼロから作る',
        nothing: null,
      },
    };
    const back = decodeMessage(encodeMessage(message)) as typeof message;
    expect(back.id).toBe(7);
    expect(back.result.text).toBe('ゼロから作る');
    expect(back.result.nothing).toBeNull();
    const w1 = back.result.tensors[0].data;
    expect(w1).toBeInstanceOf(Float32Array);
    expect(Array.from(w1)).toEqual(Array.from(weights)); // NaN and Infinity survive, unlike JSON
    expect(back.result.tensors[0].shape).toEqual([784, 50]);
    expect(back.result.tensors[1].data).toBeInstanceOf(Float32Array);
    expect(back.result.tensors[1].data.length).toBe(0);
    expect(back.result.sample.pixels).toBeInstanceOf(Uint8Array);
    expect(back.result.sample.pixels).toEqual(pixels);
    expect(Array.from(back.result.sample.labels)).toEqual([3, 1, 4]);
    expect(back.result.activations[0]).toBeInstanceOf(Float64Array);
    expect(back.result.activations[0][0]).toBe(1 / 3);
    expect(Array.from(back.result.activations[1])).toEqual([-2, 2 ** 30]);
  });

  it('carries typed arrays as raw bytes, not as decimal text', () => {
    const losses = new Float32Array(10_000).map((_, i) => Math.log(i + 2));
    const frame = encodeMessage({ losses });
    // 40,000 bytes of float32 plus a short header; as JSON numbers it would be ~180 KB.
    expect(frame.byteLength).toBeLessThan(40_000 + 200);
    const jsonLength = new DataView(frame.buffer).getUint32(0, true);
    expect(jsonLength).toBeLessThan(200);
  });

  it('reads views into a larger buffer and frames at an unaligned offset', () => {
    const big = new Float32Array([9, 8, 7, 6, 5]);
    const frame = encodeMessage({ part: big.subarray(1, 4) });
    const shifted = new Uint8Array(frame.byteLength + 3);
    shifted.set(frame, 3);
    const back = decodeMessage(shifted.subarray(3)) as { part: Float32Array };
    expect(Array.from(back.part)).toEqual([8, 7, 6]);
  });

  it('keeps undefined results and plain arrays of numbers as they are', () => {
    expect(decodeMessage(encodeMessage({ id: 1, result: undefined }))).toEqual({ id: 1 });
    expect(decodeMessage(encodeMessage([1, 2, 3]))).toEqual([1, 2, 3]);
  });

  it('rejects truncated or forged frames with a clear message', () => {
    const frame = encodeMessage({ data: new Float32Array(100) });
    expect(() => decodeMessage(frame.subarray(0, frame.byteLength - 8))).toThrow(/past the end/);
    expect(() => decodeMessage(new Uint8Array(2))).toThrow(/shorter than its header/);
    const forged = new TextEncoder().encode('{"buffers":[["Function",1]],"value":{"$bin":0}}');
    const bytes = new Uint8Array(4 + forged.length);
    new DataView(bytes.buffer).setUint32(0, forged.length, true);
    bytes.set(forged, 4);
    expect(() => decodeMessage(bytes)).toThrow(/unknown array type/);
  });

  it('refuses to encode objects that already use the reserved $bin key', () => {
    expect(() => encodeMessage({ nested: { $bin: 0 } })).toThrow(/codec reserves/);
  });
});

import { gzipSync } from 'fflate';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IdxFormatError } from '../../src/formats/errors';
import { isGzip, parseIdx, parseMnistPair } from '../../src/formats/idx';
import { mnistDir, readBytes } from './helpers';

const trainImages = readBytes(path.join(mnistDir, 'train-images-idx3-ubyte'));
const trainLabels = readBytes(path.join(mnistDir, 'train-labels-idx1-ubyte'));
const testImages = readBytes(path.join(mnistDir, 't10k-images-idx3-ubyte'));
const testLabels = readBytes(path.join(mnistDir, 't10k-labels-idx1-ubyte'));

/** A copy of `bytes` with its big-endian uint32 at `offset` set to `value`. */
function withUint32(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(offset, value);
  return copy;
}

describe('parseIdx on the real MNIST files', () => {
  it('reads the training set: 60,000 images of 28x28 and their labels', () => {
    const pair = parseMnistPair(trainImages, trainLabels);
    expect(pair.count).toBe(60000);
    expect([pair.rows, pair.cols]).toEqual([28, 28]);
    expect(pair.images.length).toBe(60000 * 784);
    expect(Array.from(pair.labels.subarray(0, 5))).toEqual([5, 0, 4, 1, 9]);
  });

  it('reads the test set: 10,000 images whose first labels are 7,2,1,0,4', () => {
    const pair = parseMnistPair(testImages, testLabels);
    expect(pair.count).toBe(10000);
    expect(Array.from(pair.labels.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
    // Each label count is plausible: every digit appears ~1,000 times.
    const counts = new Array(10).fill(0);
    for (const l of pair.labels) counts[l]++;
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });

  it('returns the pixels after the 16-byte header, untouched', () => {
    const { dims, data } = parseIdx(testImages);
    expect(dims).toEqual([10000, 28, 28]);
    expect(data[0]).toBe(testImages[16]);
    expect(data[data.length - 1]).toBe(testImages[testImages.length - 1]);
    let nonZero = 0;
    for (let i = 0; i < 784; i++) if (data[i] > 0) nonZero++;
    expect(nonZero).toBeGreaterThan(50); // the first image is a drawn 7, not blank
  });

  it('unpacks gzipped copies transparently and gives the same bytes', () => {
    const gz = gzipSync(testLabels);
    expect(isGzip(gz)).toBe(true);
    expect(isGzip(testLabels)).toBe(false);
    const fromGz = parseIdx(gz);
    expect(fromGz.dims).toEqual([10000]);
    expect(fromGz.data).toEqual(parseIdx(testLabels).data);
    const pair = parseMnistPair(gzipSync(testImages, { level: 1 }), gz);
    expect(pair.count).toBe(10000);
  });
});

describe('parseIdx on corrupt files', () => {
  it('names the magic number it found and the ones it expected', () => {
    const bad = withUint32(testLabels, 0, 0x12345678);
    expect(() => parseIdx(bad)).toThrow(IdxFormatError);
    expect(() => parseIdx(bad)).toThrow(
      /magic number is 0x12345678, expected 0x00000801 \(labels\) or 0x00000803 \(images\)/,
    );
  });

  it('refuses data types other than unsigned bytes', () => {
    const bad = withUint32(testLabels, 0, 0x00000d01);
    expect(() => parseIdx(bad)).toThrow(/Unsupported IDX data type 0x0d \(float \(32-bit\)\)/);
  });

  it('refuses a label file given where images are expected (wrong number of dimensions)', () => {
    expect(() => parseMnistPair(testLabels, testLabels)).toThrow(
      /Wrong number of dimensions: the file has 1 .* expected 3/,
    );
  });

  it('reports a truncated file with declared and present sizes', () => {
    const cut = testImages.subarray(0, 16 + 1000);
    expect(() => parseIdx(cut)).toThrow(
      /declares 10000 x 28 x 28 = 7,840,000 bytes of data, but only 1,000 bytes are present/,
    );
    expect(() => parseIdx(testImages.subarray(0, 10))).toThrow(/Truncated IDX header/);
    expect(() => parseIdx(new Uint8Array([0, 0]))).toThrow(/only 2 bytes long/);
  });

  it('refuses a huge declared size without allocating it', () => {
    const huge = withUint32(testImages, 4, 0xffffffff);
    expect(() => parseIdx(huge)).toThrow(/Truncated IDX file/);
  });

  it('reports truncated gzip data clearly', () => {
    const gz = gzipSync(testLabels);
    expect(() => parseIdx(gz.subarray(0, gz.length / 2))).toThrow(IdxFormatError);
  });

  it('refuses a gzip file whose declared unpacked size its data cannot hold, before unpacking', () => {
    const gz = gzipSync(testLabels);
    const bomb = withUint32(gz, gz.length - 4, 0); // ISIZE is little-endian: set it by hand
    new DataView(bomb.buffer).setUint32(bomb.length - 4, 4_000_000_000, true);
    expect(() => parseIdx(bomb)).toThrow(/declares 4,000,000,000 bytes unpacked, more than its/);
  });

  it('stops unpacking a gzip file as soon as it passes the size its IDX header declares', () => {
    // Ten labels declared, then 64 MiB of zeros: refused from the first steps, never unpacked in full.
    const header = Uint8Array.of(0, 0, 8, 1, 0, 0, 0, 10);
    const body = new Uint8Array(64 << 20);
    body.set(header);
    expect(() => parseIdx(gzipSync(body, { level: 1 }))).toThrow(
      'The gzip file unpacks to more than the 18 bytes its IDX header declares; it is corrupt or hostile.',
    );
  });

  it('refuses images over 65,536 pixels (the pixel index is 16-bit) and absurd declared sizes', () => {
    const images = Uint8Array.of(
      0,
      0,
      8,
      3,
      0,
      0,
      0,
      1,
      0,
      0,
      1,
      0,
      0,
      0,
      1,
      1,
      ...new Array<number>(257 * 256).fill(1),
    );
    const labels = Uint8Array.of(0, 0, 8, 1, 0, 0, 0, 1, 3);
    expect(() => parseMnistPair(images, labels)).toThrow(
      'The images are 256x257 pixels; images of 1 to 65,536 pixels can be used.',
    );
    const huge = Uint8Array.of(0, 0, 8, 3, 0x7f, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 28);
    expect(() => parseIdx(gzipSync(huge))).toThrow(/The IDX file declares [\d,]+ bytes of data; at most/);
  });

  it('refuses image and label counts that disagree', () => {
    const fewer = withUint32(trainLabels, 4, 59999).subarray(0, trainLabels.length - 1);
    expect(() => parseMnistPair(trainImages, fewer)).toThrow(
      /holds 60,000 images but the label file holds 59,999 labels/,
    );
  });

  it('refuses labels outside 0..9', () => {
    const bad = testLabels.slice();
    bad[8 + 3] = 12;
    expect(() => parseMnistPair(testImages, bad)).toThrow(/Label 3 is 12/);
  });
});

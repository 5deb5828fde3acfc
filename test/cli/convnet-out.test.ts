/**
 * `npm run train -- --arch simple-convnet ... --out FILE` for a CNN run: .npz and .pkl hold the book's
 * dict (W1 (FN, 1, F, F), ...; the pickle in protocol 4) that `npm run eval -- --weights` reads back
 * to the count training reported; .json does too and carries the run's own stride, pad and pool (which
 * .npz and .pkl cannot: their shapes are read with the book's stride 1, pad 0, 2×2 pooling first);
 * .onnx runs in onnxruntime-web and scores the same count on the 10,000 test images.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-web';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli';
import { decodeWeights } from '../../src/formats/index';
import { mnistDir } from '../formats/helpers';

const tmp = mkdtempSync(path.join(tmpdir(), 'mnist-cli-cnn-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const lastLine = (s: string) => s.trim().split('\n').at(-1) ?? '';
const countOf = (line: string) => Number(/\((\d+)\/10000\)/.exec(line)?.[1]);

const small = ['--arch', 'simple-convnet', '--filters', '4', '--conv-hidden', '16', '--optimizer', 'adam'];
const run = ['--lr', '0.003', '--iters', '40', '--eval-every', '40', '--seed', '2', '--quiet'];

describe('--out for a CNN run', () => {
  for (const ext of ['npz', 'pkl', 'json'] as const) {
    const settings = ext === 'json' ? ['--stride', '3', '--pad', '2', '--pool', '2'] : [];
    it(`train --arch simple-convnet --out w.${ext}: eval reads it back with the same count`, async () => {
      const out = path.join(tmp, `w.${ext}`);
      const r = await cli('train', [...small, ...settings, ...run, '--out', out]);
      expect(r.stderr).toMatch(new RegExp(`as ${ext}`));
      expect(r.code).toBe(0);
      const bytes = new Uint8Array(readFileSync(out));
      if (ext === 'pkl') expect([bytes[0], bytes[1]]).toEqual([0x80, 4]); // the book's pickle protocol
      const shapes = decodeWeights(bytes, out).tensors.map((t) => `${t.name} ${t.shape.join('x')}`);
      const side = ext === 'json' ? 5 : 12; // (28 + 4 - 5) / 3 + 1 = 10, pooled by 2 to 5; else 24 / 2
      expect(shapes).toEqual([
        'W1 4x1x5x5',
        'b1 4',
        `W2 ${4 * side * side}x16`,
        'b2 16',
        'W3 16x10',
        'b3 10',
      ]);
      const e = await cli('eval', ['--weights', out]);
      expect(e.stderr).toBe('');
      expect(e.code).toBe(0);
      expect(lastLine(e.stdout)).toBe(lastLine(r.stdout).replace('final test accuracy', 'test accuracy'));
      expect(countOf(lastLine(e.stdout))).toBeGreaterThan(1500); // better than chance: it learnt
    }, 180_000);
  }

  it('train --arch simple-convnet --out w.onnx: onnxruntime-web scores the count training reported', async () => {
    const out = path.join(tmp, 'w.onnx');
    const r = await cli('train', [...small, ...run, '--out', out]);
    expect(r.code).toBe(0);
    const session = await ort.InferenceSession.create(new Uint8Array(readFileSync(out)));
    const images = readFileSync(path.join(mnistDir, 't10k-images-idx3-ubyte')).subarray(16);
    const labels = readFileSync(path.join(mnistDir, 't10k-labels-idx1-ubyte')).subarray(8);
    const pixels = Float32Array.from(images, (p) => p / 255);
    const result = await session.run({
      [session.inputNames[0]]: new ort.Tensor('float32', pixels, [10000, 784]),
    });
    const p = result[session.outputNames[0]].data as Float32Array;
    let correct = 0;
    for (let i = 0; i < 10000; i++) {
      let best = 0;
      for (let j = 1; j < 10; j++) if (p[i * 10 + j] > p[i * 10 + best]) best = j;
      if (best === labels[i]) correct++;
    }
    expect(correct).toBe(countOf(lastLine(r.stdout)));
  }, 180_000);
});

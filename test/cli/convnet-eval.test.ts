/**
 * The book's ch07 params.pkl (SimpleConvNet, trained by the book's train_convnet.py) imported into our
 * SimpleConvNet: exactly 9600 of the 10,000 test images right, through `npm run eval -- --weights`
 * (the CLI recognises the CNN from its keys and shapes); the book's ch08 deep_convnet_params.pkl into
 * DeepConvNet: exactly 9797, what the book's own NumPy code gets on this MNIST (test/fixtures/book).
 * Convolutional weights that are not the book's layout get a clear LabError.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convArchitectureOf } from '../../src/main/lab/architecture';
import { LabError } from '../../src/shared/messages';
import { book, cli } from './run-cli';
import { repoRoot } from '../formats/helpers';

const pkl = path.join(book, 'params.pkl');
const present = existsSync(pkl);
if (!present && process.env.CI === 'true') throw new Error(`${pkl} is missing`);

describe('SimpleConvNet from the book', () => {
  it.skipIf(!present)(
    present ? 'npm run eval -- --weights params.pkl: 9600/10000' : `skipped: ${pkl} not found`,
    { timeout: 180_000 },
    async () => {
      const r = await cli('eval', ['--weights', pkl]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('network simple-convnet (30x1x5x5 30 4320x100 100 100x10 10)');
      expect(r.stdout.trim().split('\n').pop()).toBe('test accuracy: 0.9600 (9600/10000)');
    },
  );

  it('npm run eval -- --weights deep_convnet_params.pkl: 9797/10000', { timeout: 300_000 }, async () => {
    const r = await cli('eval', [
      '--weights',
      path.join(repoRoot, 'test/fixtures/book/deep_convnet_params.pkl'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('network deep-convnet (16x1x3x3 16 16x16x3x3 16 ');
    expect(r.stdout.trim().split('\n').pop()).toBe('test accuracy: 0.9797 (9797/10000)');
  });

  it('reads the architecture off the shapes, and refuses a filter bank that is not the book layout', () => {
    const t = (name: string, shape: number[]) => ({
      name,
      shape,
      data: new Float32Array(shape.reduce((a, b) => a * b, 1)),
    });
    expect(
      convArchitectureOf([
        t('W1', [30, 1, 5, 5]),
        t('b1', [30]),
        t('W2', [4320, 100]),
        t('b2', [100]),
        t('W3', [100, 10]),
        t('b3', [10]),
      ]),
    ).toEqual({
      arch: 'simple-convnet',
      filters: 30,
      filterSize: 5,
      stride: 1,
      pad: 0,
      pool: 2,
      convHidden: 100,
      batchNorm: false,
    });
    // 28 + 2·2 - 5 + 1 = 28, pooled to 14: pad 2 is the nearest to the book's settings that fits.
    const padded = [t('W1', [8, 1, 5, 5]), t('b1', [8]), t('W2', [8 * 14 * 14, 20]), t('b2', [20])];
    const tail = [t('W3', [20, 10]), t('b3', [10])];
    expect(convArchitectureOf([...padded, ...tail])).toMatchObject({
      stride: 1,
      pad: 2,
      pool: 2,
      convHidden: 20,
    });
    // A JSON export's own settings win when they fit the same shapes (stride 2, pad 2: 14, pool 1: 14).
    expect(
      convArchitectureOf([...padded, ...tail], 28, { arch: 'simple-convnet', stride: 2, pad: 2, pool: 1 }),
    ).toMatchObject({ stride: 2, pad: 2, pool: 1 });
    expect(convArchitectureOf([t('W1', [784, 50]), t('W2', [50, 10])])).toBeNull();
    expect(() => convArchitectureOf([t('W1', [30, 1, 5, 5]), t('W2', [999, 100])])).toThrow(LabError);
    expect(() =>
      convArchitectureOf([t('W1', [30, 1, 5, 5]), t('b1', [30]), t('W2', [4320, 100]), t('b2', [100])]),
    ).toThrow(/notBookConvNet|not the book's/);
    expect(() => convArchitectureOf([t('W1', [30, 1, 5, 5]), t('W2', [999, 100])])).toThrow(
      /W2 \(999, 100\)/,
    );
  });
});

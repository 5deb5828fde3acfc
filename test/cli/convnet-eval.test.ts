/**
 * The book's ch07 params.pkl (SimpleConvNet, trained by the book's train_convnet.py) imported into our
 * SimpleConvNet: exactly 9600 of the 10,000 test images right, through `npm run eval -- --weights`
 * (the CLI recognises the CNN from its keys and shapes). Convolutional weights that are not the book's
 * layout get a clear LabError.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convArchitectureOf } from '../../src/main/lab/architecture';
import { LabError } from '../../src/shared/messages';
import { book, cli } from './run-cli';

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

  it('reads the architecture off the shapes, and refuses a filter bank that is not the book layout', () => {
    const t = (name: string, shape: number[]) => ({
      name,
      shape,
      data: new Float32Array(shape.reduce((a, b) => a * b, 1)),
    });
    expect(
      convArchitectureOf([t('W1', [30, 1, 5, 5]), t('b1', [30]), t('W2', [4320, 100]), t('W3', [100, 10])]),
    ).toEqual({ arch: 'simple-convnet', filters: 30, filterSize: 5, convHidden: 100 });
    expect(convArchitectureOf([t('W1', [784, 50]), t('W2', [50, 10])])).toBeNull();
    expect(() => convArchitectureOf([t('W1', [30, 1, 5, 5]), t('W2', [999, 100])])).toThrow(LabError);
    expect(() => convArchitectureOf([t('W1', [30, 1, 5, 5]), t('W2', [999, 100])])).toThrow(
      /W2 \(999, 100\)/,
    );
  });
});

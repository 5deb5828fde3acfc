/** The metrics CSVs: one row per iteration (iteration,loss,learning_rate) and one per evaluation point. */
import { describe, expect, it } from 'vitest';
import { epochsCsv, iterationsCsv, safeFileName } from '../../../src/renderer/runs/files';
import type { EpochMetrics } from '../../../src/shared/runs';

describe('metrics as CSV', () => {
  it('iterations: a header and 1-based rows with float32 values as recorded', () => {
    const csv = iterationsCsv({
      losses: Float32Array.of(2.3, 1.5),
      learningRates: Float32Array.of(0.1, 0.05),
    });
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('iteration,loss,learning_rate');
    expect(lines).toHaveLength(3);
    const [iteration, loss, lr] = lines[2].split(',').map(Number);
    expect(iteration).toBe(2);
    expect(loss).toBe(Math.fround(1.5));
    expect(lr).toBe(Math.fround(0.05));
  });

  it('epochs: every field of each evaluation point, empty cells where there is no validation', () => {
    const epoch: EpochMetrics = {
      epoch: 1,
      iteration: 600,
      trainAccuracy: 0.9,
      trainLoss: 0.35,
      testAccuracy: 0.91,
      testLoss: 0.33,
      testCorrect: 9100,
      testCount: 10000,
      learningRate: 0.1,
      elapsedMs: 1234.6,
    };
    const lines = epochsCsv([
      epoch,
      { ...epoch, epoch: 2, iteration: 1200, validationAccuracy: 0.92, validationLoss: 0.3 },
    ])
      .trim()
      .split('\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 5)).toEqual([
      'epoch',
      'iteration',
      'train_accuracy',
      'train_loss',
      'test_accuracy',
    ]);
    const row1 = Object.fromEntries(header.map((h, i) => [h, lines[1].split(',')[i]]));
    expect(row1).toMatchObject({
      epoch: '1',
      iteration: '600',
      test_correct: '9100',
      validation_accuracy: '',
      elapsed_ms: '1235',
    });
    const row2 = Object.fromEntries(header.map((h, i) => [h, lines[2].split(',')[i]]));
    expect(row2.validation_accuracy).toBe('0.92');
    expect(header).not.toContain('grad_norm_W1');
  });

  it('epochs CSV has a gradient-norm column per weight layer, empty where a point has none', () => {
    const base = {
      epoch: 1,
      iteration: 600,
      trainAccuracy: 0.9,
      trainLoss: 0.3,
      testAccuracy: 0.91,
      testLoss: 0.33,
      testCorrect: 9100,
      testCount: 10000,
      learningRate: 0.1,
      elapsedMs: 1000,
    };
    const lines = epochsCsv([
      { ...base, gradientNorms: [0.25, 0.5] },
      { ...base, epoch: 2, gradientNorms: [0.125, NaN] },
      { ...base, epoch: 3 },
    ])
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    expect(lines[0].slice(-2)).toEqual(['grad_norm_W1', 'grad_norm_W2']);
    expect(lines.slice(1).map((r) => r.slice(-2))).toEqual([
      ['0.25', '0.5'],
      ['0.125', ''],
      ['', ''],
    ]);
  });

  it('file names keep letters of any script, digits, dashes', () => {
    expect(safeFileName('Run 3 / lr=0.1')).toBe('Run-3-lr-0-1');
    expect(safeFileName('実験 1')).toBe('実験-1');
    expect(safeFileName('///')).toBe('run');
  });
});

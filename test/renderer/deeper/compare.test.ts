import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainConfig } from '../../../src/shared/hyperparams';
import type { EpochMetrics, RunSummary } from '../../../src/shared/runs';
import { compareCsv, compareRow, differingKeys, sortRows } from '../../../src/renderer/deeper/compare';

const config = (over: Partial<TrainConfig>): TrainConfig => ({ ...DEFAULT_CONFIG, ...over });

function epoch(
  iteration: number,
  trainAccuracy: number,
  testAccuracy: number,
  testLoss: number,
  elapsedMs: number,
): EpochMetrics {
  return {
    epoch: iteration / 100,
    iteration,
    trainAccuracy,
    trainLoss: 1 - trainAccuracy,
    testAccuracy,
    testLoss,
    testCorrect: Math.round(testAccuracy * 10_000),
    testCount: 10_000,
    learningRate: 0.1,
    elapsedMs,
  };
}

function run(id: string, name: string, over: Partial<TrainConfig>, lastEpoch?: EpochMetrics): RunSummary {
  return {
    id,
    name,
    config: config(over),
    state: 'finished',
    createdAt: 0,
    iteration: lastEpoch?.iteration ?? 0,
    totalIterations: 1000,
    iterationsPerEpoch: 600,
    lastEpoch,
    source: 'trained',
  };
}

describe('differingKeys: the hyperparameters that differ, in the panel order', () => {
  it('none for one run or identical configs', () => {
    expect(differingKeys([config({})])).toEqual([]);
    expect(differingKeys([config({}), config({})])).toEqual([]);
  });
  it('lists each key whose value is not the same in every run, hidden sizes compared entry by entry', () => {
    const keys = differingKeys([
      config({ learningRate: 0.1, hidden: [100, 50] }),
      config({ learningRate: 0.01, hidden: [100, 50] }),
      config({ learningRate: 0.1, hidden: [100, 50], optimizer: 'adam' }),
    ]);
    expect(keys).toEqual(expect.arrayContaining(['learningRate', 'optimizer']));
    expect(keys).toHaveLength(2);
    expect(differingKeys([config({ hidden: [100, 50] }), config({ hidden: [100, 40] })])).toEqual(['hidden']);
    expect(differingKeys([config({ hidden: [100] }), config({ hidden: [100, 50] })])).toEqual(['hidden']);
  });
  it('follows the panel order (arch before hidden before the optimizer)', () => {
    const keys = differingKeys([
      config({ optimizer: 'adam', hidden: [20], arch: 'mlp' }),
      config({ optimizer: 'sgd', hidden: [30], arch: 'simple-convnet' }),
    ]);
    expect(keys.indexOf('arch')).toBeLessThan(keys.indexOf('hidden'));
    expect(keys.indexOf('hidden')).toBeLessThan(keys.indexOf('optimizer'));
  });
});

describe('compareRow, sortRows and compareCsv', () => {
  const epochsA = [
    epoch(100, 0.8, 0.82, 0.6, 2000),
    epoch(200, 0.9, 0.91, 0.3, 4000),
    epoch(300, 0.95, 0.9, 0.35, 5000),
  ];
  const a = run('a', 'Run "A", fast', { learningRate: 0.1 }, epochsA[2]);
  const b = run('b', 'Run B', { learningRate: 0.01 }, epoch(300, 0.7, 0.72, 0.9, 10_000));
  const c = run('c', 'Run C', { learningRate: 0.5 });

  it('final and best from the evaluation points; the summary’s last point when metrics are not loaded; null before any', () => {
    const rowA = compareRow(a, epochsA);
    expect(rowA.metrics).toMatchObject({
      finalTrainAccuracy: 0.95,
      bestTrainAccuracy: 0.95,
      finalTestAccuracy: 0.9,
      bestTestAccuracy: 0.91,
      finalTestLoss: 0.35,
      bestTestLoss: 0.3,
      iterationsPerSecond: 60,
      wallMs: 5000,
    });
    expect(compareRow(b, undefined).metrics.bestTestAccuracy).toBe(0.72);
    expect(Object.values(compareRow(c, []).metrics).every((v) => v === null)).toBe(true);
  });

  it('sorts by a metric either way, runs without a value last; by a hyperparameter; stably', () => {
    const rows = [compareRow(a, epochsA), compareRow(b, undefined), compareRow(c, undefined)];
    const by = (descending: boolean) =>
      sortRows(rows, { by: { kind: 'metric', key: 'bestTestAccuracy' }, descending }).map((r) => r.id);
    expect(by(false)).toEqual(['b', 'a', 'c']);
    expect(by(true)).toEqual(['a', 'b', 'c']);
    expect(
      sortRows(rows, { by: { kind: 'param', key: 'learningRate' }, descending: false }).map((r) => r.id),
    ).toEqual(['b', 'a', 'c']);
    expect(sortRows(rows, { by: { kind: 'name' }, descending: true }).map((r) => r.id)).toEqual([
      'c',
      'b',
      'a',
    ]);
  });

  it('CSV (RFC 4180): a header of config keys and snake_case metrics, names with commas and quotes quoted, CRLF lines', () => {
    const rows = [compareRow(a, epochsA), compareRow(c, undefined)];
    const csv = compareCsv(rows, ['learningRate']);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'run,learningRate,final_train_accuracy,best_train_accuracy,final_test_accuracy,best_test_accuracy,final_train_loss,final_test_loss,best_test_loss,iterations_per_second,wall_ms',
    );
    expect(lines[1]).toBe('"Run ""A"", fast",0.1,0.95,0.95,0.9,0.91,0.050000000000000044,0.35,0.3,60,5000');
    expect(lines[2]).toBe('Run C,0.5,,,,,,,,,');
    expect(lines[3]).toBe('');
    expect(compareCsv([{ ...rows[1], name: 'a\nb' }], [])).toContain('"a\nb"');
  });
});

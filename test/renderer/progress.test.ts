import { describe, expect, it } from 'vitest';
import { formatDuration, runProgress } from '../../src/renderer/controls/progress';
import { createLabStore } from '../../src/renderer/store';
import { makeRun } from './helpers';

describe('run progress', () => {
  it('counts epochs as the book does (600 iterations each) and estimates the time left from the rate', () => {
    const store = createLabStore();
    // 1,250 iterations arriving in batches of 50 every 100 ms: 500 it/s.
    for (let k = 0; k < 25; k++) {
      store
        .getState()
        .appendIterations(
          'r',
          { start: 1 + 50 * k, losses: new Float32Array(50), learningRates: new Float32Array(50) },
          100 * k,
        );
    }
    const p = runProgress(makeRun('r', 'training'), store.getState().metrics.r, true);
    expect(p.iteration).toBe(1250);
    expect(p.epoch).toBe(3);
    expect(p.totalEpochs).toBe(17); // ceil(10,000 / 600)
    expect(p.rate).toBeCloseTo(500, 6);
    expect(p.remainingMs).toBeCloseTo(((10_000 - 1250) / 500) * 1000, 3);
    expect(p.elapsedMs).toBe(2400);
  });

  it('shows no rate or remaining time for a paused or finished run', () => {
    const store = createLabStore();
    for (let k = 0; k < 5; k++) {
      store
        .getState()
        .appendIterations(
          'r',
          { start: 1 + 50 * k, losses: new Float32Array(50), learningRates: new Float32Array(50) },
          100 * k,
        );
    }
    for (const state of ['paused', 'finished'] as const) {
      const p = runProgress(makeRun('r', state), store.getState().metrics.r, state === 'paused');
      expect(p.rate).toBeNull();
      expect(p.remainingMs).toBeNull();
    }
  });

  it('formats durations as m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(61_400)).toBe('1:01');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });
});

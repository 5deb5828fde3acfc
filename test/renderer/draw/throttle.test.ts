import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../../src/renderer/draw/throttle';

// Fake timers drive the clock; nothing here measures real time.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('throttle (leading + trailing)', () => {
  it('calls at once, collapses calls inside the window into one trailing call with the latest args', () => {
    const seen: number[] = [];
    const th = throttle((n: number) => seen.push(n), 150);
    th.call(1);
    expect(seen).toEqual([1]);
    th.call(2);
    th.call(3);
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(149);
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([1, 3]);
  });

  it('calls at most once per window under a continuous stream (a stroke drawn for 1.5 s)', () => {
    const seen: number[] = [];
    const th = throttle((n: number) => seen.push(n), 150);
    for (let t = 0; t < 1500; t += 10) {
      th.call(t);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(300);
    // 1500 ms / 150 ms = 10 windows, plus the leading call.
    expect(seen.length).toBeGreaterThanOrEqual(10);
    expect(seen.length).toBeLessThanOrEqual(11);
    expect(seen[seen.length - 1]).toBe(1490);
  });

  it('opens again after a quiet window: the next call is immediate', () => {
    const seen: number[] = [];
    const th = throttle((n: number) => seen.push(n), 150);
    th.call(1);
    vi.advanceTimersByTime(500);
    th.call(2);
    expect(seen).toEqual([1, 2]);
  });

  it('flush runs the pending call now; cancel drops it', () => {
    const seen: number[] = [];
    const th = throttle((n: number) => seen.push(n), 150);
    th.call(1);
    th.call(2);
    th.flush();
    expect(seen).toEqual([1, 2]);
    th.call(3);
    th.call(4);
    th.cancel();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([1, 2, 3]);
  });
});

/**
 * Read from the store at most once per `intervalMs`, in an animation frame. Training sends batches
 * every ~50 ms per run; redrawing recharts that often would eat the renderer, so charts see a fresh
 * snapshot a few times a second while the store itself keeps every point. While the page is hidden
 * (minimised window, background tab) nothing is read; the first change after it shows again is.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { shallow } from 'zustand/shallow';
import { useLabStoreApi, type LabState } from '../store';

/** Default refresh interval of live text such as the progress line (~4 times a second). */
export const LIVE_REFRESH_MS = 250;

/** Chart redraw interval (~2 redraws per second: a chart redraw is the renderer's dearest task). */
export const CHART_REDRAW_MS = 500;

const frame = (cb: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => cb());
  else setTimeout(cb, 0);
};

/**
 * Low-priority reads wait their turn here and run one per animation frame, so charts due at the
 * same moment render in separate short tasks instead of one long one. Lower `rank` goes first:
 * cheap charts are not held up behind the dear one.
 */
const lowPriorityQueue: { rank: number; draw: () => void }[] = [];
let lowPriorityRunning = false;

function runLowPriority(): void {
  const next = lowPriorityQueue.shift();
  if (!next) {
    lowPriorityRunning = false;
    return;
  }
  next.draw();
  frame(runLowPriority);
}

function enqueueLowPriority(rank: number, draw: () => void): void {
  let at = lowPriorityQueue.length;
  while (at > 0 && lowPriorityQueue[at - 1].rank > rank) at--;
  lowPriorityQueue.splice(at, 0, { rank, draw });
  if (!lowPriorityRunning) {
    lowPriorityRunning = true;
    frame(runLowPriority);
  }
}

const pageHidden = (): boolean => typeof document !== 'undefined' && document.hidden;

/**
 * `selector(state)`, refreshed at most every `intervalMs` (shallow-compared). With a `queueRank`
 * (charts) the refresh is a React transition - rendered in slices that yield to input - and waits in
 * a queue so that only one such refresh starts per frame.
 */
export function useThrottledState<T>(
  selector: (s: LabState) => T,
  intervalMs = LIVE_REFRESH_MS,
  queueRank?: number,
): T {
  const store = useLabStoreApi();
  const [value, setValue] = useState(() => selector(store.getState()));
  const selectorRef = useRef(selector);
  useEffect(() => {
    selectorRef.current = selector;
  });
  useEffect(() => {
    let lastDraw = 0;
    let pending = false;
    let stale = false;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const draw = () => {
      pending = false;
      if (cancelled) return;
      if (pageHidden()) {
        stale = true;
        return;
      }
      lastDraw = Date.now();
      const next = selectorRef.current(store.getState());
      const update = () => setValue((prev) => (shallow(prev, next) ? prev : next));
      if (queueRank !== undefined) startTransition(update);
      else update();
    };
    const schedule = () => {
      if (pending) return;
      pending = true;
      const wait = Math.max(0, lastDraw + intervalMs - Date.now());
      timer = setTimeout(
        () => (queueRank === undefined ? frame(draw) : enqueueLowPriority(queueRank, draw)),
        wait,
      );
    };
    const onVisibility = () => {
      if (!pageHidden() && stale) {
        stale = false;
        schedule();
      }
    };
    const unsubscribe = store.subscribe(schedule);
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      unsubscribe();
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [store, intervalMs, queueRank]);
  return value;
}

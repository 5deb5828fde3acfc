/**
 * Read from the store at most once per `intervalMs`, in an animation frame. Training sends batches
 * every ~50 ms per run; redrawing recharts that often would eat the renderer, so charts see a fresh
 * snapshot a few times a second while the store itself keeps every point. While the page is hidden
 * (minimised window, background tab) nothing is read; the first change after it shows again is.
 */
import { useEffect, useRef, useState } from 'react';
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

const pageHidden = (): boolean => typeof document !== 'undefined' && document.hidden;

/** `selector(state)`, refreshed at most every `intervalMs` (shallow-compared). */
export function useThrottledState<T>(selector: (s: LabState) => T, intervalMs = LIVE_REFRESH_MS): T {
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
      setValue((prev) => (shallow(prev, next) ? prev : next));
    };
    const schedule = () => {
      if (pending) return;
      pending = true;
      const wait = Math.max(0, lastDraw + intervalMs - Date.now());
      timer = setTimeout(() => frame(draw), wait);
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
  }, [store, intervalMs]);
  return value;
}

/**
 * Read from the store at most once per `intervalMs`, in an animation frame. Training sends batches
 * every ~50 ms per run; redrawing recharts that often would eat the renderer, so charts see a fresh
 * snapshot about four times a second while the store itself keeps every point.
 */
import { useEffect, useRef, useState } from 'react';
import { shallow } from 'zustand/shallow';
import { useLabStoreApi, type LabState } from '../store';

/** Default chart redraw interval (~4 redraws per second). */
export const CHART_REDRAW_MS = 250;

const frame = (cb: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => cb());
  else setTimeout(cb, 0);
};

/** `selector(state)`, refreshed at most every `intervalMs` (shallow-compared). */
export function useThrottledState<T>(selector: (s: LabState) => T, intervalMs = CHART_REDRAW_MS): T {
  const store = useLabStoreApi();
  const [value, setValue] = useState(() => selector(store.getState()));
  const selectorRef = useRef(selector);
  useEffect(() => {
    selectorRef.current = selector;
  });
  useEffect(() => {
    let lastDraw = 0;
    let pending = false;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const draw = () => {
      pending = false;
      if (cancelled) return;
      lastDraw = Date.now();
      const next = selectorRef.current(store.getState());
      setValue((prev) => (shallow(prev, next) ? prev : next));
    };
    const unsubscribe = store.subscribe(() => {
      if (pending) return;
      pending = true;
      const wait = Math.max(0, lastDraw + intervalMs - Date.now());
      timer = setTimeout(() => frame(draw), wait);
    });
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }, [store, intervalMs]);
  return value;
}

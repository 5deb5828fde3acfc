/** A throttle for live prediction: at most one call per window, never losing the latest input. */

export interface Throttled<A extends unknown[]> {
  /** Call now if the window is open, otherwise remember the arguments for the window's end. */
  call(...args: A): void;
  /** Run the pending call (if any) immediately. */
  flush(): void;
  /** Drop the pending call. */
  cancel(): void;
}

/**
 * Leading and trailing throttle: the first call runs at once, calls inside the next `waitMs` are
 * collapsed into one trailing call with the latest arguments, run when the window closes.
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, waitMs: number): Throttled<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;

  const open = () => {
    timer = setTimeout(() => {
      timer = null;
      if (pending) {
        const args = pending;
        pending = null;
        fn(...args);
        open();
      }
    }, waitMs);
  };

  return {
    call(...args: A) {
      if (timer === null) {
        fn(...args);
        open();
      } else {
        pending = args;
      }
    },
    flush() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (pending) {
        const args = pending;
        pending = null;
        fn(...args);
      }
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}

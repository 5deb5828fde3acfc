/**
 * Live prediction for the drawing: throttled while a stroke is drawn, immediate when it ends,
 * and answers that arrive out of order (a slow call overtaken by a newer one) are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabApi } from '../../shared/api';
import type { Prediction } from '../../shared/runs';
import { throttle, type Throttled } from './throttle';
import { errorMessage } from '../i18n/messages';

export interface PredictState {
  prediction: Prediction | null;
  error: string | null;
  /** Ask for a prediction of `pixels` (null clears); `now` skips the throttle. */
  request: (pixels: Uint8Array | null, now: boolean) => void;
}

/** Predictions of `runId` for the latest pixels, at most one call per `intervalMs` while drawing. */
export function usePredict(
  lab: Pick<LabApi, 'predict'>,
  runId: string | null,
  intervalMs = 150,
): PredictState {
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Each call gets a number; only the newest call's answer is shown.
  const seq = useRef(0);
  const target = useRef({ lab, runId });
  useEffect(() => {
    target.current = { lab, runId };
  }, [lab, runId]);

  const send = useCallback((pixels: Uint8Array) => {
    const { lab: api, runId: id } = target.current;
    if (!id) return;
    const mine = ++seq.current;
    api.predict(id, pixels).then(
      (p) => {
        if (mine !== seq.current) return;
        setPrediction(p);
        setError(null);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setPrediction(null);
        setError(errorMessage(e));
      },
    );
  }, []);

  const throttled = useRef<Throttled<[Uint8Array]> | null>(null);
  useEffect(() => {
    const th = throttle(send, intervalMs);
    throttled.current = th;
    return () => th.cancel();
  }, [send, intervalMs]);

  const request = useCallback(
    (pixels: Uint8Array | null, now: boolean) => {
      const th = throttled.current;
      if (!pixels) {
        th?.cancel();
        seq.current++;
        setPrediction(null);
        setError(null);
        return;
      }
      if (now || !th) {
        th?.cancel();
        send(pixels);
      } else {
        th.call(pixels);
      }
    },
    [send],
  );

  return { prediction, error, request };
}

/**
 * The weights of a run, kept fresh: polled every `pollMs` while the run trains (the next call is
 * scheduled only after the previous answer, so a slow service is never flooded), fetched once
 * otherwise, and again whenever a paused run's iteration moves (a single step).
 */
import { useEffect, useState } from 'react';
import type { LabApi } from '../../shared/api';
import type { RunState, WeightTensor } from '../../shared/runs';
import { errorMessage } from '../i18n/messages';

export interface WeightsState {
  weights: WeightTensor[] | null;
  error: string | null;
  loading: boolean;
}

/** States whose weights change on their own, so they are polled. */
const POLLED: readonly RunState[] = ['starting', 'training'];

/** Weights of `runId`; `state` and `iteration` come from the run's summary. */
export function useWeights(
  lab: Pick<LabApi, 'getWeights'>,
  runId: string | null,
  state: RunState | undefined,
  iteration: number,
  pollMs = 1500,
): WeightsState {
  const [result, setResult] = useState<{
    runId: string | null;
    weights: WeightTensor[] | null;
    error: string | null;
  }>({
    runId: null,
    weights: null,
    error: null,
  });
  const polled = state !== undefined && POLLED.includes(state);
  // While polling, the iteration must not restart the effect; otherwise it marks a new snapshot.
  const snapshotKey = polled ? -1 : iteration;

  useEffect(() => {
    if (!runId) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      lab.getWeights(runId).then(
        (weights) => {
          if (cancelled) return;
          setResult({ runId, weights, error: null });
          if (polled) timer = setTimeout(load, pollMs);
        },
        (e: unknown) => {
          if (cancelled) return;
          setResult((r) => ({
            runId,
            weights: r.runId === runId ? r.weights : null,
            error: errorMessage(e),
          }));
          if (polled) timer = setTimeout(load, pollMs);
        },
      );
    };
    load();
    return () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [lab, runId, polled, snapshotKey, pollMs]);

  const current = result.runId === runId && runId !== null;
  return {
    weights: current ? result.weights : null,
    error: current ? result.error : null,
    loading: runId !== null && !current,
  };
}

/**
 * A run's first-layer weights before training (LabApi.initialWeights), fetched once per run: they
 * never change, being rebuilt from the run's seed. Null for an imported run.
 */
import { useEffect, useState } from 'react';
import type { LabApi } from '../../shared/api';
import type { LabMessage } from '../../shared/messages';
import type { WeightTensor } from '../../shared/runs';
import { errorMessage } from '../i18n/messages';

export interface InitialWeightsState {
  /** W1, b1 before training; null for an imported run, undefined while loading. */
  weights: WeightTensor[] | null | undefined;
  error: LabMessage | null;
}

/** The initial first layer of `runId`. */
export function useInitialWeights(
  lab: Pick<LabApi, 'initialWeights'>,
  runId: string | null,
): InitialWeightsState {
  const [result, setResult] = useState<{ runId: string | null } & InitialWeightsState>({
    runId: null,
    weights: undefined,
    error: null,
  });
  useEffect(() => {
    if (!runId) return;
    let cancelled = false;
    lab.initialWeights(runId).then(
      (weights) => {
        if (!cancelled) setResult({ runId, weights, error: null });
      },
      (e: unknown) => {
        if (!cancelled) setResult({ runId, weights: undefined, error: errorMessage(e) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [lab, runId]);
  return result.runId === runId ? result : { weights: undefined, error: null };
}

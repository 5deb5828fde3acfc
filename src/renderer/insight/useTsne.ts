/**
 * The hidden-layer map's t-SNE, on demand: `start` asks the service for the mapped layer's outputs
 * (hiddenMap with `withFeatures`, at the run's current iteration), then runs the engine's t-SNE on
 * them in a Web Worker (./tsne/), reporting every iteration; `cancel` stops it at once, `back`
 * returns to the live PCA view. A change of run or layer drops it (a t-SNE is of one layer at one
 * iteration). Only the newest start counts: the answer of an abandoned one is ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabApi } from '../../shared/api';
import type { HiddenMap } from '../../shared/explain';
import type { LabMessage } from '../../shared/messages';
import { errorMessage } from '../i18n/messages';
import { startTsne, type TsneHandle, type TsneProgressReply } from './tsne/client';
import type { TsneJob } from './tsne/protocol';

/** The t-SNE's settings: the paper's perplexity, a fixed seed so the same layer gives the same map. */
export const TSNE_SETTINGS = { perplexity: 30, iterations: 500, seed: 0 } as const;

const RETRY_MS = 250;

/** Starts a t-SNE job somewhere off the page (the worker; a test may run the engine another way). */
export type TsneRunner = (job: TsneJob, onProgress: (progress: TsneProgressReply) => void) => TsneHandle;

export type TsneState =
  | { phase: 'idle' }
  /** Asking the service for the layer's outputs. */
  | { phase: 'fetching' }
  /** `iteration` of `iterations` done (0: the neighbour probabilities are being computed). */
  | { phase: 'running'; iteration: number; iterations: number }
  /** The finished map: the same images, labels and predictions, placed by t-SNE (no drawn point). */
  | { phase: 'done'; map: HiddenMap; kl: number; perplexity: number }
  | { phase: 'cancelled'; iteration: number; iterations: number }
  | { phase: 'failed'; error: LabMessage };

export interface TsneControls {
  state: TsneState;
  start: () => void;
  cancel: () => void;
  back: () => void;
}

export function useTsne(
  lab: Pick<LabApi, 'hiddenMap'>,
  runId: string | null,
  layer: number,
  runner: TsneRunner = startTsne,
): TsneControls {
  const [state, setState] = useState<TsneState>({ phase: 'idle' });
  const attempt = useRef(0); // the newest start; an older one's answers are dropped
  const handle = useRef<TsneHandle | null>(null);
  const progress = useRef<{ iteration: number; iterations: number }>({ iteration: 0, iterations: 0 });

  const stop = useCallback(() => {
    attempt.current++;
    handle.current?.cancel();
    handle.current = null;
  }, []);

  const start = useCallback(() => {
    if (!runId) return;
    stop();
    const mine = attempt.current;
    const live = () => attempt.current === mine;
    progress.current = { iteration: 0, iterations: TSNE_SETTINGS.iterations };
    setState({ phase: 'fetching' });
    const fail = (e: unknown) => {
      if (!live()) return;
      handle.current = null;
      setState({ phase: 'failed', error: errorMessage(e) });
    };
    const run = (map: HiddenMap) => {
      const features = map.features;
      const count = map.labels.length;
      if (!features) throw new Error('the service sent no layer outputs');
      setState({ phase: 'running', iteration: 0, iterations: TSNE_SETTINGS.iterations });
      const h = runner({ features, count, width: features.length / count, ...TSNE_SETTINGS }, (p) => {
        if (!live()) return;
        progress.current = { iteration: p.iteration, iterations: p.iterations };
        setState({ phase: 'running', iteration: p.iteration, iterations: p.iterations });
      });
      handle.current = h;
      h.finished.then((done) => {
        if (!live() || !done) return;
        handle.current = null;
        const placed = { ...map, points: done.embedding, drawn: null, features: null };
        setState({ phase: 'done', map: placed, kl: done.kl, perplexity: done.perplexity });
      }, fail);
    };
    const ask = () => {
      lab.hiddenMap(runId, layer, undefined, { withFeatures: true }).then((map) => {
        if (!live()) return;
        if (map === null)
          setTimeout(() => live() && ask(), RETRY_MS); // the evaluator is busy with a map
        else {
          try {
            run(map);
          } catch (e) {
            fail(e);
          }
        }
      }, fail);
    };
    ask();
  }, [lab, runId, layer, runner, stop]);

  const cancel = useCallback(() => {
    stop();
    setState({ phase: 'cancelled', ...progress.current });
  }, [stop]);

  const back = useCallback(() => {
    stop();
    setState({ phase: 'idle' });
  }, [stop]);

  // Another run or layer: what was computed (or is being computed) belongs to the old one.
  useEffect(() => {
    setState({ phase: 'idle' });
    return stop;
  }, [runId, layer, stop]);

  return { state, start, cancel, back };
}

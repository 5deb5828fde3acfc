/**
 * The hidden-layer map of a run, asked again whenever `version` (the run's latest evaluation
 * point), the layer or the drawing changes. One call at a time: a change while one is on its way
 * marks the map stale, and only the newest wish is asked for when it returns (skipped, not
 * queued). The worker answers null when its evaluator is still busy with a map: asked again shortly.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabApi } from '../../shared/api';
import type { HiddenMap } from '../../shared/explain';
import type { LabMessage } from '../../shared/messages';
import { errorMessage } from '../i18n/messages';

const RETRY_MS = 250;

export interface HiddenMapState {
  map: HiddenMap | null;
  error: LabMessage | null;
  /** True while a map is being computed. */
  busy: boolean;
}

export function useHiddenMap(
  lab: Pick<LabApi, 'hiddenMap'>,
  runId: string | null,
  layer: number,
  pixels: Uint8Array | null,
  version: unknown,
): HiddenMapState {
  const [state, setState] = useState<HiddenMapState>({ map: null, error: null, busy: false });
  const wish = useRef({ lab, runId, layer, pixels });
  const inFlight = useRef(false);
  const stale = useRef(false);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const ask = useCallback(() => {
    if (inFlight.current) {
      stale.current = true;
      return;
    }
    const { lab: api, runId: id, layer: l, pixels: p } = wish.current;
    if (!id) return;
    inFlight.current = true;
    stale.current = false;
    setState((s) => ({ ...s, busy: true }));
    const done = (next: Partial<HiddenMapState>, again: boolean) => {
      inFlight.current = false;
      if (!alive.current) return;
      setState((s) => ({ ...s, ...next, busy: false }));
      if (stale.current) ask();
      else if (again) setTimeout(() => alive.current && ask(), RETRY_MS);
    };
    api.hiddenMap(id, l, p ?? undefined).then(
      (map) => {
        const current = wish.current;
        const matches = current.runId === id && current.layer === l;
        if (map === null)
          done({}, true); // the evaluator was busy with another map
        else done(matches ? { map, error: null } : {}, false);
      },
      (e: unknown) => done({ map: null, error: errorMessage(e) }, false),
    );
  }, []);

  useEffect(() => {
    const runChanged = wish.current.runId !== runId;
    wish.current = { lab, runId, layer, pixels };
    if (runChanged) setState({ map: null, error: null, busy: false });
    if (runId) ask();
  }, [lab, runId, layer, pixels, version, ask]);

  return state;
}

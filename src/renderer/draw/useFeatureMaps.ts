/**
 * A drawn digit's feature maps (LabApi.featureMaps) from the chosen run, kept fresh: asked again
 * as the drawing changes (at most once per `intervalMs`, never losing the latest drawing), and
 * every `liveMs` while the run trains, since its weights move. Answers overtaken by a newer
 * request are dropped.
 */
import { useEffect, useRef, useState } from 'react';
import type { LabApi } from '../../shared/api';
import type { FeatureMap } from '../../shared/feature-maps';
import type { LabMessage } from '../../shared/messages';
import { errorMessage } from '../i18n/messages';
import { throttle } from './throttle';

export interface FeatureMapsState {
  maps: FeatureMap[] | null;
  error: LabMessage | null;
}

/** Feature maps of `pixels` through `runId` (nothing while either is null). */
export function useFeatureMaps(
  lab: Pick<LabApi, 'featureMaps'>,
  runId: string | null,
  pixels: Uint8Array | null,
  live: boolean,
  intervalMs = 150,
  liveMs = 1500,
): FeatureMapsState {
  const [state, setState] = useState<FeatureMapsState>({ maps: null, error: null });
  const seq = useRef(0);
  const latest = useRef({ lab, runId, pixels });
  useEffect(() => {
    latest.current = { lab, runId, pixels };
  }, [lab, runId, pixels]);

  // One throttled sender for the component's life; it reads the latest lab, run and drawing.
  const [sender] = useState(() =>
    throttle(() => {
      const { lab: api, runId: id, pixels: px } = latest.current;
      const mine = ++seq.current;
      if (!id || !px) {
        setState({ maps: null, error: null });
        return;
      }
      api.featureMaps(id, px).then(
        (maps) => {
          if (mine === seq.current) setState({ maps, error: null });
        },
        (e: unknown) => {
          if (mine === seq.current) setState({ maps: null, error: errorMessage(e) });
        },
      );
    }, intervalMs),
  );
  useEffect(() => () => sender.cancel(), [sender]);

  useEffect(() => {
    if (!runId || !pixels) {
      sender.cancel();
      seq.current++;
      setState({ maps: null, error: null });
      return;
    }
    sender.call();
  }, [sender, lab, runId, pixels]);

  useEffect(() => {
    if (!live || !runId || !pixels) return;
    const timer = setInterval(() => sender.call(), liveMs);
    return () => clearInterval(timer);
  }, [sender, live, liveMs, runId, pixels]);

  return state;
}

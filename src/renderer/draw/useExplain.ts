/**
 * The saliency of the drawing, asked of the run's worker each time the prediction changes (so it
 * follows the drawing at the prediction's pace) or another class is chosen. Only the newest
 * call's answer is shown, as in usePredict.
 */
import { useEffect, useRef, useState } from 'react';
import type { LabApi } from '../../shared/api';
import type { Explanation } from '../../shared/explain';
import type { LabMessage } from '../../shared/messages';
import { errorMessage } from '../i18n/messages';

export interface ExplainState {
  explanation: Explanation | null;
  error: LabMessage | null;
}

/**
 * explain(runId, pixels, classIndex) whenever `version` (the prediction it follows), the run or
 * the class changes; classIndex null explains the top class. Nothing while pixels are null.
 */
export function useExplain(
  lab: Pick<LabApi, 'explain'>,
  runId: string | null,
  pixels: Uint8Array | null,
  classIndex: number | null,
  version: unknown,
): ExplainState {
  const [state, setState] = useState<ExplainState>({ explanation: null, error: null });
  const seq = useRef(0);
  const pixelsRef = useRef(pixels);
  useEffect(() => {
    pixelsRef.current = pixels;
  }, [pixels]);

  useEffect(() => {
    const mine = ++seq.current;
    const current = pixelsRef.current;
    if (!runId || !current || version === null) {
      setState({ explanation: null, error: null });
      return;
    }
    lab.explain(runId, current, classIndex ?? undefined).then(
      (explanation) => {
        if (mine === seq.current) setState({ explanation, error: null });
      },
      (e: unknown) => {
        if (mine === seq.current) setState({ explanation: null, error: errorMessage(e) });
      },
    );
  }, [lab, runId, classIndex, version]);

  return state;
}

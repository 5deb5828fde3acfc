/** The personal test set as React state: loaded once from the Lab, then kept in step with add / remove. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Drawing, LabApi } from '../../shared/api';
import { errorMessage } from '../i18n/messages';

export type TestSetLab = Pick<LabApi, 'listDrawings' | 'addDrawing' | 'deleteDrawing' | 'evaluateDrawings'>;

export interface TestSetState {
  /** The drawings, oldest first; null until loaded. */
  drawings: Drawing[] | null;
  /** Why loading failed, if it did. */
  loadError: string | null;
  /** Adds a labelled drawing; resolves with the new size of the set. Rejects with the service's message. */
  add: (pixels: Uint8Array, label: number) => Promise<number>;
  remove: (drawingId: string) => Promise<void>;
}

export function useTestSet(lab: TestSetLab): TestSetState {
  const [drawings, setDrawings] = useState<Drawing[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // The latest list, so add() can report the new size without waiting for a render.
  const latest = useRef<Drawing[]>([]);
  const show = useCallback((list: Drawing[]) => {
    latest.current = list;
    setDrawings(list);
  }, []);

  useEffect(() => {
    let cancelled = false;
    lab.listDrawings().then(
      (list) => !cancelled && show(list),
      (e: unknown) => !cancelled && setLoadError(errorMessage(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [lab, show]);

  const add = useCallback(
    async (pixels: Uint8Array, label: number) => {
      const drawing = await lab.addDrawing(pixels, label);
      show([...latest.current, drawing]);
      return latest.current.length;
    },
    [lab, show],
  );

  const remove = useCallback(
    async (drawingId: string) => {
      await lab.deleteDrawing(drawingId);
      show(latest.current.filter((d) => d.id !== drawingId));
    },
    [lab, show],
  );

  return { drawings, loadError, add, remove };
}

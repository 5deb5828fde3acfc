/**
 * The store's commands slice against the real service: the commands come with the store, and a
 * run leaves the store the same way whether the user deleted it (commands.remove) or the service
 * said so (a run-removed event, e.g. from another window): summary, metrics and selection go.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabStore, type LabStore } from '../../src/renderer/store';
import { connectLab } from '../../src/renderer/store/connectLab';
import { createLab, SHORT_RUN, trainToEnd, type LabService } from './realLab';

let lab: LabService;
beforeAll(() => {
  lab = createLab();
});
afterAll(() => lab.close());

/** Resolves once `check` holds for the store (polled). */
async function until(
  store: LabStore,
  check: (s: ReturnType<LabStore['getState']>) => boolean,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!check(store.getState())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the store');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('store commands', () => {
  it('removes a deleted run and its metrics and selection, from the command and from the event alike', async () => {
    const store = createLabStore({}, lab);
    const disconnect = connectLab(lab, store);
    try {
      const mine = await trainToEnd(lab, SHORT_RUN, 'mine');
      const theirs = await trainToEnd(lab, SHORT_RUN, 'theirs');
      await until(
        store,
        (s) => s.metrics[mine.id]?.losses.length === 100 && s.metrics[theirs.id]?.losses.length === 100,
      );

      store.getState().selectRun(mine.id);
      await store.getState().commands.remove(mine.id);
      let s = store.getState();
      expect(s.runs[mine.id]).toBeUndefined();
      expect(s.runOrder).not.toContain(mine.id);
      expect(s.metrics[mine.id]).toBeUndefined();
      expect(s.selectedRunId).toBeNull();

      store.getState().selectRun(theirs.id);
      await lab.deleteRun(theirs.id); // not through the store: only the service's event tells it
      await until(store, (st) => !(theirs.id in st.runs));
      s = store.getState();
      expect(s.metrics[theirs.id]).toBeUndefined();
      expect(s.selectedRunId).toBeNull();
      expect(s.notices).toEqual([]);
    } finally {
      disconnect();
    }
  });

  it('are one object for the life of the store', () => {
    const store = createLabStore({}, lab);
    const first = store.getState().commands;
    store.getState().selectRun('x');
    expect(store.getState().commands).toBe(first);
    expect(store.getState().lab).toBe(lab);
  });
});

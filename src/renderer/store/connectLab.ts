/**
 * Wires the LabApi to the store, outside React: every service event becomes a store action, and on
 * start the existing runs and their metrics are loaded. Returns the unsubscribe function.
 */
import type { LabApi, LabEvent } from '../../shared/api';
import type { LabStore } from './index';
import { errorMessage } from '../i18n/messages';

/** Apply one service event to the store. */
export function applyLabEvent(store: LabStore, event: LabEvent): void {
  const s = store.getState();
  switch (event.type) {
    case 'run-added':
    case 'run-updated':
      s.upsertRun(event.run);
      break;
    case 'run-removed':
      s.removeRun(event.runId);
      break;
    case 'iterations':
      s.appendIterations(event.runId, event.batch);
      break;
    case 'epoch':
      s.appendEpoch(event.runId, event.metrics);
      break;
    case 'state':
      s.setRunState(event.runId, event.state, event.message);
      break;
    case 'dataset':
      s.setDataset(event.info);
      break;
    case 'error':
      s.pushNotice('notice.serviceError', event.message);
      break;
  }
}

/** Subscribe to the lab's events and load what it already has. */
export function connectLab(lab: LabApi, store: LabStore): () => void {
  const unsubscribe = lab.onEvent((event) => applyLabEvent(store, event));
  void loadExisting(lab, store);
  lab
    .datasetInfo()
    .then((info) => store.getState().setDataset(info))
    .catch((err: unknown) => store.getState().pushNotice('notice.datasetFailed', errorMessage(err)));
  return unsubscribe;
}

async function loadExisting(lab: LabApi, store: LabStore): Promise<void> {
  try {
    const runs = await lab.listRuns();
    for (const run of runs) store.getState().upsertRun(run);
    const newest = runs[runs.length - 1];
    if (newest && !store.getState().selectedRunId) store.getState().selectRun(newest.id);
    await Promise.all(
      runs.map(async (run) => {
        try {
          // loadMetrics keeps batches that arrived while the snapshot was loading.
          store.getState().loadMetrics(run.id, await lab.getRunMetrics(run.id));
        } catch (err) {
          store.getState().pushNotice('notice.loadMetricsFailed', errorMessage(err));
        }
      }),
    );
  } catch (err) {
    store.getState().pushNotice('notice.loadRunsFailed', errorMessage(err));
  }
}

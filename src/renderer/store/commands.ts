/**
 * User commands that call the LabApi: each updates the store with the answer and turns a rejection
 * into a visible notice (never swallowed).
 */
import type { LabApi } from '../../shared/api';
import { errorMessage } from './connectLab';
import type { LabStore } from './index';

export interface LabCommands {
  train: () => Promise<void>;
  pause: () => Promise<void>;
  resume: () => Promise<void>;
  step: () => Promise<void>;
  stop: () => Promise<void>;
  /** Send a new learning rate to the selected run when it is live. */
  applyLearningRate: (learningRate: number) => Promise<void>;
  rename: (runId: string, name: string) => Promise<void>;
  remove: (runId: string) => Promise<void>;
}

/** Build the commands for one lab + store pair. */
export function createCommands(lab: LabApi, store: LabStore): LabCommands {
  const report = (titleKey: string) => (err: unknown) =>
    store.getState().pushNotice(titleKey, errorMessage(err));
  const selected = () => store.getState().selectedRunId;
  const onSelected = (call: (id: string) => Promise<void>, titleKey: string) => async () => {
    const id = selected();
    if (!id) return;
    await call(id).catch(report(titleKey));
  };
  return {
    train: async () => {
      try {
        const run = await lab.startRun(store.getState().config);
        store.getState().upsertRun(run);
        store.getState().selectRun(run.id);
      } catch (err) {
        report('notice.startFailed')(err);
      }
    },
    pause: onSelected((id) => lab.pauseRun(id), 'notice.controlFailed'),
    resume: onSelected((id) => lab.resumeRun(id), 'notice.controlFailed'),
    step: onSelected((id) => lab.stepRun(id), 'notice.controlFailed'),
    stop: onSelected((id) => lab.stopRun(id), 'notice.controlFailed'),
    applyLearningRate: async (learningRate) => {
      const id = selected();
      const run = id ? store.getState().runs[id] : undefined;
      if (!run || (run.state !== 'training' && run.state !== 'paused' && run.state !== 'starting')) return;
      await lab.setLearningRate(run.id, learningRate).catch(report('notice.learningRateFailed'));
    },
    rename: async (runId, name) => {
      try {
        store.getState().upsertRun(await lab.renameRun(runId, name));
      } catch (err) {
        report('notice.renameFailed')(err);
      }
    },
    remove: async (runId) => {
      try {
        await lab.deleteRun(runId);
        const s = store.getState();
        s.removeRun(runId);
        s.dropMetrics(runId);
        if (s.selectedRunId === runId) s.selectRun(null);
      } catch (err) {
        report('notice.deleteFailed')(err);
      }
    },
  };
}

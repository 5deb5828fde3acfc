/**
 * User commands that call the LabApi: each updates the store with the answer and turns a rejection
 * into a visible notice (never swallowed).
 */
import type { LabApi, WeightsFormat } from '../../shared/api';
import type { Activation } from '../../shared/hyperparams';
import { downloadBlob, epochsCsv, iterationsCsv, readFileBytes, safeFileName } from '../runs/files';
import { errorMessage } from '../i18n/messages';
import type { KeyOf } from '../../shared/i18n';
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
  /** Train again with the run's config (a new run). */
  rerun: (runId: string) => Promise<void>;
  /** Desktop: main's save dialog writes the file; browser: the bytes are downloaded. */
  exportWeights: (runId: string, format: WeightsFormat) => Promise<void>;
  /** Downloads the run's per-iteration or per-epoch metrics as CSV. */
  exportCsv: (runId: string, kind: 'iterations' | 'epochs') => Promise<void>;
  /** Desktop: main's open dialog; the preview goes to the import dialog. */
  chooseWeightsFile: () => Promise<void>;
  /** Browser: a file from <input type="file">; the preview goes to the import dialog. */
  openWeightsFile: (file: File) => Promise<void>;
  /** The import dialog's answer: a new imported run, selected. */
  importWeights: (pendingId: string, activation: Activation, name?: string) => Promise<void>;
}

/** Build the commands for one lab + store pair. */
export function createCommands(lab: LabApi, store: LabStore): LabCommands {
  const report = (titleKey: KeyOf<'notice'>) => (err: unknown) =>
    store.getState().pushNotice(titleKey, errorMessage(err));
  const selected = () => store.getState().selectedRunId;
  const onSelected = (call: (id: string) => Promise<void>, titleKey: KeyOf<'notice'>) => async () => {
    const id = selected();
    if (!id) return;
    await call(id).catch(report(titleKey));
  };
  return {
    train: async () => {
      try {
        const { config, language } = store.getState();
        const run = await lab.startRun(config, undefined, language);
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
      // A live run, or an imported one (its rate applies when it trains further).
      const live = ['training', 'paused', 'starting', 'imported'];
      if (!run || !live.includes(run.state)) return;
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
    rerun: async (runId) => {
      const run = store.getState().runs[runId];
      if (!run) return;
      try {
        const next = await lab.startRun(run.config, undefined, store.getState().language);
        store.getState().upsertRun(next);
        store.getState().selectRun(next.id);
      } catch (err) {
        report('notice.startFailed')(err);
      }
    },
    exportWeights: async (runId, format) => {
      try {
        const result = await lab.exportWeights(runId, format);
        if (result?.bytes) downloadBlob(result.fileName, new Blob([result.bytes as Uint8Array<ArrayBuffer>]));
        else if (result?.savedTo) store.getState().pushNotice('notice.exported', result.savedTo);
      } catch (err) {
        report('notice.exportFailed')(err);
      }
    },
    exportCsv: async (runId, kind) => {
      const run = store.getState().runs[runId];
      try {
        const metrics = await lab.getRunMetrics(runId);
        const text = kind === 'iterations' ? iterationsCsv(metrics) : epochsCsv(metrics.epochs);
        const name = `${safeFileName(run?.name ?? runId)}-${kind === 'iterations' ? 'loss' : 'epochs'}.csv`;
        downloadBlob(name, new Blob([text], { type: 'text/csv' }));
      } catch (err) {
        report('notice.exportFailed')(err);
      }
    },
    chooseWeightsFile: async () => {
      try {
        const preview = await lab.chooseWeightsFile();
        if (preview) store.getState().setImportPreview(preview);
      } catch (err) {
        report('notice.importFailed')(err);
      }
    },
    openWeightsFile: async (file) => {
      try {
        const preview = await lab.openWeights(file.name, await readFileBytes(file));
        store.getState().setImportPreview(preview);
      } catch (err) {
        report('notice.importFailed')(err);
      }
    },
    importWeights: async (pendingId, activation, name) => {
      try {
        // A file without settings (.npz, .pkl) trains further with the panel's.
        const training = store.getState().config;
        const run = await lab.importWeights(pendingId, { activation, training, ...(name && { name }) });
        const s = store.getState();
        s.setImportPreview(null);
        s.upsertRun(run);
        s.selectRun(run.id);
      } catch (err) {
        report('notice.importFailed')(err);
      }
    },
  };
}

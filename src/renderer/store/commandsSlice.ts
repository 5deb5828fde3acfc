/**
 * The commands slice: the LabApi client and the user commands that call it. Each command updates
 * the store with the answer and turns a rejection into a visible notice (never swallowed). Built
 * once with the store, so components, shortcuts and the app menu share the same commands.
 */
import { rawMessage } from '../../shared/messages';
import type { LabApi, WeightsFormat } from '../../shared/api';
import type { Activation } from '../../shared/hyperparams';
import { downloadBlob, epochsCsv, iterationsCsv, readFileBytes, safeFileName } from '../runs/files';
import { errorMessage } from '../i18n/messages';
import type { KeyOf } from '../../shared/i18n';
import type { StateCreator } from 'zustand';
import type { LabState } from './index';

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

export interface CommandsSlice {
  /** The LabApi client (window.lab, the web bridge, a test's real service); null in a store without one. */
  lab: LabApi | null;
  /** The user's commands, one object for the store's life. */
  commands: LabCommands;
}

/** The commands slice, calling `lab`. */
export function createCommandsSlice(lab: LabApi | null): StateCreator<LabState, [], [], CommandsSlice> {
  return (_set, get) => ({ lab, commands: labCommands(get) });
}

/** The store's LabApi; a store made without one (a test of the store alone) has no commands to run. */
function labOf(get: () => LabState): LabApi {
  const lab = get().lab;
  if (!lab) throw new Error('This store was created without a LabApi');
  return lab;
}

/** The commands, reading the store through `get`. */
function labCommands(get: () => LabState): LabCommands {
  const lab = () => labOf(get);
  const report = (titleKey: KeyOf<'notice'>) => (err: unknown) =>
    get().pushNotice(titleKey, errorMessage(err));
  const selected = () => get().selectedRunId;
  const onSelected = (call: (id: string) => Promise<void>, titleKey: KeyOf<'notice'>) => async () => {
    const id = selected();
    if (!id) return;
    await call(id).catch(report(titleKey));
  };
  return {
    train: async () => {
      try {
        const { config, language } = get();
        const run = await lab().startRun(config, undefined, language);
        get().upsertRun(run);
        get().selectRun(run.id);
      } catch (err) {
        report('notice.startFailed')(err);
      }
    },
    pause: onSelected((id) => lab().pauseRun(id), 'notice.controlFailed'),
    resume: onSelected((id) => lab().resumeRun(id), 'notice.controlFailed'),
    step: onSelected((id) => lab().stepRun(id), 'notice.controlFailed'),
    stop: onSelected((id) => lab().stopRun(id), 'notice.controlFailed'),
    applyLearningRate: async (learningRate) => {
      const id = selected();
      const run = id ? get().runs[id] : undefined;
      // A live run, or an imported one (its rate applies when it trains further).
      const live = ['training', 'paused', 'starting', 'imported'];
      if (!run || !live.includes(run.state)) return;
      await lab().setLearningRate(run.id, learningRate).catch(report('notice.learningRateFailed'));
    },
    rename: async (runId, name) => {
      try {
        get().upsertRun(await lab().renameRun(runId, name));
      } catch (err) {
        report('notice.renameFailed')(err);
      }
    },
    remove: async (runId) => {
      try {
        await lab().deleteRun(runId);
        get().removeRun(runId);
      } catch (err) {
        report('notice.deleteFailed')(err);
      }
    },
    rerun: async (runId) => {
      const run = get().runs[runId];
      if (!run) return;
      try {
        const next = await lab().startRun(run.config, undefined, get().language);
        get().upsertRun(next);
        get().selectRun(next.id);
      } catch (err) {
        report('notice.startFailed')(err);
      }
    },
    exportWeights: async (runId, format) => {
      try {
        const result = await lab().exportWeights(runId, format, get().language);
        if (result?.bytes) downloadBlob(result.fileName, new Blob([result.bytes as Uint8Array<ArrayBuffer>]));
        else if (result?.savedTo) get().pushNotice('notice.exported', rawMessage(result.savedTo));
      } catch (err) {
        report('notice.exportFailed')(err);
      }
    },
    exportCsv: async (runId, kind) => {
      const run = get().runs[runId];
      try {
        const metrics = await lab().getRunMetrics(runId);
        const text = kind === 'iterations' ? iterationsCsv(metrics) : epochsCsv(metrics.epochs);
        const name = `${safeFileName(run?.name ?? runId)}-${kind === 'iterations' ? 'loss' : 'epochs'}.csv`;
        downloadBlob(name, new Blob([text], { type: 'text/csv' }));
      } catch (err) {
        report('notice.exportFailed')(err);
      }
    },
    chooseWeightsFile: async () => {
      try {
        const preview = await lab().chooseWeightsFile();
        if (preview) get().setImportPreview(preview);
      } catch (err) {
        report('notice.importFailed')(err);
      }
    },
    openWeightsFile: async (file) => {
      try {
        const preview = await lab().openWeights(file.name, await readFileBytes(file));
        get().setImportPreview(preview);
      } catch (err) {
        report('notice.importFailed')(err);
      }
    },
    importWeights: async (pendingId, activation, name) => {
      try {
        // A file without settings (.npz, .pkl) trains further with the panel's.
        const training = get().config;
        const run = await lab().importWeights(pendingId, { activation, training, ...(name && { name }) });
        const s = get();
        s.setImportPreview(null);
        s.upsertRun(run);
        s.selectRun(run.id);
      } catch (err) {
        report('notice.importFailed')(err);
      }
    },
  };
}

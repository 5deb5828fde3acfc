/**
 * The desktop app's own versions of the method table's desktop methods (lab-methods.ts marks
 * them): native dialogs in main instead of the service's browser answers. The ipc adapter routes
 * those methods here; everything else goes to the service. Electron-free (structural dialog
 * types), so tests drive it with a stand-in dialog.
 */
import type { DesktopHandlers, LabHandlers } from '../../shared/lab-methods';
import type { DatasetInfo } from '../../shared/runs';
import type { TFunction } from 'i18next';
import type { FileFilter, OpenDialogResult, SaveDialogResult } from './weights-dialogs';
import { readWeightsWithDialog, saveWeightsWithDialog } from './weights-dialogs';

/** The native dialogs the desktop methods open (Electron's dialog, bound to the window). */
export interface NativeDialogs {
  showOpenDialog(options: {
    title: string;
    properties: ('openFile' | 'openDirectory')[];
    filters?: FileFilter[];
  }): Promise<OpenDialogResult>;
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: FileFilter[];
  }): Promise<SaveDialogResult>;
}

/** What the desktop methods need of the service. */
export interface DesktopLab extends Pick<LabHandlers, 'exportWeights' | 'openWeights'> {
  /** Loads MNIST from a folder (keeping the old dataset when it fails). */
  setDatasetFolder(folder: string): Promise<DatasetInfo>;
}

/** The desktop methods over `lab`, asking through `dialogs` in the current language (`t()`). */
export function desktopHandlers(
  lab: DesktopLab,
  dialogs: NativeDialogs,
  t: () => TFunction,
): DesktopHandlers {
  return {
    async chooseDatasetFolder() {
      const result = await dialogs.showOpenDialog({
        title: t()('menu.openDatasetTitle'),
        properties: ['openDirectory'],
      });
      const folder = result.canceled ? undefined : result.filePaths[0];
      return folder ? lab.setDatasetFolder(folder) : null;
    },
    async chooseWeightsFile() {
      const file = await readWeightsWithDialog((options) => dialogs.showOpenDialog(options), t());
      return file ? lab.openWeights(file.fileName, file.bytes) : null;
    },
    exportWeights: (runId, format, language) =>
      saveWeightsWithDialog(lab, runId, format, (options) => dialogs.showSaveDialog(options), t(), language),
  };
}

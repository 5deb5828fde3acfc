/**
 * The desktop app menu's actions, applied outside React (like connectLab): theme, language, the
 * shortcuts help, the dataset folder dialog, and weights import / export (dialogs in main).
 * The browser has no app menu, so nothing arrives.
 */
import type { LabApi } from '../../shared/api';
import type { MenuAction } from '../bridge';
import i18next from 'i18next';
import { changeLanguage } from '../i18n';
import { createCommands } from './commands';
import { errorMessage } from './connectLab';
import type { LabStore } from './index';

/** Apply one menu action; returns false for actions the renderer does not handle. */
export function applyMenuAction(action: MenuAction, lab: LabApi, store: LabStore): boolean {
  const s = store.getState();
  switch (action) {
    case 'theme:light':
    case 'theme:dark':
    case 'theme:system':
      s.setTheme(action.slice('theme:'.length) as 'light' | 'dark' | 'system');
      return true;
    case 'language:en':
    case 'language:ja':
    case 'language:ko': {
      const language = action.slice('language:'.length) as 'en' | 'ja' | 'ko';
      changeLanguage(language);
      s.setLanguage(language);
      return true;
    }
    case 'shortcuts':
    case 'about':
      s.setHelpOpen(true);
      return true;
    case 'open-dataset-folder':
      lab
        .chooseDatasetFolder()
        .catch((err: unknown) => s.pushNotice('notice.datasetFailed', errorMessage(err)));
      return true;
    case 'import-weights':
      void createCommands(lab, store).chooseWeightsFile();
      return true;
    case 'export-weights': {
      // The selected run as .npz (the book's format); the run list offers the other formats.
      const runId = s.selectedRunId;
      if (runId) void createCommands(lab, store).exportWeights(runId, 'npz');
      else s.pushNotice('notice.exportFailed', i18next.t('notice.selectRunFirst'));
      return true;
    }
    default:
      return false;
  }
}

/** Subscribe `onMenu` (the bridge's onMenuAction) to the store; returns the unsubscribe function. */
export function connectMenu(
  onMenu: (listener: (action: MenuAction) => void) => () => void,
  lab: LabApi,
  store: LabStore,
): () => void {
  return onMenu((action) => applyMenuAction(action, lab, store));
}

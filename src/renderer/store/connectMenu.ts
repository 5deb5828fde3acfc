/**
 * The desktop app menu's actions, applied outside React (like connectLab): theme, language, the
 * shortcuts help, the about box, the dataset folder dialog, and weights import / export (dialogs
 * in main). The other way, the UI's language goes to main, so the menu and dialogs follow it.
 * The browser has no app menu (no `lab.shell`), so nothing happens there.
 */
import { message } from '../../shared/messages';
import type { LabApi, WeightsFormat } from '../../shared/api';
import { isMenuAction, isUiLanguage, type MenuAction, type ShellApi } from '../../shared/shell';
import { changeLanguage, matchLanguage } from '../i18n';
import { errorMessage } from '../i18n/messages';
import type { LabStore } from './index';

/** The format each of File's export items writes. */
const EXPORT_ACTION_FORMATS = {
  'export-weights': 'npz',
  'export-notebook': 'ipynb',
  'export-script': 'py',
} as const satisfies Partial<Record<MenuAction, WeightsFormat>>;

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
      const language = matchLanguage(action.slice('language:'.length)) ?? 'en';
      changeLanguage(language);
      s.setLanguage(language);
      return true;
    }
    case 'shortcuts':
      s.setHelpOpen(true);
      return true;
    case 'about':
      s.setHelpOpen(true, 'about');
      return true;
    case 'open-dataset-folder':
      lab
        .chooseDatasetFolder()
        .catch((err: unknown) => s.pushNotice('notice.datasetFailed', errorMessage(err)));
      return true;
    case 'import-weights':
      void s.commands.chooseWeightsFile();
      return true;
    case 'export-weights':
    case 'export-notebook':
    case 'export-script': {
      // The selected run as .npz (the book's format), a Jupyter notebook or a NumPy training
      // script; the run list's Export menu offers every format.
      const format = EXPORT_ACTION_FORMATS[action];
      const runId = s.selectedRunId;
      if (runId) void s.commands.exportWeights(runId, format);
      else s.pushNotice('notice.exportFailed', message('selectRunFirst'));
      return true;
    }
    default:
      return false;
  }
}

/**
 * Apply the shell's menu actions to the store, and report the UI language to the shell now and on
 * every change. Returns the unsubscribe function; a no-op without a shell (the browser).
 */
export function connectMenu(
  lab: LabApi,
  store: LabStore,
  shell: ShellApi | undefined = lab.shell,
): () => void {
  if (!shell) return () => {};
  const tell = (language: string): void => {
    if (isUiLanguage(language)) void shell.setLanguage(language).catch(() => {}); // the menu stays as it was
  };
  tell(store.getState().language);
  const unsubscribeStore = store.subscribe((state, previous) => {
    if (state.language !== previous.language) tell(state.language);
  });
  const unsubscribeMenu = shell.onMenu((action) => {
    if (isMenuAction(action)) applyMenuAction(action, lab, store);
  });
  return () => {
    unsubscribeStore();
    unsubscribeMenu();
  };
}

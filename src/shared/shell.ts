/**
 * The desktop shell's part of the contract: the app menu's actions (main -> renderer) and the UI
 * language main's menu and dialogs follow (renderer -> main). Only the Electron preload provides
 * it, as `window.lab.shell`; a browser (the web bridge) has no app menu and leaves it out.
 */

/** The actions of the app menu that the renderer carries out. */
export const MENU_ACTIONS = [
  'open-dataset-folder',
  'import-weights',
  'export-weights',
  'export-notebook',
  'export-script',
  'theme:light',
  'theme:dark',
  'theme:system',
  'language:en',
  'language:ja',
  'language:ko',
  'shortcuts',
  'about',
] as const;

/** One action the renderer handles (a dialog, a theme, a language, a help panel). */
export type MenuAction = (typeof MENU_ACTIONS)[number];

/** The languages of the UI: English and Japanese complete, Korean following. */
export const UI_LANGUAGES = ['en', 'ja', 'ko'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** True when `value` is one of UI_LANGUAGES (checks a value that crossed a process boundary). */
export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** True when `value` is one of MENU_ACTIONS. */
export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}

/** What the desktop shell adds to the LabApi (`window.lab.shell`). */
export interface ShellApi {
  /** Subscribe to app-menu actions; returns the unsubscribe function. */
  onMenu(listener: (action: MenuAction) => void): () => void;
  /** The UI's language, so the app menu and main's dialogs speak it too. */
  setLanguage(language: UiLanguage): Promise<void>;
}

/**
 * The app-menu actions main sends to the renderer over IPC (channel `lab:menu`). Imports nothing:
 * the preload and the renderer's bridge use it too.
 */
export const MENU_ACTIONS = [
  'open-dataset-folder',
  'import-weights',
  'export-weights',
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

/** The IPC channel of menu actions, main -> renderer. */
export const MENU_CHANNEL = 'lab:menu';
/** The IPC channel of LabEvents, main -> renderer. */
export const EVENT_CHANNEL = 'lab:event';
/** The IPC channel of one LabApi method, renderer -> main. */
export const methodChannel = (method: string): string => `lab:${method}`;

/**
 * The Electron IPC channels between main and the preload. Imports nothing: the preload, main and
 * the tests share these names.
 */

/** The IPC channel of menu actions, main -> renderer. */
export const MENU_CHANNEL = 'lab:menu';
/** The IPC channel of LabEvents, main -> renderer. */
export const EVENT_CHANNEL = 'lab:event';
/** The IPC channel of the UI language, renderer -> main (the menu and dialogs follow it). */
export const SHELL_LANGUAGE_CHANNEL = 'lab:shell:language';
/** The IPC channel of one LabApi method, renderer -> main. */
export const methodChannel = (method: string): string => `lab:${method}`;

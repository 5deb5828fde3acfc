/**
 * The Electron IPC channels between main and the preload, and the shape of their answers. The
 * preload, main and the tests share these names.
 */
import type { LabMessage } from './messages';

/** The IPC channel of menu actions, main -> renderer. */
export const MENU_CHANNEL = 'lab:menu';
/** The IPC channel of LabEvents, main -> renderer. */
export const EVENT_CHANNEL = 'lab:event';
/** The IPC channel of the UI language, renderer -> main (the menu and dialogs follow it). */
export const SHELL_LANGUAGE_CHANNEL = 'lab:shell:language';
/** The IPC channel of one LabApi method, renderer -> main. */
export const methodChannel = (method: string): string => `lab:${method}`;

/**
 * What every ipcMain handler answers: the value, or the rejection as data. Electron's ipcMain
 * keeps only an Error's text, so the message travels as `{ code, params }` inside the answer.
 */
export type IpcOutcome = { ok: true; value: unknown } | { ok: false; error: LabMessage };

/**
 * The value of an outcome, in the preload. A failure rejects with its message as plain data:
 * contextBridge copies data intact but reduces an Error to its text (the renderer's bridge turns
 * it back into a LabError).
 */
export function settleOutcome(outcome: IpcOutcome): unknown {
  if (outcome.ok) return outcome.value;
  throw outcome.error;
}

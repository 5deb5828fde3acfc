/**
 * The ipcMain adapter of the LabApi: one `ipcMain.handle('lab:<method>')` per method of the table,
 * plus the shell's language channel. Each call is checked to come from our own renderer frame,
 * then validated and dispatched (lab-dispatch.ts); the desktop methods go to the desktop app's own
 * versions (its dialogs), everything else to the service. Electron-free (structural types), so
 * tests can drive it.
 */
import type { DesktopHandlers, LabHandlers } from '../../shared/lab-methods';
import { LAB_METHODS } from '../../shared/lab-methods';
import { UI_LANGUAGES, isUiLanguage, type UiLanguage } from '../../shared/shell';
import { dispatchLab } from '../lab/lab-dispatch';
import { SHELL_LANGUAGE_CHANNEL, methodChannel } from '../../shared/lab-channels';

/** The part of Electron's IpcMainInvokeEvent the adapter reads. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain the adapter uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Registers every LabApi channel; returns a function that removes them again. */
export function registerLabHandlers(
  ipc: IpcMainLike,
  lab: LabHandlers,
  isTrusted: (frameUrl: string | undefined) => boolean,
  desktop: DesktopHandlers,
): () => void {
  for (const method of LAB_METHODS) {
    ipc.handle(methodChannel(method), async (event, ...args) => {
      refuseUntrusted(event, method, isTrusted);
      return dispatchLab(lab, method, args, desktop);
    });
  }
  return () => LAB_METHODS.forEach((method) => ipc.removeHandler(methodChannel(method)));
}

function refuseUntrusted(
  event: InvokeEventLike,
  what: string,
  isTrusted: (frameUrl: string | undefined) => boolean,
): void {
  if (!isTrusted(event.senderFrame?.url)) {
    throw new Error(`Refused ${what}: the call did not come from the MNIST Lab window`);
  }
}

/** Registers the shell's language channel (ShellApi.setLanguage); returns a function that removes it. */
export function registerShellHandlers(
  ipc: IpcMainLike,
  isTrusted: (frameUrl: string | undefined) => boolean,
  setLanguage: (language: UiLanguage) => void,
): () => void {
  ipc.handle(SHELL_LANGUAGE_CHANNEL, async (event, language) => {
    refuseUntrusted(event, 'setLanguage', isTrusted);
    if (!isUiLanguage(language)) {
      const shown = typeof language === 'string' ? JSON.stringify(language.slice(0, 20)) : typeof language;
      throw new Error(`Unknown language ${shown}: expected one of ${UI_LANGUAGES.join(', ')}`);
    }
    setLanguage(language);
  });
  return () => ipc.removeHandler(SHELL_LANGUAGE_CHANNEL);
}

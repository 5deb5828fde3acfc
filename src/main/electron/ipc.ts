/**
 * The ipcMain adapter of the LabApi: one `ipcMain.handle('lab:<method>')` per LAB_METHODS entry,
 * plus the shell's language channel. Each call is checked to come from our own renderer frame;
 * the arguments go on to the Lab service, which validates them again (the shell's language is
 * checked here). Electron-free (structural types), so tests can drive it.
 */
import { LAB_METHODS, type LabApi, type LabMethod } from '../../shared/api';
import { UI_LANGUAGES, isUiLanguage, type UiLanguage } from '../../shared/shell';
import { SHELL_LANGUAGE_CHANNEL, methodChannel } from './menu-actions';

/** The part of Electron's IpcMainInvokeEvent the adapter reads. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain the adapter uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** A desktop-only version of a method (exportWeights: a save dialog in main instead of bytes to the renderer). */
export type LabOverrides = Partial<Record<LabMethod, (...args: unknown[]) => Promise<unknown>>>;

/** Registers every LabApi channel; returns a function that removes them again. */
export function registerLabHandlers(
  ipc: IpcMainLike,
  lab: LabApi,
  isTrusted: (frameUrl: string | undefined) => boolean,
  overrides: LabOverrides = {},
): () => void {
  for (const method of LAB_METHODS) {
    ipc.handle(methodChannel(method), async (event, ...args) => {
      refuseUntrusted(event, method, isTrusted);
      const override = overrides[method];
      if (override) return override(...args);
      const fn = lab[method] as (...a: unknown[]) => Promise<unknown>;
      return fn.apply(lab, args);
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

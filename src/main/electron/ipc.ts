/**
 * The ipcMain adapter of the LabApi: one `ipcMain.handle('lab:<method>')` per method of the table,
 * plus the shell's language channel. Each call is checked to come from our own renderer frame,
 * then validated and dispatched (lab-dispatch.ts), and answered as an IpcOutcome (a rejection as
 * `{ code, params }` data, which ipcMain would otherwise reduce to its text); the desktop methods go to the desktop app's own
 * versions (its dialogs), everything else to the service. Electron-free (structural types), so
 * tests can drive it.
 */
import type { DesktopHandlers, LabHandlers } from '../../shared/lab-methods';
import { LAB_METHODS } from '../../shared/lab-methods';
import { UI_LANGUAGES, isUiLanguage, type UiLanguage } from '../../shared/shell';
import { dispatchLab } from '../lab/lab-dispatch';
import { SHELL_LANGUAGE_CHANNEL, methodChannel, type IpcOutcome } from '../../shared/lab-channels';
import { LabError, message, toLabMessage } from '../../shared/messages';

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
    ipc.handle(methodChannel(method), (event, ...args) =>
      outcome(() => {
        refuseUntrusted(event, method, isTrusted);
        return dispatchLab(lab, method, args, desktop);
      }),
    );
  }
  return () => LAB_METHODS.forEach((method) => ipc.removeHandler(methodChannel(method)));
}

/** Runs a handler and answers its value or its rejection as data (IpcOutcome). */
async function outcome(run: () => unknown): Promise<IpcOutcome> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toLabMessage(error) };
  }
}

function refuseUntrusted(
  event: InvokeEventLike,
  what: string,
  isTrusted: (frameUrl: string | undefined) => boolean,
): void {
  if (!isTrusted(event.senderFrame?.url)) {
    throw new LabError(message('refusedSender', { method: what }));
  }
}

/** Registers the shell's language channel (ShellApi.setLanguage); returns a function that removes it. */
export function registerShellHandlers(
  ipc: IpcMainLike,
  isTrusted: (frameUrl: string | undefined) => boolean,
  setLanguage: (language: UiLanguage) => void,
): () => void {
  ipc.handle(SHELL_LANGUAGE_CHANNEL, (event, language) =>
    outcome(async () => {
      refuseUntrusted(event, 'setLanguage', isTrusted);
      if (!isUiLanguage(language)) {
        const shown = typeof language === 'string' ? JSON.stringify(language.slice(0, 20)) : typeof language;
        throw new LabError(
          message('unknownLanguage', { language: shown, languages: UI_LANGUAGES.join(', ') }),
        );
      }
      setLanguage(language);
    }),
  );
  return () => ipc.removeHandler(SHELL_LANGUAGE_CHANNEL);
}

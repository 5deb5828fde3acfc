/**
 * The preload: exposes the LabApi as `window.lab` (one ipcRenderer.invoke per method of the table)
 * and nothing else; the desktop shell's menu actions and language ride along as `window.lab.shell`.
 * No logic; main checks the sender of every call and validates its arguments.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { LabApi, LabEvent } from '../shared/api';
import { EVENT_CHANNEL, MENU_CHANNEL, SHELL_LANGUAGE_CHANNEL, methodChannel } from '../shared/lab-channels';
import { labCalls } from '../shared/lab-methods';
import type { MenuAction, UiLanguage } from '../shared/shell';

const lab = {
  ...labCalls((method, args) => ipcRenderer.invoke(methodChannel(method), ...args)),
  onEvent(listener: (event: LabEvent) => void): () => void {
    const relay = (_: Electron.IpcRendererEvent, event: LabEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => ipcRenderer.off(EVENT_CHANNEL, relay);
  },
  shell: {
    onMenu(listener: (action: MenuAction) => void): () => void {
      const relay = (_: Electron.IpcRendererEvent, action: MenuAction) => listener(action);
      ipcRenderer.on(MENU_CHANNEL, relay);
      return () => ipcRenderer.off(MENU_CHANNEL, relay);
    },
    setLanguage: (language: UiLanguage): Promise<void> =>
      ipcRenderer.invoke(SHELL_LANGUAGE_CHANNEL, language) as Promise<void>,
  },
} satisfies LabApi;

contextBridge.exposeInMainWorld('lab', lab);

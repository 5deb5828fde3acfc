/**
 * The preload: exposes the LabApi as `window.lab` (one ipcRenderer.invoke per method) and nothing
 * else; the desktop shell's menu actions and language ride along as `window.lab.shell`. No logic;
 * main checks the sender of every call and validates its arguments.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { LAB_METHODS, type LabApi, type LabEvent } from '../shared/api';
import type { MenuAction, UiLanguage } from '../shared/shell';
import {
  EVENT_CHANNEL,
  MENU_CHANNEL,
  SHELL_LANGUAGE_CHANNEL,
  methodChannel,
} from '../main/electron/menu-actions';

const invokers = Object.fromEntries(
  LAB_METHODS.map((method) => [
    method,
    (...args: unknown[]) => ipcRenderer.invoke(methodChannel(method), ...args),
  ]),
) as unknown as Omit<LabApi, 'onEvent' | 'shell'>;

const lab = {
  ...invokers,
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

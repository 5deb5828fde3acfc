/**
 * The preload: exposes the LabApi as `window.lab` (one ipcRenderer.invoke per method) and the
 * app-menu actions as `window.labShell`. No logic; main checks and validates every call.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { LAB_METHODS, type LabApi, type LabEvent } from '../shared/api';
import { EVENT_CHANNEL, MENU_CHANNEL, methodChannel, type MenuAction } from '../main/electron/menu-actions';

const invokers = Object.fromEntries(
  LAB_METHODS.map((method) => [
    method,
    (...args: unknown[]) => ipcRenderer.invoke(methodChannel(method), ...args),
  ]),
) as unknown as Omit<LabApi, 'onEvent'>;

const lab = {
  ...invokers,
  onEvent(listener: (event: LabEvent) => void): () => void {
    const relay = (_: Electron.IpcRendererEvent, event: LabEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => ipcRenderer.off(EVENT_CHANNEL, relay);
  },
} satisfies LabApi;

const labShell = {
  onMenu(listener: (action: MenuAction) => void): () => void {
    const relay = (_: Electron.IpcRendererEvent, action: MenuAction) => listener(action);
    ipcRenderer.on(MENU_CHANNEL, relay);
    return () => ipcRenderer.off(MENU_CHANNEL, relay);
  },
};

contextBridge.exposeInMainWorld('lab', lab);
contextBridge.exposeInMainWorld('labShell', labShell);

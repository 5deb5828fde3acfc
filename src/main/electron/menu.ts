/**
 * The application menu as a plain template (no Electron import at run time), so tests can read it.
 * Actions the renderer owns go out through `send(action)`; quit, zoom and the dev tools use
 * Electron's built-in roles. Theme and language are plain items, not radio buttons: the renderer
 * owns the current choice, and a radio mark here could disagree with it.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from './menu-actions';

export interface MenuOptions {
  /** Delivers an action to the renderer (webContents.send('lab:menu', action) in the app). */
  send: (action: MenuAction) => void;
  /** process.platform === 'darwin': the app menu and Cmd-Q follow macOS custom. */
  isMac: boolean;
  appName: string;
  /** Adds View > Toggle Developer Tools (unpackaged builds only). */
  devTools?: boolean;
}

/** Builds the File / View / Help menu template. */
export function buildMenuTemplate({
  send,
  isMac,
  appName,
  devTools = false,
}: MenuOptions): MenuItemConstructorOptions[] {
  const item = (label: string, action: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(action),
  });

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item('Open Dataset Folder…', 'open-dataset-folder', 'CmdOrCtrl+O'),
      { type: 'separator' },
      item('Import Weights…', 'import-weights', 'CmdOrCtrl+I'),
      item('Export Weights…', 'export-weights', 'CmdOrCtrl+E'),
      ...(isMac
        ? []
        : [{ type: 'separator' } as const, { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' } as const]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      {
        label: 'Theme',
        submenu: [item('System', 'theme:system'), item('Light', 'theme:light'), item('Dark', 'theme:dark')],
      },
      {
        label: 'Language',
        submenu: [
          item('English', 'language:en'),
          item('日本語', 'language:ja'),
          item('한국어', 'language:ko'),
        ],
      },
      { type: 'separator' },
      { role: 'zoomIn', label: 'Zoom In', accelerator: 'CmdOrCtrl+=' },
      { role: 'zoomOut', label: 'Zoom Out', accelerator: 'CmdOrCtrl+-' },
      { role: 'resetZoom', label: 'Actual Size', accelerator: 'CmdOrCtrl+0' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(devTools ? [{ role: 'toggleDevTools' } as const] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      item('Keyboard Shortcuts', 'shortcuts', 'CmdOrCtrl+/'),
      { type: 'separator' },
      item(`About ${appName}`, 'about'),
    ],
  };
  // macOS puts Quit (Cmd-Q) in the menu named after the app.
  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      item(`About ${appName}`, 'about'),
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = { role: 'editMenu' };
  return isMac ? [appMenu, file, edit, view, help] : [file, edit, view, help];
}

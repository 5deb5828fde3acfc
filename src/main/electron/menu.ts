/**
 * The application menu as a plain template (no Electron import at run time), so tests can read it.
 * Actions the renderer owns go out through `send(action)`; quit, zoom and the dev tools use
 * Electron's built-in roles. Theme and language are plain items, not radio buttons: the renderer
 * owns the current choice, and a radio mark here could disagree with it. Every label comes from
 * the UI language's ShellLabels; the languages keep their own names (English, 日本語, 한국어).
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from './menu-actions';
import { SHELL_LABELS, withAppName, type ShellLabels } from './menu-labels';

export interface MenuOptions {
  /** Delivers an action to the renderer (webContents.send('lab:menu', action) in the app). */
  send: (action: MenuAction) => void;
  /** process.platform === 'darwin': the app menu and Cmd-Q follow macOS custom. */
  isMac: boolean;
  appName: string;
  /** Adds View > Toggle Developer Tools (unpackaged builds only). */
  devTools?: boolean;
  /** The words, in the UI's language (English by default). */
  labels?: ShellLabels;
}

/** Builds the File / View / Help menu template. */
export function buildMenuTemplate({
  send,
  isMac,
  appName,
  devTools = false,
  labels: l = SHELL_LABELS.en,
}: MenuOptions): MenuItemConstructorOptions[] {
  const item = (label: string, action: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(action),
  });

  const file: MenuItemConstructorOptions = {
    label: l.file,
    submenu: [
      item(l.openDatasetFolder, 'open-dataset-folder', 'CmdOrCtrl+O'),
      { type: 'separator' },
      item(l.importWeights, 'import-weights', 'CmdOrCtrl+I'),
      item(l.exportWeights, 'export-weights', 'CmdOrCtrl+E'),
      ...(isMac
        ? []
        : [{ type: 'separator' } as const, { role: 'quit', label: l.quit, accelerator: 'Ctrl+Q' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: l.edit,
    submenu: [
      { role: 'undo', label: l.undo },
      { role: 'redo', label: l.redo },
      { type: 'separator' },
      { role: 'cut', label: l.cut },
      { role: 'copy', label: l.copy },
      { role: 'paste', label: l.paste },
      { role: 'selectAll', label: l.selectAll },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: l.view,
    submenu: [
      {
        label: l.theme,
        submenu: [
          item(l.themeSystem, 'theme:system'),
          item(l.themeLight, 'theme:light'),
          item(l.themeDark, 'theme:dark'),
        ],
      },
      {
        label: l.language,
        submenu: [
          item('English', 'language:en'),
          item('日本語', 'language:ja'),
          item('한국어', 'language:ko'),
        ],
      },
      { type: 'separator' },
      { role: 'zoomIn', label: l.zoomIn, accelerator: 'CmdOrCtrl+=' },
      { role: 'zoomOut', label: l.zoomOut, accelerator: 'CmdOrCtrl+-' },
      { role: 'resetZoom', label: l.actualSize, accelerator: 'CmdOrCtrl+0' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: l.fullScreen },
      ...(devTools ? [{ role: 'toggleDevTools', label: l.devTools } as const] : []),
    ],
  };
  const about = withAppName(l.about, appName);
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: l.help,
    submenu: [item(l.shortcuts, 'shortcuts', 'CmdOrCtrl+/'), { type: 'separator' }, item(about, 'about')],
  };
  // macOS puts Quit (Cmd-Q) in the menu named after the app.
  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      item(about, 'about'),
      { type: 'separator' },
      { role: 'hide', label: withAppName(l.hide, appName) },
      { role: 'hideOthers', label: l.hideOthers },
      { role: 'unhide', label: l.showAll },
      { type: 'separator' },
      { role: 'quit', label: withAppName(l.quitApp, appName) },
    ],
  };
  return isMac ? [appMenu, file, edit, view, help] : [file, edit, view, help];
}

/**
 * The application menu as a plain template (no Electron import at run time), so tests can read it.
 * Actions the renderer owns go out through `send(action)`; quit, zoom and the dev tools use
 * Electron's built-in roles. Theme and language are plain items, not radio buttons: the renderer
 * owns the current choice, and a radio mark here could disagree with it. Every label comes from
 * the `menu` namespace of the UI language's dictionary; each language keeps its own name.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';
import { LANGUAGES, LANGUAGE_NAMES, translator } from '../../shared/i18n';
import type { MenuAction } from './menu-actions';

export interface MenuOptions {
  /** Delivers an action to the renderer (webContents.send('lab:menu', action) in the app). */
  send: (action: MenuAction) => void;
  /** process.platform === 'darwin': the app menu and Cmd-Q follow macOS custom. */
  isMac: boolean;
  appName: string;
  /** Adds View > Toggle Developer Tools (unpackaged builds only). */
  devTools?: boolean;
  /** The words, in the UI's language (English by default). */
  t?: TFunction;
}

/** Builds the File / View / Help menu template. */
export function buildMenuTemplate({
  send,
  isMac,
  appName,
  devTools = false,
  t = translator('en'),
}: MenuOptions): MenuItemConstructorOptions[] {
  const item = (label: string, action: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(action),
  });

  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      item(t('menu.openDatasetFolder'), 'open-dataset-folder', 'CmdOrCtrl+O'),
      { type: 'separator' },
      item(t('menu.importWeights'), 'import-weights', 'CmdOrCtrl+I'),
      item(t('menu.exportWeights'), 'export-weights', 'CmdOrCtrl+E'),
      item(t('menu.exportNotebook'), 'export-notebook'),
      item(t('menu.exportScript'), 'export-script'),
      ...(isMac
        ? []
        : [
            { type: 'separator' } as const,
            { role: 'quit', label: t('menu.quit'), accelerator: 'Ctrl+Q' } as const,
          ]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { role: 'undo', label: t('menu.undo') },
      { role: 'redo', label: t('menu.redo') },
      { type: 'separator' },
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      { role: 'selectAll', label: t('menu.selectAll') },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      {
        label: t('menu.theme'),
        submenu: [
          item(t('menu.themeSystem'), 'theme:system'),
          item(t('menu.themeLight'), 'theme:light'),
          item(t('menu.themeDark'), 'theme:dark'),
        ],
      },
      {
        label: t('menu.language'),
        submenu: LANGUAGES.map((language) => item(LANGUAGE_NAMES[language], `language:${language}`)),
      },
      { type: 'separator' },
      { role: 'zoomIn', label: t('menu.zoomIn'), accelerator: 'CmdOrCtrl+=' },
      { role: 'zoomOut', label: t('menu.zoomOut'), accelerator: 'CmdOrCtrl+-' },
      { role: 'resetZoom', label: t('menu.actualSize'), accelerator: 'CmdOrCtrl+0' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('menu.fullScreen') },
      ...(devTools ? [{ role: 'toggleDevTools', label: t('menu.devTools') } as const] : []),
    ],
  };
  const about = t('menu.about', { app: appName });
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: t('menu.help'),
    submenu: [
      item(t('menu.shortcuts'), 'shortcuts', 'CmdOrCtrl+/'),
      { type: 'separator' },
      item(about, 'about'),
    ],
  };
  // macOS puts Quit (Cmd-Q) in the menu named after the app.
  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      item(about, 'about'),
      { type: 'separator' },
      { role: 'hide', label: t('menu.hide', { app: appName }) },
      { role: 'hideOthers', label: t('menu.hideOthers') },
      { role: 'unhide', label: t('menu.showAll') },
      { type: 'separator' },
      { role: 'quit', label: t('menu.quitApp', { app: appName }) },
    ],
  };
  return isMac ? [appMenu, file, edit, view, help] : [file, edit, view, help];
}

/**
 * The desktop app's main process: one window, the menu, the security settings, and the LabApi
 * over IPC. Thin glue; the logic it uses lives in Electron-free modules beside it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, nativeTheme, protocol, screen, session } from 'electron';
import { LabService } from '../lab/service';
import type { UiLanguage } from '../../shared/shell';
import { languageForLocale, translator } from '../../shared/i18n';
import { registerLabHandlers, registerShellHandlers } from './ipc';
import { desktopHandlers, type NativeDialogs } from './desktop-methods';
import { buildMenuTemplate } from './menu';
import { EVENT_CHANNEL, MENU_CHANNEL, type MenuAction } from './menu-actions';
import { isTrustedSender, type TrustedRenderer } from './sender';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, answerAppRequest } from './app-protocol';
import {
  MIN_HEIGHT,
  MIN_WIDTH,
  readWindowState,
  writeWindowState,
  writeWindowStateSync,
} from './window-state';

const here = fileURLToPath(new URL('.', import.meta.url)); // out/main/
const rendererDir = join(here, '../renderer');
/**
 * The Vite dev server, only in the bundle `electron-vite dev` builds (__DEV_RENDERER__ is a
 * build-time constant, false in `npm run build`): `npm start` never loads a page from a URL that
 * an environment variable names.
 */
const devServerUrl = __DEV_RENDERER__ && !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const trusted: TrustedRenderer = { indexUrl: APP_INDEX_URL, devServerUrl };

/** The header CSP of every app:// answer (the built page also carries it as a <meta>); dev relaxes it for Vite's HMR. */
const CSP = devServerUrl
  ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws:"
  : "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

let mainWindow: BrowserWindow | null = null;
let lab: LabService | null = null;
/** The UI's language: the OS's at start, then whatever the renderer reports (ShellApi.setLanguage). */
let language: UiLanguage = 'en';
/** `t` in the UI's language, for the menu and the dialogs. */
const t = () => translator(language);

app.enableSandbox();
// Before ready: app:// is a standard, secure scheme (a real origin, a CSP header, no file:// quirks).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

/**
 * One app, one window: a second start (npm start again, a second click on the icon) brings the
 * first one's window forward and quits, so two services never write the same run history.
 */
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();
app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

/** Refuse what a page could do to leave our renderer: navigate, open windows, embed webviews. */
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedSender(url, trusted)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

async function createWindow(service: LabService): Promise<void> {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = await readWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...state,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'MNIST Lab',
    show: false,
    // The theme's --bg, so a dark system shows no white flash before the page paints.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#14171c' : '#f6f7f9',
    webPreferences: {
      // Reviewed: the preload only exposes the typed LabApi through contextBridge (one
      // ipcRenderer.invoke per method, no Node objects, no logic); main checks every sender.
      preload: join(here, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click must not open links (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow = win;
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  // Remember size and position; the normal bounds, so un-maximizing returns to them.
  const current = () => ({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  const save = (): void => void writeWindowState(stateFile, current()).catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', () => {
    clearTimeout(timer);
    try {
      writeWindowStateSync(stateFile, current()); // on quit the process ends right after
    } catch {
      // An unwritable userData folder: the next start uses the default size.
    }
  });
  win.on('closed', () => (mainWindow = null));

  const unsubscribe = service.onEvent((event) => {
    if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
  });
  win.on('closed', unsubscribe);

  if (devServerUrl) await win.loadURL(devServerUrl);
  else await win.loadURL(APP_INDEX_URL);
}

app.whenReady().then(async () => {
  if (!primary) return;
  // The renderer's files, from out/renderer only.
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, rendererDir, CSP));
  // No remote content, no permissions (camera, notifications, ...), a CSP on every response.
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    // Reviewed: CSP is the strict policy above (a constant the scanner cannot read through).
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }); // eng-disable CSP_GLOBAL_CHECK
  });
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const fromDevServer =
      devServerUrl !== undefined &&
      (details.url.startsWith(new URL(devServerUrl).origin) || details.url.startsWith('ws:'));
    const local = /^(app|devtools|data|blob):/.test(details.url) || fromDevServer;
    callback({ cancel: !local });
  });

  const wasmPath = join(app.getAppPath(), 'build', 'kernels.wasm');
  lab = new LabService({
    dataDir: join(app.getPath('userData'), 'runs'),
    appName: 'MNIST Lab (desktop)',
    wasmPath: existsSync(wasmPath) ? wasmPath : undefined,
  });
  const dialogs: NativeDialogs = {
    showOpenDialog: (options) =>
      mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
    showSaveDialog: (options) =>
      mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
  };
  registerLabHandlers(ipcMain, lab, (url) => isTrustedSender(url, trusted), desktopHandlers(lab, dialogs, t));

  const send = (action: MenuAction): void => {
    mainWindow?.webContents.send(MENU_CHANNEL, action);
  };
  const setMenu = (): void => {
    const template = buildMenuTemplate({
      send,
      isMac: process.platform === 'darwin',
      appName: 'MNIST Lab',
      devTools: !app.isPackaged,
      t: t(),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  language = languageForLocale(app.getLocale());
  setMenu();
  registerShellHandlers(
    ipcMain,
    (url) => isTrustedSender(url, trusted),
    (next) => {
      if (next === language) return;
      language = next;
      setMenu();
    },
  );

  await createWindow(lab);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && lab) void createWindow(lab);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Stop the workers before leaving, so runs are saved and no thread is left behind.
let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !lab) return;
  quitting = true;
  event.preventDefault();
  void lab.close().finally(() => app.quit());
});

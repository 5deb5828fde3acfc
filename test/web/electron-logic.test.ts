import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { LAB_METHODS, type LabHandlers } from '../../src/shared/lab-methods';
import {
  registerLabHandlers,
  registerShellHandlers,
  type IpcMainLike,
  type InvokeEventLike,
} from '../../src/main/electron/ipc';
import { buildMenuTemplate } from '../../src/main/electron/menu';
import { MENU_ACTIONS, type MenuAction } from '../../src/main/electron/menu-actions';
import { languageForLocale, translator } from '../../src/shared/i18n';
import type { UiLanguage } from '../../src/shared/shell';
import { isTrustedSender } from '../../src/main/electron/sender';
import {
  DEFAULT_WINDOW_STATE,
  MIN_WIDTH,
  fitToDisplays,
  parseWindowState,
  readWindowState,
  writeWindowState,
  writeWindowStateSync,
} from '../../src/main/electron/window-state';
import { settleOutcome, type IpcOutcome } from '../../src/shared/lab-channels';
import { LabError, toLabMessage } from '../../src/shared/messages';

/** What the preload and the renderer's bridge make of an ipc answer: its value, or a LabError. */
const answered = (reply: Promise<unknown>): Promise<unknown> =>
  reply
    .then((outcome) => settleOutcome(outcome as IpcOutcome))
    .catch((error: unknown) => {
      throw new LabError(toLabMessage(error));
    });

const index = 'app://mnist-lab/index.html';

describe('sender check', () => {
  it('trusts the built index.html on app:// (any hash or query) and nothing else, file:// included', () => {
    const trusted = { indexUrl: index };
    expect(isTrustedSender(index, trusted)).toBe(true);
    expect(isTrustedSender(`${index}#/runs`, trusted)).toBe(true);
    expect(isTrustedSender('app://mnist-lab/other.html', trusted)).toBe(false);
    expect(isTrustedSender('app://elsewhere/index.html', trusted)).toBe(false);
    expect(isTrustedSender('file:///opt/mnist-lab/out/renderer/index.html', trusted)).toBe(false);
    expect(isTrustedSender('file:///etc/passwd', trusted)).toBe(false);
    expect(isTrustedSender('https://example.com/', trusted)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', trusted)).toBe(false); // no dev server in a build
    expect(isTrustedSender(undefined, trusted)).toBe(false);
    expect(isTrustedSender('not a url', trusted)).toBe(false);
  });

  it('trusts the dev server origin only under electron-vite dev', () => {
    const trusted = { indexUrl: index, devServerUrl: 'http://localhost:5173' };
    expect(isTrustedSender('http://localhost:5173/index.html', trusted)).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', trusted)).toBe(false);
    expect(isTrustedSender('http://localhost.evil.example:5173/', trusted)).toBe(false);
  });
});

describe('window state', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('writes atomically and reads back what it wrote, leaving no temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist-lab-window-'));
    const file = join(dir, 'window-state.json');
    const state = { x: 100, y: 80, width: 1400, height: 900, maximized: true };
    await writeWindowState(file, state);
    expect(await readWindowState(file, screen)).toEqual(state);
    expect(readdirSync(dir)).toEqual(['window-state.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    // The last save, as the window closes, is synchronous: done when the call returns.
    const closing = { x: 0, y: 0, width: 1000, height: 700, maximized: false };
    writeWindowStateSync(file, closing);
    expect(await readWindowState(file, screen)).toEqual(closing);
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('falls back to the default for a missing or corrupt file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist-lab-window-'));
    expect(await readWindowState(join(dir, 'none.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'bad.json'), '{"width": 12');
    expect(await readWindowState(join(dir, 'bad.json'), screen)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"width":"wide","height":600}')).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('clamps sizes to the minimum and drops a position that is on no display', () => {
    expect(parseWindowState('{"width":10,"height":10,"x":5,"y":5}')).toMatchObject({
      width: MIN_WIDTH,
      x: 5,
    });
    const offScreen = { x: 5000, y: 40, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(offScreen, screen)).toEqual({ width: 1200, height: 800, maximized: false });
    const onSecond = { x: 2000, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(onSecond, [...screen, { x: 1920, y: 0, width: 1920, height: 1080 }])).toEqual(
      onSecond,
    );
    // A remembered size bigger than the only display shrinks to fit it.
    const big = { width: 3000, height: 2000, maximized: false };
    expect(fitToDisplays(big, [{ x: 0, y: 0, width: 1280, height: 720 }])).toEqual({
      width: 1280,
      height: 720,
      maximized: false,
    });
  });
});

/** Every item of a template, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('menu template', () => {
  it('has File, View and Help with the usual accelerators; clicking sends the action', () => {
    const sent: MenuAction[] = [];
    const template = buildMenuTemplate({ send: (a) => sent.push(a), isMac: false, appName: 'MNIST Lab' });
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(template.at(-1)!.role).toBe('help');
    const items = flatten(template);
    const byLabel = (label: string) => items.find((i) => i.label === label)!;
    expect(byLabel('Open Dataset Folder…').accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel('Import Weights…').accelerator).toBe('CmdOrCtrl+I');
    expect(byLabel('Export Weights…').accelerator).toBe('CmdOrCtrl+E');
    expect(items.map((i) => i.label)).toEqual(
      expect.arrayContaining(['Export as Jupyter Notebook…', 'Export as NumPy Training Script…']),
    );
    expect(byLabel('Quit')).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
    expect(items.filter((i) => ['zoomIn', 'zoomOut', 'resetZoom'].includes(String(i.role)))).toHaveLength(3);
    for (const item of items) {
      (item.click as (() => void) | undefined)?.();
    }
    // Every action the renderer handles is reachable from the menu, each once (About is in Help).
    expect([...sent].sort()).toEqual([...MENU_ACTIONS].sort());
  });

  it("speaks the UI's language: every label from its dictionary, languages in their own names", () => {
    const english = flatten(buildMenuTemplate({ send: () => {}, isMac: false, appName: 'MNIST Lab' }));
    for (const language of ['ja', 'ko'] as const) {
      const items = flatten(
        buildMenuTemplate({
          send: () => {},
          isMac: false,
          appName: 'MNIST Lab',
          t: translator(language),
        }),
      );
      const labels = items.map((i) => i.label).filter((l): l is string => l !== undefined);
      // The same items, each with a label, none left in English but the language names.
      expect(items.length).toBe(english.length);
      expect(labels.length).toBe(english.filter((i) => i.label !== undefined).length);
      const untranslated = labels.filter((l) => english.some((i) => i.label === l));
      expect(untranslated.sort()).toEqual(['English', '日本語', '한국어'].sort());
    }
    const ja = flatten(
      buildMenuTemplate({ send: () => {}, isMac: false, appName: 'MNIST Lab', t: translator('ja') }),
    );
    expect(ja.find((i) => i.label === '重みを読み込む…')!.accelerator).toBe('CmdOrCtrl+I');
    expect(ja.find((i) => i.label === 'MNIST Lab について')).toBeTruthy();
  });

  it('takes the language from the OS locale, English for one it does not speak', () => {
    expect(languageForLocale('ja')).toBe('ja');
    expect(languageForLocale('ko-KR')).toBe('ko');
    expect(languageForLocale('en_GB')).toBe('en');
    expect(languageForLocale('fr')).toBe('en');
    expect(languageForLocale('')).toBe('en');
  });

  it('follows macOS custom: an app menu with Quit, none in File', () => {
    const template = buildMenuTemplate({ send: () => {}, isMac: true, appName: 'MNIST Lab' });
    expect(template[0].label).toBe('MNIST Lab');
    const file = template.find((m) => m.label === 'File')!;
    expect(flatten([file]).some((i) => i.role === 'quit')).toBe(false);
    expect(flatten([template[0]]).some((i) => i.role === 'quit')).toBe(true);
  });
});

describe('ipcMain adapter', () => {
  /** A stand-in for Electron's ipcMain (the Electron binary is absent here): a channel table. */
  function makeIpc() {
    const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const ipc: IpcMainLike = {
      handle: (channel, listener) => void handlers.set(channel, listener),
      removeHandler: (channel) => void handlers.delete(channel),
    };
    return { ipc, handlers };
  }
  const calls: { method: string; args: unknown[] }[] = [];
  const lab = Object.fromEntries(
    LAB_METHODS.map((m) => [m, async (...args: unknown[]) => (calls.push({ method: m, args }), `${m} done`)]),
  ) as unknown as LabHandlers;

  it('registers one lab:<method> channel per LabApi method and removes them again', () => {
    const { ipc, handlers } = makeIpc();
    const remove = registerLabHandlers(ipc, lab, () => true, lab);
    expect([...handlers.keys()].sort()).toEqual(LAB_METHODS.map((m) => `lab:${m}`).sort());
    remove();
    expect(handlers.size).toBe(0);
  });

  it('passes arguments through for our frame and refuses any other frame', async () => {
    const { ipc, handlers } = makeIpc();
    registerLabHandlers(ipc, lab, (url) => isTrustedSender(url, { indexUrl: index }), lab);
    const pixels = new Uint8Array(784).fill(9);
    await expect(
      answered(handlers.get('lab:predict')!({ senderFrame: { url: index } }, 'run-1', pixels)),
    ).resolves.toBe('predict done');
    expect(calls.at(-1)).toEqual({ method: 'predict', args: ['run-1', pixels] });
    const before = calls.length;
    await expect(
      answered(handlers.get('lab:deleteRun')!({ senderFrame: { url: 'https://evil.example/' } }, 'run-1')),
    ).rejects.toThrow(/did not come from the MNIST Lab window/);
    await expect(answered(handlers.get('lab:listRuns')!({ senderFrame: null }))).rejects.toThrow(
      /Refused listRuns/,
    );
    expect(calls.length).toBe(before);
  });

  it('the shell language channel: our frame and a known language only', async () => {
    const { ipc, handlers } = makeIpc();
    const set: UiLanguage[] = [];
    const remove = registerShellHandlers(
      ipc,
      (url) => isTrustedSender(url, { indexUrl: index }),
      (language) => set.push(language),
    );
    const setLanguage = handlers.get('lab:shell:language')!;
    await answered(setLanguage({ senderFrame: { url: index } }, 'ja'));
    expect(set).toEqual(['ja']);
    await expect(
      answered(setLanguage({ senderFrame: { url: 'https://evil.example/' } }, 'ko')),
    ).rejects.toThrow(/Refused setLanguage/);
    await expect(answered(setLanguage({ senderFrame: { url: index } }, 'fr'))).rejects.toThrow(
      /Unknown language "fr": expected one of en, ja, ko/,
    );
    await expect(answered(setLanguage({ senderFrame: { url: index } }, { toString: 'ja' }))).rejects.toThrow(
      /Unknown language object/,
    );
    expect(set).toEqual(['ja']);
    remove();
    expect(handlers.size).toBe(0);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { LAB_METHODS } from '../../src/shared/api';
import { REPO_ROOT } from './harness';

const out = join(REPO_ROOT, 'out');
const built = existsSync(join(out, 'preload', 'index.cjs')) && existsSync(join(out, 'main', 'index.js'));
if (!built && process.env.CI === 'true') throw new Error('out/ is not built under CI (run npm run build)');
if (!built) console.log('skipped: out/ is not built (run npm run build)');

describe.skipIf(!built)(
  'the built Electron bundles (no Electron binary here: its API is stood in for)',
  () => {
    it('the preload is a sandbox-loadable CommonJS script exposing only window.lab: every LabApi method and the shell', async () => {
      const exposed = new Map<string, Record<string, (...a: unknown[]) => unknown>>();
      const invoked: unknown[][] = [];
      const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
      // What Electron gives a sandboxed preload: require('electron') and little else.
      const electron = {
        contextBridge: {
          exposeInMainWorld: (key: string, api: Record<string, (...a: unknown[]) => unknown>) =>
            exposed.set(key, api),
        },
        ipcRenderer: {
          // ipcMain handlers answer an IpcOutcome; the preload unwraps it.
          invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: 'answer' }),
          on: (channel: string, fn: (...a: unknown[]) => void) =>
            listeners.set(channel, (listeners.get(channel) ?? new Set()).add(fn)),
          off: (channel: string, fn: (...a: unknown[]) => void) => listeners.get(channel)?.delete(fn),
        },
      };
      const sandboxRequire = (name: string) => {
        if (name === 'electron') return electron;
        throw new Error(`a sandboxed preload cannot require ${name}`);
      };
      const code = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
      runInNewContext(code, { require: sandboxRequire, module: { exports: {} }, exports: {} });

      expect([...exposed.keys()]).toEqual(['lab']);
      const lab = exposed.get('lab')!;
      expect(Object.keys(lab).sort()).toEqual([...LAB_METHODS, 'onEvent', 'shell'].sort());
      await expect(lab.predict('run-1', new Uint8Array(784))).resolves.toBe('answer');
      expect(invoked[0][0]).toBe('lab:predict');
      expect(invoked[0][1]).toBe('run-1');

      const events: unknown[] = [];
      const off = lab.onEvent((e: unknown) => events.push(e)) as () => void;
      listeners.get('lab:event')!.forEach((fn) => fn({}, { type: 'error', message: 'x' }));
      off();
      expect(events).toEqual([{ type: 'error', message: 'x' }]);
      expect(listeners.get('lab:event')!.size).toBe(0);
      const shell = lab.shell as unknown as Record<string, (...a: unknown[]) => unknown>;
      const actions: unknown[] = [];
      const offMenu = shell.onMenu((action: unknown) => actions.push(action)) as () => void;
      listeners.get('lab:menu')!.forEach((fn) => fn({}, 'about'));
      offMenu();
      expect(actions).toEqual(['about']);
      await shell.setLanguage('ja');
      expect(invoked.at(-1)).toEqual(['lab:shell:language', 'ja']);
    });

    it('the built main process loads app://mnist-lab/index.html and no dev-server URL from the environment', () => {
      const code = readFileSync(join(out, 'main', 'index.js'), 'utf8');
      expect(code).toMatch(/APP_SCHEME = "app"/);
      expect(code).toMatch(/APP_HOST = "mnist-lab"/);
      expect(code).toContain('registerSchemesAsPrivileged');
      expect(code).toContain('Auxclick');
      // __DEV_RENDERER__ is false in `npm run build`: the dev-server branch is compiled away.
      expect(code).not.toContain('ELECTRON_RENDERER_URL');
      expect(code).not.toContain('loadFile');
    });

    it('the main bundles import only Node built-ins, electron, their own chunks and runtime dependencies', () => {
      const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      const allowed = new Set([
        ...builtinModules,
        ...builtinModules.map((m) => `node:${m}`),
        'electron',
        ...Object.keys(pkg.dependencies),
      ]);
      for (const file of ['index.js', 'worker.js', 'evaluator.js']) {
        const code = readFileSync(join(out, 'main', file), 'utf8');
        const imports = [...code.matchAll(/^import\s(?:[^'"]*from\s)?["']([^"']+)["']/gm)].map((m) => m[1]);
        expect(imports, file).toContain('node:worker_threads');
        const external = imports.filter((name) => !name.startsWith('./'));
        for (const name of external)
          expect(
            allowed.has(
              name
                .split('/')
                .slice(0, name.startsWith('@') ? 2 : 1)
                .join('/'),
            ),
            `${file}: ${name}`,
          ).toBe(true);
      }
    });
  },
);

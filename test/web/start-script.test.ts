import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Runs `npm start`'s script with `electronDir` standing in for node_modules/electron. */
function start(electronDir: string) {
  const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, MNIST_LAB_ELECTRON_DIR: electronDir },
  });
  return { status: result.status, output: (result.stdout + result.stderr).trim() };
}

const SERVE_HINT = 'You can use MNIST Lab in your browser instead: npm run serve';

describe('npm start without the Electron binary', () => {
  // Folders stand in for node_modules/electron without its downloaded binary, so the tests mean the
  // same on a machine that has Electron installed (or can download it).

  it('tries Electron’s own installer once; when the download fails, says so plainly: no stack trace, exit 1', () => {
    // What the real installer does without internet: an unhandled rejection, "TypeError: fetch failed".
    const dir = mkdtempSync(join(tmpdir(), 'mnist-lab-electron-'));
    writeFileSync(join(dir, 'install.js'), "Promise.reject(new TypeError('fetch failed'));\n");
    const { status, output } = start(dir);
    expect(status).toBe(1);
    expect(output).toBe(
      'Downloading the Electron binary (once)…\n' +
        'The Electron binary is not installed on this machine and could not be downloaded (fetch failed). ' +
        SERVE_HINT,
    );
    expect(output).not.toMatch(/\bat .*:\d+:\d+/); // no stack frames
  });

  it('without an installer, names what is missing and still points to npm run serve', () => {
    const { status, output } = start(mkdtempSync(join(tmpdir(), 'mnist-lab-electron-')));
    expect(status).toBe(1);
    expect(output).toBe(
      'The Electron binary is not installed on this machine and could not be downloaded ' +
        '(its installer, node_modules/electron/install.js, is missing: run npm install). ' +
        SERVE_HINT,
    );
  });

  it('an installer that succeeds but leaves no binary is no crash either', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist-lab-electron-'));
    writeFileSync(join(dir, 'install.js'), '');
    const { status, output } = start(dir);
    expect(status).toBe(1);
    expect(output).toMatch(/could not be downloaded \(the installer put nothing in place\)\. You can use/);
  });
});

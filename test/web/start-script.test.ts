import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('npm start without the Electron binary', () => {
  it('says so plainly, points to npm run serve, no stack trace, exit code 1', () => {
    // An empty folder stands in for node_modules/electron without its downloaded binary,
    // so the test means the same on a machine that has Electron installed.
    const noBinary = mkdtempSync(join(tmpdir(), 'mnist-lab-electron-'));
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, MNIST_LAB_ELECTRON_DIR: noBinary },
    });
    expect(result.status).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output.trim()).toBe(
      'The Electron binary is not installed on this machine (it is downloaded on first start from the internet, ' +
        'which is not reachable here). You can use MNIST Lab in your browser instead: npm run serve',
    );
    expect(output).not.toMatch(/\bat .*:\d+:\d+/); // no stack frames
  });
});

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawGet } from '../web/helpers';

const root = resolve(import.meta.dirname, '../..');
const built = existsSync(resolve(root, 'out/renderer/index.html'));
// serve keeps runs in $MNIST_LAB_DATA: a fresh folder, so the test never touches the user's history.
const env = { ...process.env, MNIST_LAB_DATA: mkdtempSync(resolve(tmpdir(), 'mnist-lab-serve-')) };
if (!built && process.env.CI === 'true')
  throw new Error('out/renderer is not built under CI (run npm run build)');
if (!built) console.log('skipped: out/renderer is not built (run npm run build)');

describe.skipIf(!built)('npm run serve (src/main/web/serve.ts)', () => {
  it('prints the tokened address, serves the page there, and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/web/serve.ts', '--port', '0'], {
      cwd: root,
      env,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
    try {
      const line = /^MNIST Lab is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]{32,})$/m;
      while (!line.test(output)) {
        if (child.exitCode !== null) throw new Error(`serve exited early:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const [, port, token] = output.match(line)!;
      const page = await rawGet(Number(port), `/?token=${token}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>MNIST Lab</title>');
      expect((await rawGet(Number(port), '/')).status).toBe(403);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('Stopping MNIST Lab');
  });

  it('refuses a bad --port with a one-line message and exit code 1', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/web/serve.ts', '--port', 'abc'], {
      cwd: root,
      env,
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      'MNIST Lab could not start: --port must be an integer from 0 to 65535, got "abc".',
    );
  });
});

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, answerAppRequest } from '../../src/main/electron/app-protocol';

const CSP = "default-src 'self'";

/** A renderer folder like out/renderer, beside a secret file that must never be served. */
function rendererFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'mnist-lab-app-'));
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>MNIST Lab</title>');
  writeFileSync(join(dir, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'not for the page');
  return dir;
}

describe('the app:// scheme (the desktop renderer, served from out/renderer only)', () => {
  const dir = rendererFolder();
  const get = (url: string, method = 'GET') => answerAppRequest(new Request(url, { method }), dir, CSP);

  it('is registered as a standard, secure scheme', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('answers the index and the assets with their type and the CSP header', async () => {
    const index = await get(APP_INDEX_URL);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CSP);
    expect(await index.text()).toContain('<title>MNIST Lab</title>');
    const script = await get('app://mnist-lab/assets/main.js?v=1#top');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('app://mnist-lab/')).status).toBe(200);
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses paths out of the folder, other hosts, missing files and other methods with 404', async () => {
    for (const url of [
      'app://mnist-lab/../secret.txt',
      'app://mnist-lab/%2e%2e/secret.txt',
      'app://mnist-lab/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://mnist-lab/..%5csecret.txt',
      'app://mnist-lab/index.html%00.js',
      'app://mnist-lab/%E0%A4%A',
      'app://mnist-lab/missing.js',
      'app://mnist-lab/assets',
      'app://other-host/index.html',
      'https://mnist-lab/index.html',
    ]) {
      const answer = await get(url);
      expect(answer.status, url).toBe(404);
      expect(answer.headers.get('content-security-policy'), url).toBe(CSP);
      expect(await answer.text(), url).not.toContain('not for the page');
    }
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import type { LabApi, LabEvent } from '../../src/shared/api';
import { pageLanguage, startWebBridge, type WebBridge } from '../../src/main/web/server';
import { DICTIONARIES } from '../../src/shared/i18n';
import { messageText } from '../../src/shared/messages';
import { makeRendererDir, probeSocket, rawGet } from './helpers';

// The security tests need no Lab behind the bridge: a LabApi whose calls all fail is enough.
const unusedLab = new Proxy({} as LabApi, {
  get: (_target, key) =>
    key === 'onEvent'
      ? (_listener: (e: LabEvent) => void) => () => {}
      : () => Promise.reject(new Error('not in this test')),
});

let bridge: WebBridge;
beforeAll(async () => {
  bridge = await startWebBridge(unusedLab, { port: 0, rendererDir: makeRendererDir().rendererDir });
});
afterAll(() => bridge.close());

describe('web bridge: HTTP', () => {
  it('prints a tokened 127.0.0.1 address with a long random token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(32);
    expect(bridge.port).toBeGreaterThan(0);
  });

  it('makes a new token at every start', async () => {
    const other = await startWebBridge(unusedLab, { port: 0, rendererDir: makeRendererDir().rendererDir });
    try {
      expect(other.token).not.toBe(bridge.token);
      expect(other.port).not.toBe(bridge.port);
    } finally {
      await other.close();
    }
  });

  it('refuses the page without the token and with a wrong one (403)', async () => {
    expect((await rawGet(bridge.port, '/')).status).toBe(403);
    expect((await rawGet(bridge.port, '/?token=wrong')).status).toBe(403);
    expect((await rawGet(bridge.port, `/?token=${bridge.token.slice(0, -1)}`)).status).toBe(403);
    expect((await rawGet(bridge.port, '/assets/app.js')).status).toBe(403);
  });

  it("says why it refuses in the browser's language, from the message catalogue", async () => {
    const page = (path: string, language?: string) =>
      rawGet(bridge.port, path, language ? { 'accept-language': language } : {});
    const en = await page('/');
    expect(en.body.trim()).toBe(messageText('httpNeedsToken'));
    const ja = await page('/', 'ja-JP,ja;q=0.9,en;q=0.8');
    expect(ja.status).toBe(403);
    expect(ja.headers['content-language']).toBe('ja');
    expect(ja.body.trim()).toBe(DICTIONARIES.ja.msg.httpNeedsToken);
    const ko = await page('/', 'fr-FR, ko;q=0.7');
    expect(ko.headers['content-language']).toBe('ko');
    expect(ko.body.trim()).toBe(DICTIONARIES.ko.msg.httpNeedsToken);
    const missing = await page(`/assets/missing.js?token=${bridge.token}`, 'ko');
    expect(missing.status).toBe(404);
    expect(missing.body.trim()).toBe(
      DICTIONARIES.ko.msg.httpNotFound.replace('{{path}}', '/assets/missing.js'),
    );
    expect(pageLanguage(undefined)).toBe('en');
    expect(pageLanguage('de-DE, fr;q=0.5')).toBe('en');
  });

  it('serves index.html for the token, with the strict CSP, nosniff and a session cookie', async () => {
    const res = await rawGet(bridge.port, `/?token=${bridge.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>MNIST Lab</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain(`ws://127.0.0.1:${bridge.port}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^mnist_lab_${bridge.port}=[\\w-]{32,};`));
    // Every server on 127.0.0.1 gets this cookie (cookies ignore ports): it must not be the token.
    expect(cookie).not.toContain(bridge.token);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  /** The cookie the page gets with its tokened address. */
  const pageCookie = async () =>
    String((await rawGet(bridge.port, `/?token=${bridge.token}`)).headers['set-cookie']).split(';')[0];

  it('the page cookie opens the static files but not the LabApi socket', async () => {
    const cookie = await pageCookie();
    expect((await rawGet(bridge.port, '/assets/app.js', { cookie })).status).toBe(200);
    const outcome = await probeSocket(`ws://127.0.0.1:${bridge.port}/lab`, { cookie });
    expect(outcome.kind).toBe('closed');
    if (outcome.kind === 'closed') expect(outcome.code).toBe(4401);
    // Nor does the token sent as the cookie.
    const asCookie = await probeSocket(`ws://127.0.0.1:${bridge.port}/lab`, {
      cookie: `mnist_lab_${bridge.port}=${bridge.token}`,
    });
    expect(asCookie.kind).toBe('closed');
  });

  it('serves assets with the right MIME type once the cookie is there', async () => {
    const cookie = await pageCookie();
    const js = await rawGet(bridge.port, '/assets/app.js', { cookie });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await rawGet(bridge.port, '/assets/style.css', { cookie });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await rawGet(bridge.port, '/assets/missing.js', { cookie })).status).toBe(404);
    expect((await rawGet(bridge.port, '/favicon.ico', { cookie })).status).toBe(204); // no icon, no console error
    // The cookie of another port's server is not ours.
    expect(
      (await rawGet(bridge.port, '/assets/app.js', { cookie: cookie.replace(`_${bridge.port}=`, '_1=') }))
        .status,
    ).toBe(403);
  });

  it('refuses path traversal, plain and encoded, even with the token', async () => {
    const t = `token=${bridge.token}`;
    for (const path of [
      `/../secret.txt?${t}`,
      `/assets/../../secret.txt?${t}`,
      `/%2e%2e/secret.txt?${t}`,
      `/..%2fsecret.txt?${t}`,
      `/assets/..%5c..%5csecret.txt?${t}`,
    ]) {
      const res = await rawGet(bridge.port, path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('do not serve me');
    }
  });

  it('refuses requests naming another host (DNS rebinding)', async () => {
    const res = await rawGet(bridge.port, `/?token=${bridge.token}`, { host: `evil.example:${bridge.port}` });
    expect(res.status).toBe(403);
  });

  it('listens on 127.0.0.1 only: other addresses of this machine refuse the connection', async () => {
    const refuses = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: bridge.port });
        socket.on('connect', () => (socket.destroy(), resolve(false)));
        socket.on('error', () => resolve(true));
      });
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.address !== '127.0.0.1' && !a.address.startsWith('fe80'))
      .map((a) => a!.address);
    expect(others.length).toBeGreaterThan(0); // ::1 at least
    for (const host of others) expect(await refuses(host), host).toBe(true);
    expect(await refuses('127.0.0.1')).toBe(false);
  });
});

describe('web bridge: WebSocket', () => {
  const base = () => `ws://127.0.0.1:${bridge.port}/lab`;

  it('closes a socket without the token or with a wrong one (code 4401)', async () => {
    for (const url of [base(), `${base()}?token=nope`]) {
      const outcome = await probeSocket(url);
      expect(outcome.kind, url).toBe('closed');
      if (outcome.kind === 'closed') expect(outcome.code).toBe(4401);
    }
  });

  it('accepts the token, and refuses other paths and foreign origins at the handshake', async () => {
    const ok = await probeSocket(`${base()}?token=${bridge.token}`);
    expect(ok.kind).toBe('open');
    if (ok.kind === 'open') ok.socket.close();
    expect(await probeSocket(`ws://127.0.0.1:${bridge.port}/other?token=${bridge.token}`)).toEqual({
      kind: 'refused',
      status: 403,
    });
    expect(await probeSocket(`${base()}?token=${bridge.token}`, { Origin: 'http://evil.example' })).toEqual({
      kind: 'refused',
      status: 403,
    });
  });
});

/** Helpers of the web bridge tests: a renderer folder to serve and raw HTTP / WebSocket probes. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';

/** A temp folder with renderer/{index.html, assets/app.js} and a secret.txt beside renderer/. */
export function makeRendererDir(): { root: string; rendererDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'mnist-lab-web-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>MNIST Lab</title><script src="./assets/app.js"></script>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(rendererDir, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'do not serve me');
  return { root, rendererDir };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET with the path sent exactly as given (fetch would normalise `..` away). */
export function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  host = '127.0.0.1',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, headers, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export type SocketOutcome =
  | { kind: 'open'; socket: WebSocket }
  | { kind: 'closed'; code: number; reason: string }
  | { kind: 'refused'; status: number };

/** Opens a WebSocket and reports whether it stayed open, was closed, or refused at the handshake. */
export function probeSocket(url: string, headers: Record<string, string> = {}): Promise<SocketOutcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    let opened = false;
    socket.on('unexpected-response', (_req, res) =>
      resolve({ kind: 'refused', status: res.statusCode ?? 0 }),
    );
    socket.on('error', () => {});
    socket.on('open', () => {
      opened = true;
      // Give the server a moment to close an unauthorised socket before calling it open.
      setTimeout(() => {
        if (socket.readyState === socket.OPEN) resolve({ kind: 'open', socket });
      }, 200);
    });
    socket.on('close', (code, reason) => {
      if (opened) resolve({ kind: 'closed', code, reason: reason.toString() });
    });
  });
}

/**
 * The web bridge: the built renderer over HTTP and the same LabApi over a WebSocket, on
 * 127.0.0.1 only, behind a random token made afresh at each start (npm run serve).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { LabEvent } from '../../shared/api';
import { decodeMessage, encodeMessage } from '../../shared/codec';
import { CLOSE_BAD_TOKEN, LAB_SOCKET_PATH, parseRequest } from '../../shared/web-protocol';
import { LabError, message, messageText, toLabMessage, type LabMessage } from '../../shared/messages';
import { matchLanguage, translator, type Language } from '../../shared/i18n';
import type { ServerMessage } from '../../shared/web-protocol';
import { dispatchLab, type LabBackend } from '../lab/lab-dispatch';
import { mimeType, resolveStaticFile, securityHeaders } from './static-files';
import { MAX_WEIGHTS_BYTES } from '../lab/service-options';

export interface WebBridgeOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer (out/renderer), with index.html at its top. */
  rendererDir: string;
}

export interface WebBridge {
  /** http://127.0.0.1:PORT/?token=... — the address to open. */
  url: string;
  token: string;
  port: number;
  /** Closes every socket and the server; resolves when the port is free. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/**
 * Largest request frame accepted: the largest weights file the Lab imports, plus room for the
 * frame's JSON (a predict call is under 1 KB). Only an authorised socket ever gets to send one.
 */
const MAX_FRAME_BYTES = MAX_WEIGHTS_BYTES + 64 * 1024;
/** Open TCP connections at most (the app needs a handful); more are dropped as they arrive. */
export const MAX_CONNECTIONS = 128;
/** How long a client may take to send its request headers, and its whole request. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** An unauthorised socket is told why (CLOSE_BAD_TOKEN) and cut off if it does not leave by then. */
const BAD_TOKEN_GRACE_MS = 1_000;

/** The URL of a request target, or null when it does not parse (`GET http://[ HTTP/1.1`). */
function requestUrl(target: string | undefined, base: string): URL | null {
  try {
    return new URL(target ?? '/', base);
  } catch {
    return null;
  }
}

/** Starts serving `lab` and the renderer; see the file comment for what is guarded how. */
export async function startWebBridge(lab: LabBackend, options: WebBridgeOptions): Promise<WebBridge> {
  const token = randomBytes(24).toString('base64url');
  /**
   * Cookies are not scoped by port: every server on 127.0.0.1 receives ours. So the cookie is not
   * the token but a key of its own that opens only the static files (public code); the LabApi
   * socket takes the token alone, which the page keeps in its sessionStorage.
   */
  const pageKey = randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const cookieName = () => `mnist_lab_${port}`;

  const matches = (secret: string) => {
    const secretBytes = Buffer.from(secret);
    return (candidate: string | null | undefined): boolean => {
      if (!candidate) return false;
      const bytes = Buffer.from(candidate);
      return bytes.length === secretBytes.length && timingSafeEqual(bytes, secretBytes);
    };
  };
  const tokenMatches = matches(token);
  const pageKeyMatches = matches(pageKey);
  const cookieValue = (req: IncomingMessage): string | undefined => {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === cookieName()) return value.join('=');
    }
    return undefined;
  };
  // Only the names this server answers to: a page on another name (DNS rebinding) is refused.
  const hostAllowed = (req: IncomingMessage): boolean =>
    req.headers.host === `${HOST}:${port}` || req.headers.host === `localhost:${port}`;

  const server = createServer(
    { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
    (req, res) => {
      handleHttp(req, res).catch((error: unknown) => {
        if (!res.headersSent)
          refuse(req, res, 500, message('httpServerError', { cause: messageText(toLabMessage(error)) }));
        else res.destroy();
      });
    },
  );

  /** A refusal page in the browser's language (its Accept-Language), from the message catalogue. */
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, msg: LabMessage): void => {
    const language = pageLanguage(req.headers['accept-language']);
    const text =
      language === 'en'
        ? messageText(msg)
        : translator(language)(`msg.${msg.code}`, { ...(msg.params as Record<string, unknown>) });
    res.writeHead(status, {
      ...securityHeaders(port),
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Language': language,
    });
    res.end(text + '\n');
  };

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(req, res, 405, message('httpMethodNotAllowed'));
    if (!hostAllowed(req)) return refuse(req, res, 403, message('httpUnknownHost'));
    const url = requestUrl(req.url, `http://${HOST}:${port}`);
    if (!url) return refuse(req, res, 400, message('httpBadTarget'));
    const queryToken = url.searchParams.get('token');
    if (!tokenMatches(queryToken) && !pageKeyMatches(cookieValue(req))) {
      return refuse(req, res, 403, message('httpNeedsToken'));
    }
    const file = await resolveStaticFile(options.rendererDir, url.pathname);
    if (!file && url.pathname === '/favicon.ico') {
      // Browsers ask for it unprompted; "no icon" is an answer, not an error in the console.
      res.writeHead(204, securityHeaders(port));
      return void res.end();
    }
    if (!file) return refuse(req, res, 404, message('httpNotFound', { path: url.pathname }));
    const headers: Record<string, string> = { ...securityHeaders(port), 'Content-Type': mimeType(file) };
    if (file.endsWith('.html')) headers['Cache-Control'] = 'no-store';
    if (tokenMatches(queryToken)) {
      // The page's scripts and styles are fetched without the query; this cookie lets them in.
      headers['Set-Cookie'] = `${cookieName()}=${pageKey}; Path=/; HttpOnly; SameSite=Strict`;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  // The LabApi over WebSocket: requests in, responses and events out, every frame binary.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  sockets.on('wsClientError', (_error: Error, socket: Duplex) => socket.destroy());
  const send = (socket: WebSocket, message: ServerMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(encodeMessage(message), { binary: true });
  };

  // Every TCP connection gets its error handler before anything else can happen to it: a reset
  // or a malformed packet ends that connection, never the process. Over the cap, it is dropped.
  server.maxConnections = MAX_CONNECTIONS;
  server.on('connection', (socket: Socket) => {
    socket.on('error', () => socket.destroy());
  });
  // Bytes that are not HTTP (or headers that never finish): answer 400 where possible, then close.
  server.on('clientError', (_error: Error, socket: Duplex) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    socket.destroy();
  });

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = requestUrl(req.url, `http://${HOST}:${port}`);
    const origin = req.headers.origin;
    const originAllowed =
      origin === undefined || origin === `http://${HOST}:${port}` || origin === `http://localhost:${port}`;
    if (!url || url.pathname !== LAB_SOCKET_PATH || !hostAllowed(req) || !originAllowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const authorised = tokenMatches(url.searchParams.get('token'));
    sockets.handleUpgrade(req, socket, head, (ws) => {
      // A frame over the limit, a bad opcode or an unmasked frame ends this socket, nothing else.
      ws.on('error', () => ws.terminate());
      // Accept, then close with a code the client understands, so it can say why and stop retrying.
      if (!authorised) {
        ws.close(CLOSE_BAD_TOKEN, 'invalid token');
        setTimeout(() => ws.terminate(), BAD_TOKEN_GRACE_MS).unref();
        return;
      }
      sockets.emit('connection', ws, req);
    });
  });

  sockets.on('connection', (ws: WebSocket) => {
    ws.on('message', (data: RawData, isBinary: boolean) => {
      void answer(ws, data, isBinary);
    });
  });

  async function answer(ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    let id = -1;
    try {
      if (!isBinary) throw new LabError(message('badRequest', { text: 'requests must be binary frames' }));
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      const decoded = decodeMessage(bytes);
      // Answer under the request's id even when the rest of it is invalid, so the caller hears why.
      const claimedId = (decoded as { id?: unknown } | null)?.id;
      if (Number.isSafeInteger(claimedId)) id = claimedId as number;
      const request = parseRequest(decoded);
      // The browser has no native dialogs: the desktop methods get the service's own answers.
      const result = await dispatchLab(lab, request.method, request.args);
      send(ws, { id, result });
    } catch (error) {
      send(ws, { id, error: toLabMessage(error) });
    }
  }

  const unsubscribe = lab.onEvent((event: LabEvent) => {
    const frame = encodeMessage({ event } satisfies ServerMessage);
    for (const client of sockets.clients)
      if (client.readyState === client.OPEN) client.send(frame, { binary: true });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        unsubscribe();
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      })),
  };
}

/** The first language of an Accept-Language header that the app speaks, else English. */
export function pageLanguage(header: string | undefined): Language {
  for (const part of (header ?? '').split(',')) {
    const language = matchLanguage(part.split(';')[0].trim());
    if (language) return language;
  }
  return 'en';
}

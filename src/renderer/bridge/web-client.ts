/**
 * The LabApi over the web bridge's WebSocket, for the browser version (npm run serve).
 * One socket; calls made while it connects wait for it; when it drops, pending calls are
 * rejected with a clear message and it reconnects with backoff (250 ms doubling to 5 s).
 */
import type { LabApi, LabEvent } from '../../shared/api';
import { decodeMessage, encodeMessage } from '../../shared/codec';
import { labCalls, type LabMethod } from '../../shared/lab-methods';
import { CLOSE_BAD_TOKEN, type RequestMessage, type ServerMessage } from '../../shared/web-protocol';
import { messageText } from '../../shared/messages';

/** The part of the WebSocket class the client uses (the browser's, or `ws` in Node tests). */
export interface SocketLike {
  binaryType: string;
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
}
export type SocketFactory = (url: string) => SocketLike;

/** A LabApi backed by the web bridge, plus close() for tests and page unload. */
export interface WebLabClient extends LabApi {
  close(): void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

const OPEN = 1;
const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 5000;

/** Connects to `url` (ws://host/lab?token=...) and returns the LabApi over it. */
export function createWebLabClient(url: string, connect: SocketFactory): WebLabClient {
  const listeners = new Set<(event: LabEvent) => void>();
  const pending = new Map<number, Pending>();
  let waiting: RequestMessage[] = [];
  let nextId = 1;
  let retryMs = FIRST_RETRY_MS;
  let closed = false;
  let refused: string | null = null;
  // One error event per outage, not one per failed retry.
  let outageAnnounced = false;
  let socket: SocketLike;

  const emit = (event: LabEvent): void => listeners.forEach((listener) => listener(event));

  const open = (): void => {
    socket = connect(url);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      retryMs = FIRST_RETRY_MS;
      outageAnnounced = false;
      for (const request of waiting) socket.send(encodeMessage(request));
      waiting = [];
    };
    socket.onmessage = ({ data }) => {
      if (!(data instanceof ArrayBuffer) && !(data instanceof Uint8Array)) return;
      let message: ServerMessage;
      try {
        message = decodeMessage(data) as ServerMessage;
      } catch (error) {
        return emit({ type: 'error', message: `Unreadable message from MNIST Lab: ${String(error)}` });
      }
      if ('event' in message) return emit(message.event);
      const call = pending.get(message.id);
      if (!call) return;
      pending.delete(message.id);
      if ('error' in message) call.reject(new Error(message.error));
      else call.resolve(message.result);
    };
    socket.onerror = () => {
      // A close event always follows; that is where the calls are rejected.
    };
    socket.onclose = ({ code }) => {
      if (code === CLOSE_BAD_TOKEN) {
        refused = messageText('tokenRefused');
      }
      const reason = refused ?? messageText('connectionLost');
      failAll(reason);
      if (closed) return;
      if (!outageAnnounced) emit({ type: 'error', message: reason });
      outageAnnounced = true;
      if (refused) return; // a wrong token stays wrong: retrying would only repeat the refusal
      setTimeout(() => !closed && open(), retryMs);
      retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
    };
  };

  const failAll = (message: string): void => {
    for (const request of waiting) pending.get(request.id)?.reject(new Error(message));
    waiting = [];
    for (const call of pending.values()) call.reject(new Error(message));
    pending.clear();
  };

  const call = (method: LabMethod, args: unknown[]): Promise<unknown> => {
    if (closed) return Promise.reject(new Error(messageText('clientClosed')));
    if (refused) return Promise.reject(new Error(refused));
    const request: RequestMessage = { id: nextId++, method, args };
    return new Promise((resolve, reject) => {
      pending.set(request.id, { resolve, reject });
      if (socket.readyState === OPEN) socket.send(encodeMessage(request));
      else waiting.push(request);
    });
  };

  open();
  return {
    ...labCalls(call),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      failAll('The MNIST Lab client is closed.');
      socket.close();
    },
  };
}

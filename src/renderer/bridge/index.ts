/**
 * How the renderer reaches the Lab: `window.lab` from the Electron preload when present,
 * otherwise the web bridge's WebSocket (the browser version, npm run serve).
 */
import type { LabApi } from '../../shared/api';
import type { MenuAction } from '../../shared/shell';
import { LAB_SOCKET_PATH } from '../../shared/web-protocol';
import { createWebLabClient, type SocketLike } from './web-client';

declare global {
  interface Window {
    /** The LabApi (with its desktop `shell`), exposed by the Electron preload; absent in a plain browser. */
    lab?: LabApi;
  }
}

export type { MenuAction };

const TOKEN_KEY = 'mnist-lab-token';
let webClient: LabApi | undefined;

/** The web bridge token: from ?token= in the address, kept in sessionStorage so reloads work. */
export function bridgeToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The LabApi for this page: the preload's in Electron, the web bridge's in a browser. */
export function getLab(): LabApi {
  if (window.lab) return window.lab;
  if (!webClient) {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const url = `${scheme}://${window.location.host}${LAB_SOCKET_PATH}?token=${encodeURIComponent(bridgeToken())}`;
    webClient = createWebLabClient(url, (address) => new WebSocket(address) as unknown as SocketLike);
  }
  return webClient;
}

/** True in the desktop app (there is an app menu, native dialogs); false in a browser. */
export function isDesktop(): boolean {
  return window.lab !== undefined;
}

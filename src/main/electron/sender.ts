/**
 * Which frames may call the LabApi over IPC: only our own renderer page. An embedded or
 * navigated-to page (there should be none: navigation is refused) gets nothing.
 */

export interface TrustedRenderer {
  /** file:// URL of out/renderer/index.html in a build. */
  indexFileUrl: string;
  /** The Vite dev server's URL under `electron-vite dev` (ELECTRON_RENDERER_URL). */
  devServerUrl?: string;
}

/** True when `frameUrl` is our renderer: the built index.html, or a page of the dev server. */
export function isTrustedSender(frameUrl: string | undefined | null, trusted: TrustedRenderer): boolean {
  if (!frameUrl) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'file:') {
    // Same file, whatever the query or hash (the renderer may route with a hash).
    const index = new URL(trusted.indexFileUrl);
    return index.protocol === 'file:' && url.pathname === index.pathname && url.host === index.host;
  }
  if (!trusted.devServerUrl) return false;
  const dev = new URL(trusted.devServerUrl);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === dev.origin;
}

/**
 * Which frames may call the LabApi over IPC: only our own renderer page. An embedded or
 * navigated-to page (there should be none: navigation is refused) gets nothing.
 */

export interface TrustedRenderer {
  /** The page the window loads in a build: app://mnist-lab/index.html (see app-protocol.ts). */
  indexUrl: string;
  /** The Vite dev server's URL, honoured only in a build made by `electron-vite dev`. */
  devServerUrl?: string;
}

/** True when `frameUrl` is our renderer: the built index.html on app://, or a page of the dev server. */
export function isTrustedSender(frameUrl: string | undefined | null, trusted: TrustedRenderer): boolean {
  if (!frameUrl) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  const index = new URL(trusted.indexUrl);
  // Same page, whatever the query or hash (the renderer may route with a hash).
  if (url.protocol === index.protocol && url.host === index.host) return url.pathname === index.pathname;
  if (!trusted.devServerUrl) return false;
  const dev = new URL(trusted.devServerUrl);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === dev.origin;
}

/**
 * The renderer's own scheme, `app://mnist-lab/`: registered before the app is ready as standard
 * and secure (so the page has a real origin, `fetch` and a CSP header like any https page) and
 * answered from the built renderer folder only. Electron-free, so tests can drive it; index.ts
 * hands it to `protocol.handle`.
 */
import { readFile } from 'node:fs/promises';
import { mimeType, resolveStaticFile } from '../web/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'mnist-lab';
/** The page the window loads. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** What `protocol.registerSchemesAsPrivileged` needs for the scheme (Electron's CustomScheme). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/** The headers of every app:// answer: the strict CSP and no sniffing. */
function headers(contentType: string, csp: string): Record<string, string> {
  return { 'Content-Type': contentType, 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
}

/**
 * Answers one app:// request: the named file of `rendererDir` with its type and the CSP, or 404
 * for anything else (another host, a path out of the folder, a missing file, not a GET).
 */
export async function answerAppRequest(
  request: Request,
  rendererDir: string,
  csp: string,
): Promise<Response> {
  const notFound = () => new Response('Not found', { status: 404, headers: headers('text/plain', csp) });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return notFound();
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
  if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
  const file = await resolveStaticFile(rendererDir, url.pathname);
  if (!file) return notFound();
  try {
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, { status: 200, headers: headers(mimeType(file), csp) });
  } catch {
    return notFound();
  }
}

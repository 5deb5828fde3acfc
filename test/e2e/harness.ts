/**
 * End-to-end harness: the built renderer (out/renderer, from `npm run build`; nothing is built
 * here) served by the real web bridge over a real LabService, opened in Debian's Chromium through
 * playwright-core. Console errors and page errors are collected; screenshots go to test-artifacts/.
 *
 * When /usr/bin/chromium or out/renderer is missing the tests skip with the reason, except under
 * CI=true, where a missing piece is a failure.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LabService, type LabServiceOptions } from '../../src/main/lab/service';
import { startWebBridge, type WebBridge } from '../../src/main/web/server';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-artifacts');
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Why the e2e tests cannot run here, or null when they can. Under CI=true a missing piece throws
 * instead: CI must never pass by skipping.
 */
export function e2eSkipReason(): string | null {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM_PATH)) missing.push(`${CHROMIUM_PATH} is not installed (Debian package chromium)`);
  if (!existsSync(join(RENDERER_DIR, 'index.html')))
    missing.push('out/renderer is not built (run npm run build)');
  if (missing.length === 0) return null;
  const reason = missing.join('; ');
  if (process.env.CI === 'true') throw new Error(`e2e prerequisites missing under CI: ${reason}`);
  return reason;
}

/** One running app: the Lab, the bridge, a browser page on the tokened address. */
export interface E2eApp {
  lab: LabService;
  bridge: WebBridge;
  browser: Browser;
  page: Page;
  /** Console messages of type error, and uncaught page errors, in order. */
  consoleErrors: string[];
  /** Saves a full-page screenshot to test-artifacts/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Closes the browser, the bridge and the Lab (stops its workers). */
  close(): Promise<void>;
}

export interface StartOptions {
  lab?: LabServiceOptions;
  viewport?: { width: number; height: number };
  /** Scripts run in the page before any of the app's own (page.addInitScript), e.g. observers. */
  initScripts?: string[];
}

/** Starts the Lab and the bridge on out/renderer, launches Chromium and opens the app. */
export async function startApp(options: StartOptions = {}): Promise<E2eApp> {
  const lab = new LabService(options.lab);
  const bridge = await startWebBridge(lab, { port: 0, rendererDir: RENDERER_DIR });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    for (const script of options.initScripts ?? []) await context.addInitScript(script);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      consoleErrors.push(where ? `${message.text()} (${where})` : message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    await page.goto(bridge.url, { waitUntil: 'load' });

    const openBrowser = browser;
    return {
      lab,
      bridge,
      browser: openBrowser,
      page,
      consoleErrors,
      async screenshot(name) {
        mkdirSync(ARTIFACTS_DIR, { recursive: true });
        const file = join(ARTIFACTS_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      async close() {
        await openBrowser.close();
        await bridge.close();
        await lab.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await bridge.close();
    await lab.close();
    throw error;
  }
}

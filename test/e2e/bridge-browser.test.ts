import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, startApp, type E2eApp } from './harness';

const skip = e2eSkipReason();
if (skip) console.log(`skipped: ${skip}`);

describe.skipIf(skip !== null)('the browser client of the web bridge, in Chromium', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app?.close());

  it('keeps working after a reload without ?token= in the address', async () => {
    const { page, bridge } = app;
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 30_000 });
    const bare = `http://127.0.0.1:${bridge.port}/`;
    await page.goto(bare, { waitUntil: 'load' });
    expect(page.url()).toBe(bare);
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 30_000 });
    await app.lab.startRun(
      { hidden: [10], iterations: 20, evalEvery: 20, trainSubset: 1000 },
      'after reload',
    );
    await page.getByText('after reload').first().waitFor({ timeout: 30_000 });
    expect(app.consoleErrors).toEqual([]);
  });

  it('a fresh browser context without the token gets 403, not the app', async () => {
    const context = await app.browser.newContext();
    try {
      const page = await context.newPage();
      const response = await page.goto(`http://127.0.0.1:${app.bridge.port}/`);
      expect(response?.status()).toBe(403);
      expect(await page.title()).not.toBe('MNIST Lab');
    } finally {
      await context.close();
    }
  });
});

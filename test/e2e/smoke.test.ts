import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, startApp, type E2eApp } from './harness';

const skip = e2eSkipReason();
if (skip) console.log(`skipped: ${skip}`);

describe.skipIf(skip !== null)('MNIST Lab in Chromium (web bridge)', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app?.close());

  it('loads with its title, a Train button, data from the Lab, and no console errors', async () => {
    const { page } = app;
    expect(await page.title()).toBe('MNIST Lab');
    const train = page.getByRole('button', { name: 'Train', exact: true });
    await train.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await train.isEnabled()).toBe(true);
    await app.screenshot('smoke-loaded');
    // The page hears the Lab over the WebSocket: a run started on the service shows up in it.
    await app.lab.startRun(
      { hidden: [10], iterations: 20, evalEvery: 20, trainSubset: 1000 },
      'e2e smoke run',
    );
    await page.getByText('e2e smoke run').first().waitFor({ timeout: 30_000 });
    await app.screenshot('smoke-run-added');
    expect(app.consoleErrors).toEqual([]);
  });
});

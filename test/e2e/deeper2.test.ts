/**
 * Issue 13, deliverables 4–6, in the built UI in Chromium: two trained runs compared as a table
 * (differing settings only, sorted with the keyboard, exported as CSV), the gradient check of a
 * finished run (verdict, then a long check cancelled), and class names (named by the user and shown
 * by the per-class table, the confusion matrix, the header, the prediction bars and the test-set
 * buttons), in English and Japanese;
 * Debian's Fashion-MNIST shows its standard names in the header, in both languages.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSkipReason, startApp, type E2eApp } from './harness';

const skip = e2eSkipReason();
if (skip) console.log(`skipped: ${skip}`);
const FASHION = '/usr/share/datasets/fashion-mnist';
const fashionSkip = existsSync(path.join(FASHION, 'train-labels-idx1-ubyte.gz'))
  ? null
  : `${FASHION} is missing (Debian package dataset-fashion-mnist)`;
if (fashionSkip && process.env.CI === 'true') throw new Error(fashionSkip);
if (fashionSkip) console.log(`skipped: ${fashionSkip}`);

async function finished(app: E2eApp, ids: string[]): Promise<void> {
  for (let waited = 0; waited < 120_000; waited += 300) {
    const done = (await app.lab.listRuns()).filter((r) => ids.includes(r.id) && r.state === 'finished');
    if (done.length === ids.length) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the runs did not finish within 120 s');
}

describe.skipIf(skip !== null)('compare, gradient check and class names in the app (issue 13)', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp({ lab: { dataDir: mkdtempSync(path.join(os.tmpdir(), 'e2e-deeper2-')) } });
    await app.page.getByRole('tab', { name: 'Charts', exact: true }).waitFor({ timeout: 30_000 });
    const a = await app.lab.startRun(
      { hidden: [20], learningRate: 0.1, iterations: 120, evalEvery: 60, seed: 1 },
      'Narrow',
    );
    const b = await app.lab.startRun(
      { hidden: [40], learningRate: 0.05, iterations: 120, evalEvery: 60, seed: 1 },
      'Wide',
    );
    await finished(app, [a.id, b.id]);
  }, 180_000);
  afterAll(() => app?.close());

  it('the compare table shows only the differing settings, sorts with the keyboard and exports CSV', async () => {
    const { page } = app;
    const region = page.getByRole('region', { name: 'Compare runs', exact: true });
    const table = region.getByRole('table', { name: 'Runs side by side' });
    await table.waitFor({ timeout: 30_000 });
    const headers = (await table.locator('thead th').allInnerTexts()).map((s) => s.trim());
    expect(headers).toContain('Hidden layers');
    expect(headers).toContain('Learning rate');
    expect(headers).not.toContain('Optimizer');
    expect(await table.locator('thead th.deeper-differs').count()).toBe(2);
    const rowNames = async () => (await table.locator('tbody th').allInnerTexts()).map((s) => s.trim());
    expect(await rowNames()).toEqual(['Narrow', 'Wide']);
    // Sort by learning rate with the keyboard: Enter on the header's button, twice for descending.
    const lr = table.getByRole('button', { name: /^Learning rate/ });
    await lr.focus();
    await page.keyboard.press('Enter');
    expect(await rowNames()).toEqual(['Wide', 'Narrow']);
    expect(await table.locator('thead th', { hasText: /^Learning rate/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    await page.keyboard.press('Enter');
    expect(await rowNames()).toEqual(['Narrow', 'Wide']);
    expect(await table.locator('thead th', { hasText: /^Learning rate/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      region.getByRole('button', { name: 'Export CSV', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('runs-comparison.csv');
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^run,hidden,learningRate,final_train_accuracy,/);
    expect(csv[1]).toMatch(/^Narrow,20,0\.1,0\.\d+/);
    expect(csv[2]).toMatch(/^Wide,40,0\.05,0\.\d+/);
    await app.screenshot('deeper2-compare');
  });

  it('the gradient check of a finished run agrees, and a long one is cancelled', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Select Narrow', exact: true }).click();
    await page.getByRole('tab', { name: 'Weights', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Gradient check', exact: true });
    await panel.getByRole('spinbutton', { name: 'Entries per parameter' }).fill('50');
    await panel.getByRole('button', { name: 'Check gradients', exact: true }).click();
    await panel
      .getByText(/^Backprop agrees with the numerical gradient for every parameter/)
      .waitFor({ timeout: 60_000 });
    const rows = (await panel.locator('tbody th').allInnerTexts()).map((s) => s.trim());
    expect(rows).toEqual(['W1', 'b1', 'W2', 'b2']);
    await app.screenshot('deeper2-gradcheck');

    await panel.getByRole('spinbutton', { name: 'Training images' }).fill('10');
    await panel.getByRole('spinbutton', { name: 'Entries per parameter' }).fill('100000');
    await panel.getByRole('button', { name: 'Check gradients', exact: true }).click();
    await panel.getByText(/entries compared$/).waitFor({ timeout: 30_000 });
    expect(await panel.getByRole('progressbar', { name: 'Gradient check progress' }).count()).toBe(1);
    await panel.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect
      .poll(() => panel.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe('The gradient check was cancelled.');
  });

  it('classes named by the user label the per-class table, the confusion matrix, the header, the prediction bars and the test-set buttons, in en and ja', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Evaluate', exact: true }).click();
    const editor = page.getByRole('region', { name: 'Class names', exact: true });
    await editor.getByText(/Recognised by the checksum of its labels: MNIST/).waitFor();
    const names = ['nil', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    for (let i = 0; i < 10; i++)
      await editor.getByRole('textbox', { name: `Name of label ${i}` }).fill(names[i]);
    await editor.getByRole('button', { name: 'Save names', exact: true }).click();
    await editor.getByText('Named by you.', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Evaluate on test set', exact: true }).click();
    const perClass = page.getByRole('table', { name: 'Accuracy per class' });
    await perClass.waitFor({ timeout: 60_000 });
    expect((await perClass.locator('tbody th').allInnerTexts()).map((s) => s.trim())).toEqual(names);
    expect(await page.locator('.inspect-cm thead th').nth(1).innerText()).toBe('nil');
    await expect.poll(() => page.locator('.app-header__dataset').innerText()).toContain('nil, one, two');
    // Draw a vertical stroke: the prediction bars and the test-set buttons name the classes too.
    await page.getByRole('tab', { name: 'Draw', exact: true }).click();
    const canvas = page.getByRole('img', { name: 'Drawing canvas', exact: true });
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.15);
    await page.mouse.down();
    for (let k = 1; k <= 20; k++)
      await page.mouse.move(box.x + box.width / 2, box.y + box.height * (0.15 + 0.035 * k));
    await page.mouse.up();
    await page
      .getByRole('button', { name: 'Add to my test set as one', exact: true })
      .waitFor({ timeout: 15_000 });
    const bars = page.getByRole('list', { name: 'Probabilities' });
    await expect
      .poll(() => bars.locator('.inspect-bar-digit').allInnerTexts(), { timeout: 15_000 })
      .toEqual(names);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Prediction:/ })
          .first()
          .textContent(),
      )
      .toMatch(/^Prediction: (nil|one|two|three|four|five|six|seven|eight|nine) \(\d+%\)$/);
    await app.screenshot('deeper2-classes-en');

    await page.getByLabel('Language', { exact: true }).selectOption('ja');
    await page.getByRole('tab', { name: '評価', exact: true }).click();
    await page
      .getByRole('region', { name: 'クラス名', exact: true })
      .getByText('あなたが付けた名前を使っています。')
      .waitFor();
    await page.getByRole('button', { name: 'テストデータで評価', exact: true }).click();
    await page.getByRole('table', { name: 'クラスごとの認識精度' }).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'グラフ', exact: true }).click();
    await page.getByRole('region', { name: '実行の比較', exact: true }).waitFor();
    await page.getByRole('tab', { name: '重み', exact: true }).click();
    await page
      .getByRole('region', { name: '勾配確認', exact: true })
      .getByRole('button', { name: '勾配を確認' })
      .waitFor();
    await app.screenshot('deeper2-ja');
    await page.getByLabel('言語', { exact: true }).selectOption('en');
    expect(app.consoleErrors).toEqual([]);
  });
});

describe.skipIf(skip !== null || fashionSkip !== null)("Debian's Fashion-MNIST in the app", () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp({ lab: { datasetFolder: FASHION } });
  }, 60_000);
  afterAll(() => app?.close());

  it('the header names its classes, in en and ja', async () => {
    const { page } = app;
    const header = page.locator('.app-header__dataset');
    await expect
      .poll(() => header.innerText(), { timeout: 30_000 })
      .toContain('T-shirt/top, Trouser, Pullover');
    await page.getByLabel('Language', { exact: true }).selectOption('ja');
    await expect.poll(() => header.innerText()).toContain('Tシャツ/トップ, ズボン');
    await app.screenshot('deeper2-fashion-ja');
  });
});

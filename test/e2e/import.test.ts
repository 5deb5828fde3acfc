/**
 * Import in the real UI (Chromium, the built renderer, the web bridge, a real LabService): the
 * book's sample_weight.pkl chosen in the run list's file input opens the dialog with Sigmoid
 * preselected; Import adds the run; the Evaluate view shows test accuracy 0.9352. Export offers the
 * four weights formats and downloads a .npz that decodes to the same tensors, and offers the Jupyter
 * notebook and the NumPy script, which download (the notebook in Japanese when the UI is); the loss chart saves
 * as a PNG. A broken file shows the service's message in the notices, in Japanese when the UI is.
 *
 * The renderer is out/renderer (npm run build), or MNIST_LAB_E2E_RENDERER when set.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWeights } from '../../src/formats/index';
import { LabService } from '../../src/main/lab/service';
import { startWebBridge, type WebBridge } from '../../src/main/web/server';
import { CHROMIUM_PATH, RENDERER_DIR, REPO_ROOT, e2eSkipReason } from './harness';

const rendererDir = process.env.MNIST_LAB_E2E_RENDERER ?? RENDERER_DIR;
const skip = process.env.MNIST_LAB_E2E_RENDERER ? null : e2eSkipReason();
const samplePkl = resolve(REPO_ROOT, '../shared/fixtures/book/sample_weight.pkl');

describe.skipIf(skip)('importing and exporting weights in the browser', () => {
  let lab: LabService;
  let bridge: WebBridge;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    lab = new LabService({ warn: () => {} });
    bridge = await startWebBridge(lab, { port: 0, rendererDir });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(bridge.url, { waitUntil: 'load' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    await lab?.close();
  });

  it('sample_weight.pkl: Sigmoid preselected, Import, then Evaluate shows 0.9352', async () => {
    await page.getByTestId('import-weights-file').setInputFiles(samplePkl);
    const dialog = page.getByRole('dialog', { name: 'Import weights' });
    await dialog.waitFor();
    expect(await dialog.getByText('784-50-100-10').count()).toBe(1);
    expect(await dialog.getByLabel('Activation').inputValue()).toBe('sigmoid');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Select sample_weight' }).waitFor();
    await page.getByRole('tab', { name: 'Evaluate' }).click();
    await page.getByRole('button', { name: 'Evaluate on test set' }).click();
    const overall = page.getByTestId('inspect-overall-accuracy');
    await overall.waitFor({ timeout: 60_000 });
    expect(await overall.textContent()).toContain('0.9352');
  }, 120_000);

  it('Export offers npz, pkl, json, onnx and downloads an npz with the same tensors', async () => {
    await page.getByRole('button', { name: 'Export sample_weight' }).click();
    const menu = page.getByRole('menu', { name: 'Export sample_weight' });
    const items = await menu.getByRole('menuitem').allTextContents();
    expect(items.slice(0, 4)).toEqual(['NumPy .npz', 'pickle .pkl', 'JSON .json', 'ONNX .onnx']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('menuitem', { name: 'NumPy .npz' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('sample_weight.npz');
    const file = await download.path();
    const got = decodeWeights(new Uint8Array(readFileSync(file)), 'x.npz').tensors;
    const want = decodeWeights(new Uint8Array(readFileSync(samplePkl)), 'sample_weight.pkl').tensors;
    expect(got.map((t) => t.name).sort()).toEqual(want.map((t) => t.name).sort());
    expect(got.find((t) => t.name === 'W1')!.data).toEqual(want.find((t) => t.name === 'W1')!.data);
  }, 60_000);

  it('Export offers the Jupyter notebook and the NumPy script; each downloads, the notebook in the UI language', async () => {
    const exportAs = async (menuName: string, item: string) => {
      await page.getByRole('button', { name: menuName }).click();
      const menu = page.getByRole('menu', { name: menuName });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        menu.getByRole('menuitem', { name: item }).click(),
      ]);
      return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
    };
    await page.getByRole('button', { name: 'Export sample_weight' }).click();
    const items = await page
      .getByRole('menu', { name: 'Export sample_weight' })
      .getByRole('menuitem')
      .allTextContents();
    expect(items.slice(4, 6)).toEqual(['Jupyter notebook .ipynb', 'NumPy training script .py']);
    await page.getByRole('button', { name: 'Export sample_weight' }).click(); // closes it

    const notebook = await exportAs('Export sample_weight', 'Jupyter notebook .ipynb');
    expect(notebook.name).toBe('sample_weight.ipynb');
    const doc = JSON.parse(notebook.text) as {
      nbformat: number;
      cells: { cell_type: string; source: string[] }[];
    };
    expect(doc.nbformat).toBe(4);
    const code = doc.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
    expect(code.join('\n')).toContain('z1 = sigmoid(a1)');
    expect(doc.cells[1].source.join('')).toContain('## Hyperparameters');

    const script = await exportAs('Export sample_weight', 'NumPy training script .py');
    expect(script.name).toBe('sample_weight.py');
    expect(script.text).toContain('class MultiLayerNet:');
    expect(script.text).toMatch(/^ {8}test_acc = network\.accuracy\(x_test, t_test\)$/m);

    await page.getByLabel('Language', { exact: true }).selectOption('ja');
    const japanese = await exportAs('sample_weight をエクスポート', 'Jupyter ノートブック .ipynb');
    const jaDoc = JSON.parse(japanese.text) as typeof doc;
    expect(jaDoc.cells[1].source.join('')).toContain('## ハイパーパラメータ');
    expect(jaDoc.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''))).toEqual(code);
    await page.getByLabel('言語', { exact: true }).selectOption('en');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('a broken file: the message in the notices, no new run', async () => {
    const before = (await lab.listRuns()).length;
    await page.getByTestId('import-weights-file').setInputFiles({
      name: 'cut.npz',
      mimeType: 'application/zip',
      buffer: readFileSync(samplePkl).subarray(0, 3000),
    });
    const alert = page.getByRole('region', { name: 'Notifications' }).getByRole('alert').last();
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Could not import the weights: cut\.npz cannot be imported/);
    expect(await lab.listRuns()).toHaveLength(before);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('in Japanese, a hostile pickle is refused with a Japanese message naming the global', async () => {
    const before = (await lab.listRuns()).length;
    await page.getByLabel('Language', { exact: true }).selectOption('ja');
    // Pickle protocol 2 that calls os.system('echo'): refused before anything runs.
    const evil = Buffer.concat([
      Buffer.from([0x80, 0x02]),
      Buffer.from('cos\nsystem\nX\x04\x00\x00\x00echo', 'latin1'),
      Buffer.from([0x85, 0x52, 0x2e]),
    ]);
    await page
      .getByTestId('import-weights-file')
      .setInputFiles({ name: 'evil.pkl', mimeType: 'application/octet-stream', buffer: evil });
    // Its own notice (an earlier test's may still be on screen; the file is decoded off the main thread).
    const alert = page
      .getByRole('region', { name: 'お知らせ' })
      .getByRole('alert')
      .filter({ hasText: 'evil.pkl' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      '重みを読み込めませんでした: evil.pkl はインポートできません：pickle が os.system を参照していますが、これは許可されていません。',
    );
    expect(await lab.listRuns()).toHaveLength(before);
    await page.getByLabel('言語', { exact: true }).selectOption('en');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('the loss chart saves as a PNG', async () => {
    const run = await lab.startRun({ hidden: [20], iterations: 100, evalEvery: 50 });
    const finished = new Promise<void>((done) =>
      lab.onEvent((e) => e.type === 'state' && e.runId === run.id && e.state === 'finished' && done()),
    );
    await finished;
    await page.getByRole('tab', { name: 'Charts' }).click();
    await page.getByRole('button', { name: `Select ${run.name}` }).click();
    const button = page.getByRole('button', { name: 'Save Loss per iteration as PNG' });
    await button.waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500); // let the chart draw the finished run's curve
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('Loss-per-iteration.png');
    const png = readFileSync(await download.path());
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(100); // width in the IHDR chunk
    mkdirSync(join(REPO_ROOT, 'test-artifacts'), { recursive: true });
    writeFileSync(join(REPO_ROOT, 'test-artifacts/loss-chart-export.png'), png);
    await page.screenshot({ path: join(REPO_ROOT, 'test-artifacts/import-export.png') });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

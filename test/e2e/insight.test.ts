/**
 * Issue 13 ("look deeper") end to end, in the built UI in Chromium, in English and Japanese: a
 * short run trains while the hidden-layer map is redrawn at its evaluation points; then a drawn
 * digit gets its saliency maps (the top guess, a class clicked in the bars, one chosen by keyboard),
 * the map shows an image under the mouse and opens it on a click, the drawing is its star, and the
 * weights view shows the histograms over training with the dead-ReLU share. On demand, a t-SNE of
 * the same images runs in the page's Web Worker with a progress bar, shows its own scatter (hover
 * and click as on the PCA map), and a second one is cancelled.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameFor, nearestPoint, toCanvas } from '../../src/renderer/insight/scatter-frame';
import { e2eSkipReason, startApp, type E2eApp } from './harness';
import { button, runState, typeInto } from './ui';

const skip = e2eSkipReason();
if (skip) console.log(`skipped: ${skip}`);

/** Draws a "1": one tall vertical stroke down the middle of the drawing canvas. */
async function drawOne(page: Page, canvasName: string): Promise<void> {
  const canvas = page.getByRole('img', { name: canvasName, exact: true });
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the drawing canvas is not on screen');
  const scale = (box.width - 2) / 280;
  await page.mouse.move(box.x + 1 + 140 * scale, box.y + 1 + 40 * scale);
  await page.mouse.down();
  for (let y = 45; y <= 240; y += 5)
    await page.mouse.move(box.x + 1 + 140 * scale, box.y + 1 + y * scale, { steps: 2 });
  await page.mouse.up();
}

/** The bit of HTMLCanvasElement read in the page (this file is type-checked without the DOM lib). */
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}

/** Where on the canvas (in its own pixels) a point is painted with no other paint within 6 pixels; null if none. */
async function loneDot(image: Locator): Promise<{ x: number; y: number; painted: number } | null> {
  return image.evaluate((el) => {
    const c = el as unknown as PageCanvas;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const inked = (x: number, y: number) => {
      const i = 4 * (y * c.width + x);
      return d[i + 3] > 0 && d[i] + d[i + 1] + d[i + 2] < 700;
    };
    let painted = 0;
    for (let y = 0; y < c.height; y++) for (let x = 0; x < c.width; x++) if (inked(x, y)) painted++;
    for (let y = 20; y < c.height - 20; y++)
      for (let x = 20; x < c.width - 20; x++) {
        if (!inked(x, y) || !inked(x + 1, y) || !inked(x, y + 1)) continue;
        let others = 0;
        for (let v = -8; v <= 8; v++)
          for (let u = -8; u <= 8; u++)
            if ((Math.abs(u) > 3 || Math.abs(v) > 3) && inked(x + u, y + v)) others++;
        if (others === 0) return { x: x + 0.5, y: y + 0.5, painted };
      }
    return null;
  });
}

/** The t-SNE progress bar's aria-valuenow, or -1 while there is none. */
async function tsneIteration(page: Page, name: string): Promise<number> {
  const bar = page.getByRole('progressbar', { name, exact: true });
  if ((await bar.count()) === 0) return -1;
  return Number((await bar.getAttribute('aria-valuenow')) ?? -1);
}

/** Pixels of a canvas that are clearly red (positive) and clearly blue (negative) on the diverging map. */
async function signedPixels(image: Locator): Promise<{ red: number; blue: number }> {
  return image.evaluate((el) => {
    const c = el as unknown as PageCanvas;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let red = 0;
    let blue = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] - d[i + 2] > 40) red++;
      if (d[i + 2] - d[i] > 40) blue++;
    }
    return { red, blue };
  });
}

describe.skipIf(skip !== null)('look deeper: saliency, hidden-layer map, histograms (issue 13)', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
    await button(app.page, 'Train').waitFor({ state: 'visible', timeout: 30_000 });
  });
  afterAll(() => app?.close());

  it('redraws the hidden-layer map at the evaluation points while the run trains', async () => {
    const { page } = app;
    await typeInto(page, 'Hidden layer 1 size', '50');
    await typeInto(page, 'Iterations', '1500');
    await typeInto(page, 'Evaluate every (iterations)', '300');
    await button(page, 'Train').click();
    await page.getByRole('tab', { name: 'Draw', exact: true }).click();
    const variance = page.getByText(/^PCA of 2000 test images at iteration \d+/);
    const iterationShown = async () => {
      if ((await variance.count()) === 0) return 0;
      return Number(/iteration (\d+)/.exec((await variance.textContent()) ?? '')?.[1] ?? 0);
    };
    await expect.poll(iterationShown, { timeout: 120_000, interval: 200 }).toBeGreaterThan(0);
    const first = await iterationShown();
    await expect.poll(iterationShown, { timeout: 180_000, interval: 200 }).toBeGreaterThan(first);
    await expect.poll(() => runState(page, 'Run 1'), { timeout: 180_000, interval: 500 }).toBe('Finished');
    await expect.poll(iterationShown, { timeout: 30_000, interval: 200 }).toBe(1500);
    await app.screenshot('insight-map-trained');
  });

  it('shows a test image under the mouse and opens it on a click', async () => {
    const { page } = app;
    const run = (await app.lab.listRuns())[0];
    const map = (await app.lab.hiddenMap(run.id, 0))!;
    const canvas = page.getByRole('img', { name: 'Map of 2000 test images coloured by label', exact: true });
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    const frame = frameFor(map.points, null, 360);
    // A point with no other within 8 canvas pixels, so the pointer's rounding cannot pick another.
    const n = map.labels.length;
    const at = (i: number) => toCanvas(frame, map.points[2 * i], map.points[2 * i + 1]);
    let expected = -1;
    for (let i = 0; i < n && expected < 0; i++) {
      const [x, y] = at(i);
      if (x < 20 || y < 20 || x > 340 || y > 340) continue;
      let alone = true;
      for (let j = 0; j < n && alone; j++) {
        const [u, v] = at(j);
        if (j !== i && (u - x) ** 2 + (v - y) ** 2 < 64) alone = false;
      }
      if (alone) expected = i;
    }
    expect(expected).toBeGreaterThanOrEqual(0);
    const [cx, cy] = at(expected);
    const mx = box.x + (cx * box.width) / 360;
    const my = box.y + (cy * box.height) / 360;
    expect(nearestPoint(map.points, frame, cx, cy)).toBe(expected);
    const text = `Test image ${expected}: a ${map.labels[expected]}, read as ${map.predictions[expected]} (`;
    await page.mouse.move(mx, my, { steps: 3 });
    await page.getByText(text).first().waitFor({ timeout: 10_000 });
    await page.mouse.click(mx, my);
    await page.getByRole('figure', { name: `Test image ${expected}`, exact: true }).waitFor();
    await app.screenshot('insight-map-opened');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('computes a t-SNE of the same images in a worker: the bar moves, the scatter appears, points open as on the PCA map', async () => {
    const { page } = app;
    const started = Date.now();
    await page.getByRole('button', { name: 't-SNE', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 't-SNE progress', exact: true });
    await bar.waitFor({ timeout: 30_000 });
    expect(await bar.getAttribute('aria-valuemin')).toBe('0');
    expect(await bar.getAttribute('aria-valuemax')).toBe('500');
    await expect
      .poll(() => tsneIteration(page, 't-SNE progress'), { timeout: 60_000, interval: 50 })
      .toBeGreaterThan(0);
    const first = await tsneIteration(page, 't-SNE progress');
    await expect
      .poll(() => tsneIteration(page, 't-SNE progress'), { timeout: 60_000, interval: 50 })
      .toBeGreaterThan(first);
    await page.getByText(/^Iteration \d+ of 500$/).waitFor();
    await app.screenshot('insight-tsne-running');
    const canvas = page.getByRole('img', {
      name: 't-SNE map of 2000 test images coloured by label',
      exact: true,
    });
    await canvas.waitFor({ timeout: 180_000 });
    console.log(
      `t-SNE of 2000 points (Relu1, 50 units) in the page's worker: ${Date.now() - started} ms from the click to the map`,
    );
    await page
      .getByText(/^t-SNE of 2000 test images at iteration 1500 \(perplexity 30, KL \d+\.\d\d\)/)
      .waitFor();
    await page.getByText(/^A drawing cannot be placed on a t-SNE map/).waitFor();
    expect(await bar.count()).toBe(0);
    expect(await page.getByText(/^PCA of 2000 test images/).count()).toBe(0);

    // A painted point, alone on the canvas: hovering it shows its image's line, a click opens it.
    await canvas.scrollIntoViewIfNeeded();
    const dot = await loneDot(canvas);
    expect(dot).not.toBeNull();
    expect(dot!.painted).toBeGreaterThan(2000); // 2,000 dots of 3×3 pixels, some overlapping
    const box = (await canvas.boundingBox())!;
    const mx = box.x + (dot!.x * box.width) / 360;
    const my = box.y + (dot!.y * box.height) / 360;
    await page.mouse.move(mx, my, { steps: 3 });
    const line = page.getByText(/^Test image \d+: a \d, read as \d \(\d+%\)$/).first();
    await line.waitFor({ timeout: 10_000 });
    const index = Number(/^Test image (\d+)/.exec((await line.textContent()) ?? '')?.[1]);
    await page.mouse.click(mx, my);
    await page.getByRole('figure', { name: `Test image ${index}`, exact: true }).waitFor();
    await app.screenshot('insight-tsne');
    await page.getByRole('button', { name: 'Close', exact: true }).click();

    await page.getByRole('button', { name: 'Back to the live PCA map', exact: true }).click();
    await page.getByRole('img', { name: 'Map of 2000 test images coloured by label', exact: true }).waitFor();
    await page.getByText(/^PCA of 2000 test images at iteration 1500/).waitFor();
  });

  it('cancels a second t-SNE: the bar goes, the count stops, the PCA map stays', async () => {
    const { page } = app;
    const start = page.getByRole('button', { name: 't-SNE', exact: true });
    await start.focus();
    await page.keyboard.press('Enter'); // keyboard, this time
    await expect
      .poll(() => tsneIteration(page, 't-SNE progress'), { timeout: 60_000, interval: 50 })
      .toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: /^t-SNE cancelled at iteration/ });
    await status.waitFor();
    const said = (await status.textContent()) ?? '';
    const at = Number(/iteration (\d+) of 500/.exec(said)?.[1]);
    expect(at).toBeGreaterThan(5);
    expect(at).toBeLessThan(500);
    expect(await page.getByRole('progressbar', { name: 't-SNE progress' }).count()).toBe(0);
    await page.waitForTimeout(1500);
    expect(await status.textContent()).toBe(said);
    expect(await page.getByRole('img', { name: /^t-SNE map/ }).count()).toBe(0);
    await page.getByRole('img', { name: 'Map of 2000 test images coloured by label', exact: true }).waitFor();
    await app.screenshot('insight-tsne-cancelled');
  });

  it('explains a drawn 1: the top guess, a clicked bar, a bar chosen by keyboard; the drawing is a star on the map', async () => {
    const { page } = app;
    await drawOne(page, 'Drawing canvas');
    const status = page.getByRole('status').filter({ hasText: /Prediction:/ });
    await expect
      .poll(async () => (await status.textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/^Prediction: 1 /);
    await page.getByText('Explaining 1 (the top guess)', { exact: true }).waitFor({ timeout: 15_000 });
    const evidence = page.getByRole('img', {
      name: 'Which ink speaks for (red) and against (blue) 1',
      exact: true,
    });
    await expect.poll(async () => (await signedPixels(evidence)).red, { timeout: 10_000 }).toBeGreaterThan(5);
    const gradient = page.getByRole('img', {
      name: 'How the score of 1 changes with each pixel',
      exact: true,
    });
    const g = await signedPixels(gradient);
    expect(g.red + g.blue).toBeGreaterThan(50);

    await page.getByRole('button', { name: /^Explain 7 \(/ }).click();
    await page.getByText('Explaining 7 (the class you chose)', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /^Explain 7 \(/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await page.getByRole('button', { name: /^Explain 4 \(/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Explaining 4 (the class you chose)', { exact: true }).waitFor();
    await page.getByText('★ your drawing', { exact: true }).waitFor();
    await app.screenshot('insight-saliency');
    await page.getByRole('button', { name: 'Back to the top guess', exact: true }).click();
    await page.getByText('Explaining 1 (the top guess)', { exact: true }).waitFor();
  });

  it('shows activation and weight histograms over training with the dead-ReLU share', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Weights', exact: true }).click();
    const table = page.getByRole('region', { name: 'Activations and weights over training' });
    await table.waitFor();
    // One column per evaluation point that carries histograms (a point can be skipped when the
    // evaluator is busy: then it has none), the last one at the end.
    const run = (await app.lab.listRuns())[0];
    const points = (await app.lab.getRunMetrics(run.id)).epochs.filter((e) => e.histograms);
    expect(points.length).toBeGreaterThanOrEqual(2);
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['Layer', ...points.map((p) => `iteration ${p.iteration}`)]);
    expect(headers.at(-1)).toBe('iteration 1500');
    await table.getByText(/^dead ReLU units: \d+\.\d%$/).waitFor();
    expect(await table.getByRole('img', { name: /^W1 at iteration 1500: from -/ }).count()).toBe(1);
    await app.screenshot('insight-histograms');
  });

  it('in Japanese: the saliency, the map and the histograms', async () => {
    const { page } = app;
    await page.getByLabel('Language', { exact: true }).selectOption('ja');
    await page.getByRole('region', { name: '学習中の活性化と重みの分布' }).waitFor();
    await page
      .getByText(/^死んだ ReLU ニューロン: \d+\.\d%$/)
      .first()
      .waitFor();
    await page.getByRole('tab', { name: '手書き入力', exact: true }).click();
    await page.getByText(/^テスト画像 2000 枚の PCA \(イテレーション 1500\)/).waitFor({ timeout: 30_000 });
    await drawOne(page, '手書き入力キャンバス');
    await page.getByText('1 の根拠 (推論結果)', { exact: true }).waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'なぜ 1 なのか', exact: true }).waitFor();
    await page.getByRole('button', { name: /^3 の根拠を表示 \(/ }).click();
    await page.getByText('3 の根拠 (選んだクラス)', { exact: true }).waitFor();
    await page.getByText('★ あなたの手書き', { exact: true }).waitFor();
    await app.screenshot('insight-ja');

    // The t-SNE in Japanese: its progress, its map, and why the drawing is not on it.
    await page.getByRole('button', { name: 't-SNE', exact: true }).click();
    await expect
      .poll(() => tsneIteration(page, 't-SNE の進み具合'), { timeout: 60_000, interval: 50 })
      .toBeGreaterThan(0);
    await page.getByText(/^イテレーション \d+ \/ 500$/).waitFor();
    await page
      .getByRole('img', { name: 'ラベルで色分けしたテスト画像 2000 枚の t-SNE マップ', exact: true })
      .waitFor({ timeout: 180_000 });
    await page
      .getByText(/^テスト画像 2000 枚の t-SNE \(イテレーション 1500、パープレキシティ 30、KL \d+\.\d\d\)/)
      .waitFor();
    await page.getByText(/^あなたの手書きはこのマップにはありません/).waitFor();
    expect(await page.getByText('★ あなたの手書き', { exact: true }).count()).toBe(0);
    await app.screenshot('insight-tsne-ja');
    await page.getByRole('button', { name: '最新の PCA マップに戻る', exact: true }).click();
    await page.getByText('★ あなたの手書き', { exact: true }).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});

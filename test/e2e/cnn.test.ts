/**
 * Issue 14 (the app) end to end: set up a small SimpleConvNet in the panel (its own controls, a
 * combination whose sizes do not work out refused with its message), train it, and use it as a
 * learner would: its curves, a drawn digit's probabilities and feature maps (book §7.6) changing
 * with the drawing, the first layer's filters before training beside now (Fig. 7-24) updating while
 * it trains, the test-set evaluation with its confusion matrix and mistakes, the personal test set,
 * and a second run compared on the same charts; the CNN views and the evaluation again in Japanese.
 *
 * Small on purpose (6 filters, 30 hidden units, 300 iterations of 50 images), so it is quick on a
 * loaded 2-core machine.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../src/shared/i18n';
import { e2eSkipReason, startApp, type E2eApp } from './harness';
import { accuracyOf, button, legend, lossOf, runState, typeInto } from './ui';

const skip = e2eSkipReason();
if (skip) console.log(`skipped: ${skip}`);

const en = DICTIONARIES.en;
const ja = DICTIONARIES.ja;
const FILTERS = 6;
const ITERATIONS = 300;

/** A dictionary template with its {{placeholders}} filled. */
function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
}

/** Draws one stroke through `points` (canvas pixels, 0..280) with the mouse, in small moves. */
async function stroke(page: Page, canvasName: string, points: [number, number][]): Promise<void> {
  const canvas = page.getByRole('img', { name: canvasName, exact: true });
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the drawing canvas is not on screen');
  const scale = (box.width - 2) / 280;
  const at = ([x, y]: [number, number]) => [box.x + 1 + x * scale, box.y + 1 + y * scale] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 2 });
  await page.mouse.up();
}

const vertical = (): [number, number][] => Array.from({ length: 41 }, (_, k) => [140, 40 + 5 * k]);
const horizontal = (): [number, number][] => Array.from({ length: 31 }, (_, k) => [60 + 5 * k, 60]);

/** The drawing panel's live prediction line, or ''. */
async function prediction(page: Page, pattern: RegExp): Promise<string> {
  const live = page.getByRole('status').filter({ hasText: pattern });
  return (await live.count()) === 0 ? '' : ((await live.first().textContent()) ?? '');
}

/** The bit of HTMLCanvasElement read in the page (this file is type-checked without the DOM lib). */
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}

/** A canvas's RGBA bytes as a short fingerprint string (for "did it change"), and its non-white pixels. */
async function canvasPixels(canvas: Locator): Promise<{ key: string; coloured: number }> {
  return canvas.evaluate((el) => {
    const c = el as unknown as PageCanvas;
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) coloured++;
      hash = (hash * 31 + data[i] * 7 + data[i + 1] * 3 + data[i + 2]) >>> 0;
    }
    return { key: `${c.width}x${c.height}:${hash}`, coloured };
  });
}

/** The feature-map groups shown for the drawing: their names and how many channel tiles each has. */
async function featureMapGroups(page: Page, title: string): Promise<[string, number][]> {
  const region = page.getByRole('region', { name: title, exact: true });
  const groups = region.getByRole('group');
  const names = await groups.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  const counts = await Promise.all(names.map((_, i) => groups.nth(i).getByRole('img').count()));
  return names.map((n, i) => [n, counts[i]]);
}

describe.skipIf(skip !== null)('a SimpleConvNet in the app (issue 14)', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
    await button(app.page, 'Train').waitFor({ state: 'visible', timeout: 30_000 });
  });
  afterAll(() => app?.close());

  it("shows SimpleConvNet's own controls with the book's sections, and refuses sizes that do not work out", async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: en.panel.title, exact: true });
    await expect.poll(() => panel.getByRole('textbox', { name: 'Hidden layer 1 size' }).count()).toBe(1);
    expect(await panel.getByRole('textbox', { name: en.param.filters.label, exact: true }).count()).toBe(0);
    await page.getByLabel(en.param.arch.label, { exact: true }).selectOption('simple-convnet');
    // The MLP's hidden layers go; the convolution's settings come, each with its section of the book.
    await expect.poll(() => panel.getByRole('textbox', { name: 'Hidden layer 1 size' }).count()).toBe(0);
    for (const [key, section] of [
      ['filters', '7.2.5'],
      ['filterSize', '7.2.2'],
      ['stride', '7.2.4'],
      ['pad', '7.2.3'],
      ['pool', '7.3'],
      ['convHidden', '7.5'],
    ] as const) {
      const field = panel.locator('.param').filter({
        has: page.getByRole('textbox', { name: en.param[key].label, exact: true }),
      });
      expect(await field.locator('.param__section').innerText(), key).toBe(
        fill(en.panel.section, { section }),
      );
    }
    await page.getByTestId('conv-shapes').waitFor();
    expect(await page.getByTestId('conv-shapes').innerText()).toContain(
      'Conv1 30×24×24 → Pool1 30×12×12 → Affine 4320 → 100 → 10',
    );

    // A 4×4 filter gives a 25×25 output, which 2×2 pooling cannot split: a message, and no Train.
    await typeInto(page, en.param.filterSize.label, '4');
    const problem = page.getByTestId('conv-shape-problem');
    await problem.waitFor();
    expect(await problem.innerText()).toBe(fill(en.msg.poolNotWhole, { size: 25, pool: 2 }));
    expect(await button(page, 'Train').isDisabled()).toBe(true);
    // Stride 2 with a 5×5 filter: (28 − 5) / 2 + 1 = 12.5.
    await typeInto(page, en.param.filterSize.label, '5');
    await typeInto(page, en.param.stride.label, '2');
    await expect.poll(() => problem.innerText()).toContain('= 12.5 is not a whole number');
    await typeInto(page, en.param.stride.label, '1');
    await page.getByTestId('conv-shapes').waitFor();
    expect(await button(page, 'Train').isEnabled()).toBe(true);
    await app.screenshot('cnn-panel');
  });

  it('trains a small SimpleConvNet; its filters now change while it trains, beside those before training', async () => {
    const { page } = app;
    await typeInto(page, en.param.filters.label, String(FILTERS));
    await typeInto(page, en.param.convHidden.label, '30');
    await page.getByLabel(en.param.optimizer.label, { exact: true }).selectOption('adam');
    await typeInto(page, en.param.learningRate.label, '0.002');
    await typeInto(page, en.param.batchSize.label, '50');
    await typeInto(page, en.param.iterations.label, String(ITERATIONS));
    await typeInto(page, en.param.evalEvery.label, '150');
    await button(page, 'Train').click();

    await page.getByRole('tab', { name: 'Weights', exact: true }).click();
    const now = page.getByRole('group', { name: en.cnn.filters.now, exact: true });
    const before = page.getByRole('group', { name: en.cnn.filters.before, exact: true });
    await now.waitFor({ timeout: 60_000 });
    // The "now" tiles are repainted as the run trains: their pixels take several values.
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          seen.add(
            (await canvasPixels(now.getByRole('button', { name: 'Filter 0', exact: true }).locator('canvas')))
              .key,
          );
          return seen.size >= 2 || (await runState(page, 'Run 1')) === 'Finished';
        },
        { timeout: 240_000, interval: 300 },
      )
      .toBe(true);
    expect(seen.size, 'the filters now changed while the run trained').toBeGreaterThanOrEqual(2);
    await expect.poll(() => runState(page, 'Run 1'), { timeout: 240_000, interval: 500 }).toBe('Finished');

    const nowTiles = now.getByRole('button', { name: /^Filter \d+$/ });
    const beforeTiles = before.getByRole('button', { name: /^Filter \d+ before training$/ });
    await expect.poll(() => beforeTiles.count(), { timeout: 30_000 }).toBe(FILTERS);
    expect(await nowTiles.count()).toBe(FILTERS);
    const [b0, n0] = [
      await canvasPixels(beforeTiles.first().locator('canvas')),
      await canvasPixels(nowTiles.first().locator('canvas')),
    ];
    expect(b0.key).toMatch(/^5x5:/);
    expect(b0.coloured).toBeGreaterThan(0);
    expect(n0.key).not.toBe(b0.key);
    await page.getByText(fill(en.cnn.filters.caption, { size: 5 }), { exact: true }).waitFor();
    await app.screenshot('cnn-filters');
  });

  it('draws the loss and accuracy curves of the run', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Charts', exact: true }).click();
    await expect
      .poll(async () => (await lossOf(page, 'Run 1'))?.iteration, { timeout: 30_000 })
      .toBe(ITERATIONS);
    await expect
      .poll(async () => (await accuracyOf(page, 'Run 1'))?.epoch, { timeout: 30_000 })
      .toBeCloseTo((ITERATIONS * 50) / 60_000, 3);
    const accuracy = (await accuracyOf(page, 'Run 1'))!;
    console.log(
      `SimpleConvNet (${FILTERS} filters), ${ITERATIONS} iterations: test accuracy ${accuracy.test}`,
    );
    expect(accuracy.test).toBeGreaterThan(0.8);
  });

  it("reads a drawn digit, and shows every convolution and pooling layer's channels, following the drawing", async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Draw', exact: true }).click();
    await stroke(page, en.draw.canvas, vertical());
    await expect
      .poll(() => prediction(page, /Prediction:/), { timeout: 15_000 })
      .toMatch(/^Prediction: \d \(\d+%\)$/);
    console.log(`drawn vertical stroke: ${await prediction(page, /Prediction:/)}`);
    const bars = page
      .getByRole('list', { name: en.draw.predict.probabilities, exact: true })
      .getByRole('listitem');
    expect(await bars.count()).toBe(10);

    const title = en.cnn.maps.title;
    const layer = (name: string, C: number, H: number) => fill(en.cnn.maps.layer, { name, C, H, W: H });
    await expect
      .poll(() => featureMapGroups(page, title), { timeout: 15_000 })
      .toEqual([
        [layer('Conv1', FILTERS, 24), FILTERS],
        [layer('Relu1', FILTERS, 24), FILTERS],
        [layer('Pool1', FILTERS, 12), FILTERS],
      ]);
    const pool0 = page.getByRole('img', {
      name: fill(en.cnn.maps.channel, { name: 'Pool1', n: 0 }),
      exact: true,
    });
    const first = await canvasPixels(pool0);
    expect(first.key).toMatch(/^12x12:/);
    // A crossbar at the top: the maps are asked again and repainted.
    await stroke(page, en.draw.canvas, horizontal());
    await expect.poll(async () => (await canvasPixels(pool0)).key, { timeout: 15_000 }).not.toBe(first.key);
    await app.screenshot('cnn-feature-maps');

    // From the keyboard: a layer's tiles are one tab stop, arrows pick a channel, the readout says where its extremes are.
    const tiles = page.getByLabel(fill(en.cnn.maps.keys, { name: 'Pool1' }), { exact: true });
    await tiles.focus();
    const readout = page.getByTestId('feature-map-readout');
    const stats = (n: number) =>
      new RegExp(
        `^Pool1 channel ${n}: largest -?\\d+\\.\\d{4} at \\(\\d+, \\d+\\), smallest -?\\d+\\.\\d{4} at \\(\\d+, \\d+\\)$`,
      );
    await expect.poll(() => readout.innerText()).toMatch(stats(0));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => readout.innerText()).toMatch(stats(1));
    expect(await tiles.getAttribute('aria-activedescendant')).toBe('cnn-map-Pool1-1');
    await page.keyboard.press('End');
    await expect.poll(() => readout.innerText()).toMatch(stats(FILTERS - 1));
    expect(await readout.getAttribute('aria-live')).toBe('polite');

    // The drawing joins my test set, which the CNN evaluates.
    await page.getByRole('button', { name: fill(en.testSet.addAs, { digit: 7 }), exact: true }).click();
    await page.getByText(fill(en.testSet.added, { digit: 7, total: 1 }), { exact: true }).waitFor();
    await page
      .getByRole('button', { name: fill(en.testSet.evaluate, { run: 'Run 1' }), exact: true })
      .click();
    await page.getByText(/^Run 1: [01] of 1 correct \(\d+\.\d%\)$/).waitFor({ timeout: 30_000 });
  });

  it('evaluates the CNN on the test set: the confusion matrix adds up and a cell lists its images', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Evaluate', exact: true }).click();
    await page.getByRole('button', { name: en.evaluate.button, exact: true }).click();
    const overall = page.getByTestId('inspect-overall-accuracy');
    await overall.waitFor({ timeout: 90_000 });
    const m = /^([\d.]+) \((\d+)\/(\d+)\)$/.exec((await overall.innerText()).trim());
    expect(m).not.toBeNull();
    const [correct, count] = [Number(m![2]), Number(m![3])];
    expect(count).toBe(10_000);
    const evaluation = await app.lab.evaluateRun((await app.lab.listRuns())[0].id);
    expect(evaluation.correct).toBe(correct); // the same weights, the same answer
    const cells = page.getByRole('button', { name: /^True \d, predicted \d: \d+ images?$/ });
    const labels = await cells.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(labels).toHaveLength(100);
    const parsed = labels.map((l) => {
      const [, t, p, n] = /^True (\d), predicted (\d): (\d+) images?$/.exec(l)!;
      return { truth: Number(t), predicted: Number(p), n: Number(n) };
    });
    expect(parsed.reduce((s, c) => s + c.n, 0)).toBe(count);
    expect(parsed.filter((c) => c.truth === c.predicted).reduce((s, c) => s + c.n, 0)).toBe(correct);
    const worst = parsed.filter((c) => c.truth !== c.predicted).sort((a, b) => b.n - a.n)[0];
    const cellTitle = `True ${worst.truth}, predicted ${worst.predicted}`;
    await page.getByRole('button', { name: `${cellTitle}: ${worst.n} images`, exact: true }).click();
    const region = page.getByRole('region', { name: cellTitle, exact: true });
    const images = region.getByRole('img', { name: /^Test image #\d+: true \d, predicted \d \(\d+%\)$/ });
    await expect.poll(() => images.count(), { timeout: 10_000 }).toBe(Math.min(worst.n, 60));
    // The mistakes gallery holds every misclassified image.
    const mistakes = page.getByRole('region', { name: en.evaluate.gallery.title, exact: true });
    await mistakes
      .getByText(new RegExp(`of ${count - correct} misclassified images$`))
      .waitFor({ timeout: 10_000 });
    expect(await mistakes.getByRole('img').count()).toBeGreaterThan(0);
    await app.screenshot('cnn-evaluate');
  });

  it('shows the filters, the feature maps and the evaluation in Japanese', async () => {
    const { page } = app;
    await page.getByLabel('Language', { exact: true }).selectOption('ja');
    await page.getByRole('tab', { name: ja.views.weights, exact: true }).click();
    const before = page.getByRole('group', { name: ja.cnn.filters.before, exact: true });
    await expect
      .poll(
        () =>
          before
            .getByRole('button', { name: fill(ja.cnn.filters.filterBefore, { n: 0 }), exact: true })
            .count(),
        {
          timeout: 30_000,
        },
      )
      .toBe(1);
    expect(
      await page.getByRole('group', { name: ja.cnn.filters.now, exact: true }).getByRole('button').count(),
    ).toBe(FILTERS);
    await page.getByText(ja.cnn.filters.title, { exact: true }).waitFor();

    await page.getByRole('tab', { name: ja.views.draw, exact: true }).click();
    await stroke(page, ja.draw.canvas, vertical());
    const live = new RegExp(
      `^${fill(ja.draw.predict.live, { digit: '\\d', percent: '\\d+' }).replace(/[()（）]/g, '\\$&')}$`,
    );
    await expect.poll(() => prediction(page, live), { timeout: 15_000 }).toMatch(live);
    const layer = (name: string, C: number, H: number) => fill(ja.cnn.maps.layer, { name, C, H, W: H });
    await expect
      .poll(() => featureMapGroups(page, ja.cnn.maps.title), { timeout: 15_000 })
      .toEqual([
        [layer('Conv1', FILTERS, 24), FILTERS],
        [layer('Relu1', FILTERS, 24), FILTERS],
        [layer('Pool1', FILTERS, 12), FILTERS],
      ]);
    await app.screenshot('cnn-feature-maps-ja');

    await page.getByRole('tab', { name: ja.views.evaluate, exact: true }).click();
    await page.getByRole('button', { name: ja.evaluate.button, exact: true }).click();
    await page.getByTestId('inspect-overall-accuracy').waitFor({ timeout: 90_000 });
    const cell = new RegExp(
      `^${fill(ja.evaluate.cell_other, { truth: '\\d', predicted: '\\d', count: '\\d+' })}$`,
    );
    await expect
      .poll(() => page.getByRole('button', { name: cell }).count(), { timeout: 10_000 })
      .toBeGreaterThan(50);
    await app.screenshot('cnn-evaluate-ja');
    await page.getByLabel(ja.settings.language, { exact: true }).selectOption('en');
    await page.getByRole('tab', { name: 'Charts', exact: true }).waitFor();
  });

  it('compares the CNN with an MLP run on the same charts', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Charts', exact: true }).click();
    await page.getByLabel(en.param.arch.label, { exact: true }).selectOption('mlp');
    await typeInto(page, 'Hidden layer 1 size', '20');
    await typeInto(page, en.param.iterations.label, '100');
    await typeInto(page, en.param.evalEvery.label, '100');
    await button(page, 'Train').click();
    await expect.poll(() => runState(page, 'Run 2'), { timeout: 120_000, interval: 500 }).toBe('Finished');
    await expect.poll(() => legend(page, 'Loss chart'), { timeout: 15_000 }).toEqual(['Run 1', 'Run 2']);
    await expect.poll(async () => (await lossOf(page, 'Run 1'))?.iteration).toBe(ITERATIONS);
    await expect.poll(async () => (await lossOf(page, 'Run 2'))?.iteration).toBe(100);
    await app.screenshot('cnn-compare');
    expect(app.consoleErrors).toEqual([]);
  });
});

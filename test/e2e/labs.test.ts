/**
 * Issue 12 end to end: the built app in Chromium over the web bridge. Every lab opens from the
 * Labs view; moving its main control (by keyboard or by typing) redraws its chart; its texts are
 * there in Japanese and Korean; a preset starts real MNIST runs whose curves appear in the MNIST lab.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { labsStrings as en } from '../../src/shared/i18n/en/labs';
import { labsStrings as ja } from '../../src/shared/i18n/ja/labs';
import { labsStrings as ko } from '../../src/shared/i18n/ko/labs';
import { LAB_IDS } from '../../src/renderer/labs/labList';
import { e2eSkipReason, startApp, type E2eApp } from './harness';
import { pngRegions } from './labs-png';
import { drawnPoints, legend } from './ui';

const skip = e2eSkipReason();
if (skip) console.log(`skipped: ${skip}`);

const L = en.labs;

/** Opens lab `id` from the Labs view (the area switch first when needed). */
async function openLab(page: Page, id: (typeof LAB_IDS)[number], words = L): Promise<void> {
  const area = page.getByRole('button', { name: words.area.labs, exact: true });
  if ((await area.getAttribute('aria-current')) !== 'page') await area.click();
  await page.getByRole('tab', { name: words[id].title, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: words[id].title, exact: true }).waitFor();
}

/** A lab figure by its title. */
function figure(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

/** What the figure draws: the markup of its largest SVG (legend icons are SVGs too). */
async function drawing(page: Page, title: string): Promise<string> {
  const region = figure(page, title);
  await region.locator('svg').first().waitFor();
  return region.locator('svg').evaluateAll((svgs) => {
    const area = (el: { getBoundingClientRect(): { width: number; height: number } }) =>
      el.getBoundingClientRect().width * el.getBoundingClientRect().height;
    return svgs.reduce((big, el) => (area(el) > area(big) ? el : big)).innerHTML;
  });
}

/** How many curves the figure draws (recharts' line paths). */
function drawnPathCount(page: Page, title: string): Promise<number> {
  return figure(page, title).locator('path.recharts-line-curve').count();
}

/** Runs `change`, then waits until the figure's drawing differs from before. */
async function expectRedraw(page: Page, title: string, change: () => Promise<unknown>): Promise<void> {
  const before = await drawing(page, title);
  await change();
  await expect.poll(() => drawing(page, title), { timeout: 10_000 }).not.toBe(before);
  await figure(page, title).screenshot({ path: `test-artifacts/lab-${title.replace(/\W+/g, '-')}.png` });
}

/** Focuses a slider and presses `key` (the keyboard moves every lab's sliders). */
async function pressOn(page: Page, name: string, key: string): Promise<void> {
  const slider = page.getByRole('slider', { name, exact: true });
  await slider.focus();
  await page.keyboard.press(key);
}

describe.skipIf(skip !== null)('the book labs in Chromium', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
    await app.page.getByRole('button', { name: L.area.labs, exact: true }).waitFor({ timeout: 30_000 });
  });
  afterAll(() => app?.close());

  it('ch03: activations, shapes and the forward pass, softmax', async () => {
    const { page } = app;
    await openLab(page, 'activations');
    expect(await page.getByText('[0.2689 0.7311 0.8808]').count()).toBe(1);
    await expectRedraw(page, L.activations.chart, () => pressOn(page, L.activations.x, 'ArrowRight'));

    await openLab(page, 'shapes');
    await page.getByText('the inner sizes 3 and 2 differ').waitFor();
    expect(await page.getByText('[0.3168 0.6963]').count()).toBeGreaterThan(0);
    expect(await page.getByText('[0.5744 0.6682 0.7503]').count()).toBe(1);
    await expectRedraw(page, L.shapes.chart, () =>
      page.getByRole('spinbutton', { name: 'x0', exact: true }).fill('2'),
    );

    await openLab(page, 'softmax');
    expect(await page.locator('output', { hasText: '[0.01821 0.24519 0.7366]' }).count()).toBe(1);
    await expectRedraw(page, L.softmax.chart, () =>
      page.getByRole('button', { name: L.softmax.overflowExample, exact: true }).click(),
    );
    await page.locator('output', { hasText: '[0.99995 4.54e-5 2.06e-9]' }).waitFor();
    await page.getByRole('checkbox', { name: L.softmax.naive, exact: true }).check();
    await page.locator('output', { hasText: '[NaN NaN NaN]' }).waitFor();
    await expectRedraw(page, L.softmax.chart, () => pressOn(page, L.softmax.temperature, 'End'));
  });

  it('ch04: losses, numerical differentiation, gradient field and descent', async () => {
    const { page } = app;
    await openLab(page, 'losses');
    await page.getByText('mean squared error 0.0975, cross-entropy error 0.5108').first().waitFor();
    await expectRedraw(page, L.losses.chart, () =>
      page.getByRole('combobox', { name: L.losses.label, exact: true }).selectOption('7'),
    );
    await page.getByText('mean squared error 0.5975, cross-entropy error 2.3026').first().waitFor();

    await openLab(page, 'numdiff');
    expect(await page.locator('tr', { hasText: L.numdiff.central }).locator('output').innerText()).toBe(
      '0.2',
    );
    await expectRedraw(page, L.numdiff.chart, () => pressOn(page, L.numdiff.x, 'ArrowRight'));

    await openLab(page, 'gradient');
    expect(await page.getByText('[6 8]').count()).toBe(1);
    expect(await page.getByText('[0 4]').count()).toBe(1);
    expect(await page.getByText('[6 0]').count()).toBe(1);
    await expectRedraw(page, L.gradient.chart, () => pressOn(page, L.gradient.lr, 'End'));
    await page.getByText(L.gradient.diverged).waitFor();
  });

  it('ch04/ch05: why backprop — both ways measured in the worker, backprop the faster, the same loss curve', async () => {
    const { page } = app;
    await openLab(page, 'backprop');
    // Two iterations: Home (1), then one step right.
    await pressOn(page, L.backprop.iterations, 'Home');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: L.backprop.measure, exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'times longer' }).waitFor({ timeout: 120_000 });
    const text = (await figure(page, L.backprop.chart).locator('.sr-only').textContent()) ?? '';
    const m = /backprop (\S+) ms, numerical (\S+) ms/.exec(text);
    expect(m, text).not.toBeNull();
    const [backprop, numerical] = [Number(m![1]), Number(m![2])];
    expect(backprop).toBeGreaterThan(0);
    expect(numerical).toBeGreaterThan(backprop);
    // The same loss curve both ways, one point per iteration.
    const losses = (await figure(page, L.backprop.lossChart).locator('.sr-only').textContent()) ?? '';
    const pairs = /: (.*)\.$/
      .exec(losses)![1]
      .split(', ')
      .map((p) => p.split('/').map(Number));
    expect(pairs, losses).toHaveLength(2);
    for (const [b, n] of pairs) {
      expect(b).toBeGreaterThan(2);
      expect(n).toBeCloseTo(b, 5);
    }
    expect(await drawnPathCount(page, L.backprop.lossChart)).toBe(2);
  });

  it('ch05: the computational graphs step backward node by node; the gradient check runs from the page', async () => {
    const { page } = app;
    const G = L.graph;
    await openLab(page, 'graph');
    const summary = (title: string) => figure(page, title).locator('.lab__summary').textContent();
    expect(await summary(G.shoppingChart)).toContain('Output 715.');
    // One node by the button: the tax node sends 1.1 and 650 back.
    await expectRedraw(page, G.shoppingChart, () =>
      page.getByRole('button', { name: G.next, exact: true }).first().click(),
    );
    await page.getByRole('status').filter({ hasText: 'Backward step 1 of 4' }).waitFor();
    expect(await summary(G.shoppingChart)).toContain('dall_price 1.1, dprice 1');
    expect(await page.locator('.lab-graph__table').first().innerText()).toContain('650');
    // The rest by the keyboard: End on the stepper.
    await expectRedraw(page, G.shoppingChart, async () => {
      await page.getByRole('group', { name: G.stepper, exact: true }).first().focus();
      await page.keyboard.press('End');
    });
    expect(await summary(G.shoppingChart)).toBe(
      'Output 715. Gradients so far: dapple 2.2, dapple_num 110, dorange 3.3, dorange_num 165, dtax 650, dapple_price 1.1, dorange_price 1.1, dall_price 1.1, dprice 1.',
    );
    // Editing an input updates both passes.
    await expectRedraw(page, G.shoppingChart, () =>
      page.getByRole('spinbutton', { name: G.inputs.appleNum, exact: true }).fill('4'),
    );
    await expect.poll(() => summary(G.shoppingChart)).toContain('Output 935.');

    // Affine → ReLU → SoftmaxWithLoss: the first step is (y − t) / N.
    await expectRedraw(page, G.layerChart, () =>
      page.getByRole('button', { name: G.next, exact: true }).nth(1).click(),
    );
    await page.getByRole('cell', { name: G.rules.softmaxWithLoss, exact: true }).waitFor();
    await expectRedraw(page, G.layerChart, () =>
      page.getByRole('spinbutton', { name: 'x[1, 0]', exact: true }).fill('2'),
    );

    // The book's gradient check (784-50-10, 3 images, float64) in the Labs' worker.
    await page.getByRole('button', { name: G.checkRun, exact: true }).click();
    const table = page.getByRole('table', { name: G.checkTable, exact: true });
    await table.getByRole('row', { name: /^b2 / }).waitFor({ timeout: 180_000 });
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(['W1', 'b1', 'W2', 'b2']);
    for (const r of rows) expect(Number(r.split(/\s+/)[1]), r).toBeLessThan(1e-7);
    await page.getByText(G.checkDone, { exact: true }).waitFor();
  });

  it('ch06: optimizer race, initial weights and activations', async () => {
    const { page } = app;
    await openLab(page, 'optimizers');
    await expectRedraw(page, L.optimizers.chart, () =>
      page.getByRole('spinbutton', { name: 'Learning rate of SGD', exact: true }).fill('0.5'),
    );
    await expectRedraw(page, L.optimizers.chart, () => pressOn(page, L.optimizers.steps, 'Home'));

    await openLab(page, 'initWeights');
    await expectRedraw(page, L.initWeights.chart, () =>
      page.getByRole('combobox', { name: L.initWeights.init, exact: true }).selectOption('he'),
    );
    // Export PNG saves the whole figure: all five layers' histograms, each with its caption.
    const fig = figure(page, L.initWeights.chart);
    const save = fig.getByRole('button', { name: `Save ${L.initWeights.chart} as PNG`, exact: true });
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    expect(download.suggestedFilename()).toBe('Activation-histograms-chart.png');
    const png = readFileSync(await download.path());
    const box = (await fig.boundingBox())!;
    expect(png.readUInt32BE(16)).toBe(Math.round(box.width * 2)); // IHDR width, at 2x
    expect(png.readUInt32BE(20)).toBe(Math.round(box.height * 2));
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/lab-init-weights-export.png', png);
    // Each layer's panel, where it sits in the figure, has its bars in the PNG (not the background).
    const panels = await fig.locator('.lab__histogram svg.recharts-surface').evaluateAll(
      (svgs, figureBox) =>
        svgs.map((svg) => {
          const r = svg.getBoundingClientRect();
          return { x: r.left - figureBox.x, y: r.top - figureBox.y, width: r.width, height: r.height };
        }),
      box,
    );
    expect(panels).toHaveLength(5);
    const drawnShare = (await pngRegions(page, png, panels)).map((r) => r.drawn);
    for (const share of drawnShare) expect(share).toBeGreaterThan(0.02);
  });

  it('ch06 regularisation primer: L1 against L2 histograms, the train–test gap, the gallery, the early-stopping point — from real runs', async () => {
    const { page } = app;
    const F = L.regularisation.figures;
    await openLab(page, 'regularisation');
    const summary = async (title: string) =>
      (await figure(page, title).locator('.lab__summary').textContent()) ?? '';
    const section = (title: string) => page.getByRole('region', { name: title, exact: true });
    // The gallery: the trainer's own batches; moving σ redraws it.
    await figure(page, F.galleryChart).locator('image').first().waitFor();
    expect(await figure(page, F.galleryChart).locator('image').count()).toBe(24);
    await expectRedraw(page, F.galleryChart, () => pressOn(page, F.sigma, 'End'));
    expect(await summary(F.galleryChart)).toContain('Noise σ 1');
    // Its PNG holds the images too (SVG <image>s of the trainer's pixels): a cell of the noisy row is not blank.
    const gallery = figure(page, F.galleryChart);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      gallery.getByRole('button', { name: `Save ${F.galleryChart} as PNG`, exact: true }).click(),
    ]);
    const png = readFileSync(await download.path());
    const galleryBox = (await gallery.boundingBox())!;
    expect(png.readUInt32BE(16)).toBe(Math.round(galleryBox.width * 2));
    const cell = await gallery
      .locator('image')
      .nth(8)
      .evaluate((el, b) => {
        const r = el.getBoundingClientRect();
        return { x: r.left - b.x, y: r.top - b.y, width: r.width, height: r.height };
      }, galleryBox);
    const [{ spread }] = await pngRegions(page, png, [cell]);
    expect(spread).toBeGreaterThan(100);

    // L1 against L2 (2 runs) and early stopping (1 run), side by side.
    await section(F.decayTitle)
      .getByRole('button', { name: F.start.replace('{{n}}', '2'), exact: true })
      .click();
    await section(F.earlyTitle)
      .getByRole('button', { name: F.start.replace('{{n}}', '1'), exact: true })
      .click();
    await figure(page, F.decayChart).waitFor({ timeout: 120_000 });
    await expect
      .poll(() => section(F.decayTitle).getByRole('status').textContent(), {
        timeout: 600_000,
        interval: 2000,
      })
      .toMatch(/600 \/ 600 \(Finished\).*600 \/ 600 \(Finished\)/);
    const shares = async () => {
      const m = /L1 ([\d.]+)%, L2 ([\d.]+)%/.exec(await summary(F.decayChart));
      return m ? [Number(m[1]), Number(m[2])] : [0, 100];
    };
    // The last evaluation point's weights arrive after the state: poll until L1's spike shows.
    await expect.poll(async () => (await shares())[0], { timeout: 30_000 }).toBeGreaterThan(40);
    const [l1, l2] = await shares();
    expect(l2).toBeLessThan(10);
    expect(l1).toBeGreaterThan(4 * l2);

    // The train–test gap: 3 runs on 300 images; the plain run learns its 300 far better than the test set.
    await section(F.gapTitle)
      .getByRole('button', { name: F.start.replace('{{n}}', '3'), exact: true })
      .click();
    await expect
      .poll(() => section(F.gapTitle).getByRole('status').textContent(), { timeout: 600_000, interval: 2000 })
      .toMatch(/^(?:[^·]*\(Finished\)[^·]*(?:·|$)){3}/);
    const gaps = (await summary(F.gapChart))
      .match(/gap (-?[\d.]+) points/g)!
      .map((g) => Number(g.split(' ')[1]));
    expect(gaps).toHaveLength(3);
    expect(gaps[0]).toBeGreaterThan(10);

    // Early stopping: the validation curve with its lowest point marked (and where the trainer stopped).
    await figure(page, F.earlyChart).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => summary(F.earlyChart), { timeout: 600_000, interval: 2000 })
      .toMatch(/Stopped early at iteration \d+/);
    const best = Number(/at iteration (\d+)\./.exec(await summary(F.earlyChart))![1]);
    const stopped = Number(/Stopped early at iteration (\d+)/.exec(await summary(F.earlyChart))![1]);
    expect(stopped).toBeGreaterThan(best);
    expect(await figure(page, F.earlyChart).locator('.recharts-reference-line').count()).toBe(2);
    await figure(page, F.earlyChart).screenshot({ path: 'test-artifacts/lab-primer-early.png' });
    await figure(page, F.decayChart).screenshot({ path: 'test-artifacts/lab-primer-decay.png' });
    await figure(page, F.gapChart).screenshot({ path: 'test-artifacts/lab-primer-gap.png' });
    for (const r of await app.lab.listRuns())
      if (r.state === 'training' || r.state === 'paused') await app.lab.stopRun(r.id);
  });

  it('every lab’s texts are there in Japanese and Korean', async () => {
    const { page } = app;
    for (const [language, words] of [
      ['ja', ja.labs],
      ['ko', ko.labs],
    ] as const) {
      await page.getByRole('combobox', { name: /Language|言語|언어/ }).selectOption(language);
      for (const id of LAB_IDS) {
        await openLab(page, id, words);
        await page.getByText(words[id].intro, { exact: true }).waitFor();
      }
      await openLab(page, 'activations', words);
      await figure(page, words.activations.chart).waitFor();
      // The new labs' own words: the graphs and their stepper, why backprop's button, the primer's figures.
      await openLab(page, 'graph', words);
      await figure(page, words.graph.shoppingChart).waitFor();
      await page.getByRole('button', { name: words.graph.next, exact: true }).first().click();
      await page
        .getByRole('cell', { name: words.graph.rules.mulOther.replace('{{v}}', '1.1'), exact: true })
        .waitFor();
      await page.getByRole('button', { name: words.graph.checkRun, exact: true }).waitFor();
      await openLab(page, 'backprop', words);
      await page.getByRole('button', { name: words.backprop.measure, exact: true }).waitFor();
      await openLab(page, 'regularisation', words);
      await figure(page, words.regularisation.figures.galleryChart).waitFor();
      await page.getByText(words.regularisation.figures.asTheyAre, { exact: true }).first().waitFor();
      await page
        .getByRole('heading', { name: words.regularisation.figures.decayTitle, exact: true })
        .waitFor();
    }
    await page.getByRole('combobox', { name: /Language|言語|언어/ }).selectOption('en');
  });

  it('a preset starts its runs and their curves appear in the MNIST lab', async () => {
    const { page } = app;
    await openLab(page, 'regularisation');
    const before = new Set((await app.lab.listRuns()).map((r) => r.id)); // the primer's own runs
    const card = page.getByRole('article', { name: L.presets.overfitting.title, exact: true });
    await card.getByRole('button', { name: L.presets.start.replace('{{n}}', '3'), exact: true }).click();
    // The MNIST lab comes forward with its charts.
    await page.getByRole('tab', { name: 'Charts', exact: true, selected: true }).waitFor({ timeout: 30_000 });
    const names = [
      L.presets.runs.plain,
      L.presets.runs.l2.replace('{{lambda}}', '0.1'),
      L.presets.runs.dropout.replace('{{ratio}}', '0.15'),
    ];
    await expect
      .poll(() => legend(page, 'Loss chart'), { timeout: 60_000 })
      .toEqual(expect.arrayContaining(names));
    await expect.poll(() => drawnPoints(page, 'Loss chart'), { timeout: 60_000 }).toBeGreaterThan(1);
    const runs = await app.lab.listRuns();
    expect(runs.filter((r) => !before.has(r.id) && names.includes(r.name))).toHaveLength(3);
    for (const r of runs) if (r.state === 'training' || r.state === 'paused') await app.lab.stopRun(r.id);
    await app.screenshot('labs-preset-runs');
    expect(app.consoleErrors).toEqual([]);
  });
});

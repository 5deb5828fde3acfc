// @vitest-environment jsdom
/**
 * The hidden-layer map and the histograms against the real LabService and trained runs. jsdom has
 * no canvas, so the scatter is driven by keyboard (which steps through the same points the mouse
 * hovers) and checked by its text; the Chromium e2e test points with the mouse.
 */
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HiddenMapPanel } from '../../../src/renderer/insight/HiddenMapPanel';
import { HistogramsPanel, evenlySpaced } from '../../../src/renderer/insight/HistogramsPanel';
import { frameFor, nearestPoint, toCanvas } from '../../../src/renderer/insight/scatter';
import type { TsneRunner } from '../../../src/renderer/insight/useTsne';
import type { TsneDone } from '../../../src/renderer/insight/tsne/client';
import { tsne } from '../../../src/nn';
import type { RunSummary } from '../../../src/shared/runs';
import { createLab, trainToEnd, type LabService } from '../realLab';
import { initInspectI18n } from '../common/setup';

let lab: LabService;
let run: RunSummary;

beforeAll(async () => {
  configure({ asyncUtilTimeout: 60_000 });
  lab = createLab();
  run = await trainToEnd(lab, { hidden: [30, 20], iterations: 100, evalEvery: 50 }, 'deep');
});
afterEach(cleanup);
afterAll(() => lab.close());

describe('hidden-layer map', () => {
  it('maps the first hidden layer, steps through images by keyboard, opens one, and switches layers', async () => {
    const { labels } = await lab.sampleImages('test', 0, 2);
    const evaluation = await lab.evaluateRun(run.id);
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <HiddenMapPanel lab={lab} runId={run.id} pixels={null} version={1} />
      </I18nextProvider>,
    );
    await screen.findByText(
      /^PCA of 2000 test images at iteration 100: axis 1 holds \d+\.\d% of the variance/,
    );
    const select = screen.getByLabelText('Layer') as HTMLSelectElement;
    expect(Array.from(select.options, (o) => o.textContent)).toEqual([
      'Relu1 (30 units)',
      'Relu2 (20 units)',
    ]);
    const canvas = screen.getByRole('img', { name: 'Map of 2000 test images coloured by label' });
    act(() => canvas.focus());
    fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    const percent = (i: number) => Math.round(evaluation.confidences[i] * 100);
    const line = (i: number) =>
      `Test image ${i}: a ${labels[i]}, read as ${evaluation.predictions[i]} (${percent(i)}%)`;
    expect(screen.getByText(line(0))).toBeTruthy();
    fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    expect(screen.getByText(line(1))).toBeTruthy();
    fireEvent.keyDown(canvas, { key: 'Enter' });
    const opened = screen.getByRole('figure', { name: 'Test image 1' });
    expect(within(opened).getByText(line(1))).toBeTruthy();
    fireEvent.keyDown(canvas, { key: 'Escape' });
    expect(screen.queryByRole('figure', { name: 'Test image 1' })).toBeNull();

    const before = screen.getByText(/^PCA of 2000/).textContent;
    fireEvent.change(select, { target: { value: '1' } });
    await waitFor(() => expect(screen.getByText(/^PCA of 2000/).textContent).not.toBe(before));
  });

  it('marks the drawn digit in the legend when there is one', async () => {
    const pixels = (await lab.sampleImages('test', 5, 1)).pixels.slice();
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <HiddenMapPanel lab={lab} runId={run.id} pixels={pixels} version={1} />
      </I18nextProvider>,
    );
    expect(await screen.findByText('★ your drawing')).toBeTruthy();
  });

  it('finds the point under the pointer in canvas coordinates', () => {
    const points = new Float32Array([0, 0, 10, 10, 5, 2]);
    const f = frameFor(points, null, 100);
    const [x, y] = toCanvas(f, 5, 2);
    expect(nearestPoint(points, f, x + 2, y - 1)).toBe(2);
    expect(nearestPoint(points, f, x + 30, y)).toBe(-1);
    expect(toCanvas(f, 0, 0)).toEqual([10, 90]); // y grows upwards
  });
});

/**
 * jsdom has no Worker: this runner does what ./tsne.worker.ts does (the engine's tsne, every
 * iteration reported) on the test's own thread, a few iterations per macrotask so the page can
 * render between them, and at most `limit` iterations to keep the test short. The real worker is
 * run by the Chromium e2e test.
 */
function onThisThread(limit: number): { runner: TsneRunner; steps: () => number } {
  let steps = 0;
  const runner: TsneRunner = (job, onProgress) => {
    let cancelled = false;
    const iterations = Math.min(job.iterations, limit);
    const gen = tsne(job.features, job.count, job.width, { ...job, iterations });
    const finished = new Promise<TsneDone | null>((resolve, reject) => {
      const tick = () => {
        if (cancelled) return resolve(null);
        try {
          for (let k = 0; k < 2; k++) {
            const step = gen.next();
            steps++;
            if (step.done) {
              const { embedding, kl, perplexity } = step.value;
              return resolve({
                kind: 'done',
                embedding: Float32Array.from(embedding),
                kl,
                iterations,
                perplexity,
              });
            }
            onProgress({ kind: 'progress', iteration: step.value.iteration, iterations, kl: step.value.kl });
          }
          setTimeout(tick, 5);
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      };
      onProgress({ kind: 'progress', iteration: 0, iterations, kl: null });
      setTimeout(tick, 0);
    });
    return { finished, cancel: () => (cancelled = true) };
  };
  return { runner, steps: () => steps };
}

describe('t-SNE of the hidden-layer map', () => {
  const progressOf = () =>
    Number(screen.getByRole('progressbar', { name: 't-SNE progress' }).getAttribute('aria-valuenow'));

  it('runs on demand with a progress bar, shows the same images placed by t-SNE, says the drawing is not on it, and goes back', async () => {
    const pixels = (await lab.sampleImages('test', 5, 1)).pixels.slice();
    const { labels } = await lab.sampleImages('test', 0, 1);
    const evaluation = await lab.evaluateRun(run.id);
    const { runner } = onThisThread(40);
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <HiddenMapPanel lab={lab} runId={run.id} pixels={pixels} version={1} tsneRunner={runner} />
      </I18nextProvider>,
    );
    await screen.findByText(/^PCA of 2000 test images at iteration 100/);
    expect(screen.getByText('★ your drawing')).toBeTruthy();
    const start = screen.getByRole('button', { name: 't-SNE' });
    expect(start.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.click(start);
    const bar = await screen.findByRole('progressbar', { name: 't-SNE progress' });
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('40');
    await waitFor(() => expect(progressOf()).toBeGreaterThan(4));
    const seen = progressOf();
    expect(screen.getByText(`Iteration ${seen} of 40`)).toBeTruthy();
    expect(bar.getAttribute('aria-valuetext')).toBe(`Iteration ${seen} of 40`);
    await waitFor(() => expect(progressOf()).toBeGreaterThan(seen));

    const canvas = await screen.findByRole('img', {
      name: 't-SNE map of 2000 test images coloured by label',
    });
    expect(
      screen.getByText(/^t-SNE of 2000 test images at iteration 100 \(perplexity 30, KL \d+\.\d\d\)/),
    ).toBeTruthy();
    expect(screen.getByText(/^Your drawing is not on this map: t-SNE places only the images/)).toBeTruthy();
    expect(screen.queryByText('★ your drawing')).toBeNull();
    expect(screen.queryByText(/^PCA of 2000/)).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    // The same images behind the points: stepping through them shows the same lines as the PCA map.
    act(() => canvas.focus());
    fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    const percent = Math.round(evaluation.confidences[0] * 100);
    expect(
      screen.getByText(`Test image 0: a ${labels[0]}, read as ${evaluation.predictions[0]} (${percent}%)`),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Back to the live PCA map' }));
    expect(screen.getByRole('img', { name: 'Map of 2000 test images coloured by label' })).toBeTruthy();
    expect(screen.getByText(/^PCA of 2000 test images at iteration 100/)).toBeTruthy();
    expect(screen.getByText('★ your drawing')).toBeTruthy();
  }, 60_000);

  it('stops when cancelled, and keeps the PCA map', async () => {
    const { runner, steps } = onThisThread(400);
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <HiddenMapPanel lab={lab} runId={run.id} pixels={null} version={1} tsneRunner={runner} />
      </I18nextProvider>,
    );
    await screen.findByText(/^PCA of 2000 test images/);
    fireEvent.click(screen.getByRole('button', { name: 't-SNE' }));
    await screen.findByRole('progressbar', { name: 't-SNE progress' });
    await waitFor(() => expect(progressOf()).toBeGreaterThan(3));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const at = steps();
    const line = screen.getByRole('status');
    const shown = Number(/iteration (\d+) of 400/.exec(line.textContent ?? '')?.[1]);
    expect(line.textContent).toBe(`t-SNE cancelled at iteration ${shown} of 400.`);
    expect(shown).toBeGreaterThan(3);
    await new Promise((r) => setTimeout(r, 200));
    expect(steps()).toBe(at); // not one more iteration
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('img', { name: 'Map of 2000 test images coloured by label' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 't-SNE' })).toBeTruthy(); // and it can be started again
  }, 60_000);

  it('says plainly when the t-SNE cannot run (here: no Web Worker), in Japanese too', async () => {
    render(
      <I18nextProvider i18n={initInspectI18n('ja')}>
        <HiddenMapPanel lab={lab} runId={run.id} pixels={null} version={1} />
      </I18nextProvider>,
    );
    await screen.findByText(/^テスト画像 2000 枚の PCA/);
    fireEvent.click(screen.getByRole('button', { name: 't-SNE' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^t-SNE に失敗しました: .*Worker/);
    expect(screen.getByRole('img', { name: 'ラベルで色分けしたテスト画像 2000 枚のマップ' })).toBeTruthy();
  }, 60_000);
});

describe('histograms over training', () => {
  it('one row per hidden layer and weight layer, one column per evaluation point, dead ReLUs as a number', async () => {
    const { epochs } = await lab.getRunMetrics(run.id);
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <HistogramsPanel epochs={epochs} />
      </I18nextProvider>,
    );
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Layer', 'iteration 50', 'iteration 100']);
    const rows = screen.getAllByRole('rowheader').map((h) => h.textContent);
    const dead = epochs[1].histograms!.activations.map((a) => (a.deadShare! * 100).toFixed(1));
    expect(rows).toEqual([
      `Relu1 outputsdead ReLU units: ${dead[0]}%`,
      `Relu2 outputsdead ReLU units: ${dead[1]}%`,
      'W1 weights',
      'W2 weights',
      'W3 weights',
    ]);
    const w1 = epochs[1].histograms!.weights[0].histogram;
    expect(
      screen.getByRole('img', { name: new RegExp(`^W1 at iteration 100: from ${w1.min.toPrecision(2)}`) }),
    ).toBeTruthy();
  });

  it('says there are none for a run without them, and spaces many points evenly', () => {
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <HistogramsPanel epochs={[]} />
      </I18nextProvider>,
    );
    expect(screen.getByText(/^No histograms yet/)).toBeTruthy();
    expect(evenlySpaced([...Array(20).keys()], 8)).toEqual([0, 3, 5, 8, 11, 14, 16, 19]);
    expect(evenlySpaced([1, 2], 8)).toEqual([1, 2]);
  });
});

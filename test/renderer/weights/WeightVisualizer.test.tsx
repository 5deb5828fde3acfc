// @vitest-environment jsdom
/**
 * The weight visualizer against the real LabService: the tiles, heatmaps and histograms of a run
 * really trained (784-20-12-10), and live polling of a run while its worker trains.
 */
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WeightVisualizer } from '../../../src/renderer/weights/WeightVisualizer';
import type { RunSummary } from '../../../src/shared/runs';
import { createLab, SHORT_RUN, trainToEnd, waitForState, type LabService } from '../realLab';
import { initInspectI18n } from '../common/setup';

let lab: LabService;
let trained: RunSummary;

beforeAll(async () => {
  configure({ asyncUtilTimeout: 60_000 });
  lab = createLab();
  trained = await trainToEnd(lab, { ...SHORT_RUN, hidden: [20, 12] }, 'two layers');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
afterAll(() => lab.close());

/** The visualizer fed the service's run summaries as they change, the way the app's store does. */
function LiveWeights({ runId, pollMs }: { runId: string; pollMs: number }) {
  const [runs, setRuns] = useState<RunSummary[]>([]);
  useEffect(() => {
    const refresh = () => void lab.listRuns().then(setRuns);
    refresh();
    return lab.onEvent((e) => {
      if (e.type === 'run-updated' || e.type === 'state') refresh();
    });
  }, []);
  return <WeightVisualizer lab={lab} runs={runs} runId={runId} pollMs={pollMs} />;
}

describe('weight visualizer on a really trained run', () => {
  it('draws one "Hidden unit N" tile per hidden unit, heatmaps for W2 and W3, and histograms', async () => {
    const getWeights = vi.spyOn(lab, 'getWeights');
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <WeightVisualizer lab={lab} runs={[trained]} runId={trained.id} />
      </I18nextProvider>,
    );
    const grid = await screen.findByRole('group', { name: 'First-layer weights' });
    const tiles = within(grid).getAllByRole('button', { name: /^Hidden unit \d+$/ });
    expect(tiles.map((t) => t.getAttribute('aria-label'))).toEqual(
      Array.from({ length: 20 }, (_, i) => `Hidden unit ${i}`),
    );
    expect(screen.getByRole('img', { name: 'W2 (20×12)' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'W3 (12×10)' })).toBeTruthy();
    const histograms = screen.getAllByRole('img', { name: /^Histogram of W\d/ });
    expect(histograms.map((h) => h.getAttribute('aria-label')!.split(':')[0])).toEqual([
      'Histogram of W1',
      'Histogram of W2',
      'Histogram of W3',
    ]);
    // 40 bins each, holding every weight of W1.
    const bars = histograms[0].querySelectorAll('rect');
    expect(bars).toHaveLength(40);
    const total = Array.from(bars).reduce((a, r) => a + Number(/: (\d+)$/.exec(r.textContent ?? '')![1]), 0);
    expect(total).toBe(784 * 20);
    // A finished run is read once.
    expect(getWeights.mock.calls).toEqual([[trained.id]]);
  });

  it('hover reads out the unit, the pixel, its index and the weight; on a heatmap W[row, col]', async () => {
    // jsdom lays nothing out: give every canvas a 56x56 box on screen (a W1 tile shows 2 px per pixel).
    vi.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockReturnValue(
      DOMRect.fromRect({ x: 0, y: 0, width: 56, height: 56 }),
    );
    const weights = await lab.getWeights(trained.id);
    const tensor = (name: string) => weights.find((w) => w.name === name)!;
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <WeightVisualizer lab={lab} runs={[trained]} runId={trained.id} />
      </I18nextProvider>,
    );
    const tile = (await screen.findByRole('button', { name: 'Hidden unit 3' })).querySelector('canvas')!;
    const readout = document.querySelector('.inspect-readout')!;
    fireEvent.mouseMove(tile, { clientX: 2 * 10 + 1, clientY: 2 * 5 + 1 }); // pixel (10, 5)
    const index = 5 * 28 + 10;
    const w1 = tensor('W1').data[index * 20 + 3]; // W1 (784, 20): unit 3's weight on pixel 150
    expect(readout.textContent).toBe(`Hidden unit 3, pixel (10, 5), index ${index}: ${w1.toFixed(4)}`);
    fireEvent.mouseLeave(tile);
    expect(readout.textContent).toBe('\u00a0');
    // W2 (20, 12) on the same 56x56 box: x 30 -> column 6, y 30 -> row 10.
    fireEvent.mouseMove(screen.getByRole('img', { name: 'W2 (20×12)' }), { clientX: 30, clientY: 30 });
    expect(readout.textContent).toBe(`W2[10, 6] = ${tensor('W2').data[10 * 12 + 6].toFixed(4)}`);
  });

  it('enlarges a tile in a dialog that Esc closes', async () => {
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <WeightVisualizer lab={lab} runs={[trained]} runId={trained.id} />
      </I18nextProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Hidden unit 3' }));
    const dialog = screen.getByRole('dialog', { name: 'Hidden unit 3, enlarged' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('polls while the run trains and goes quiet once the service reports it stopped', async () => {
    // 300 iterations of batch 1000: training long enough to see several polls; stopped below.
    const run = await lab.startRun({ ...SHORT_RUN, iterations: 300, batchSize: 1000 });
    await waitForState(lab, run.id, ['training']);
    const getWeights = vi.spyOn(lab, 'getWeights');
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <LiveWeights runId={run.id} pollMs={100} />
      </I18nextProvider>,
    );
    await waitFor(() => expect(getWeights.mock.calls.length).toBeGreaterThanOrEqual(3));
    expect(screen.getByText('Updating live while the run trains')).toBeTruthy();
    await lab.stopRun(run.id);
    await waitForState(lab, run.id, ['stopped']);
    await waitFor(() => expect(screen.queryByText('Updating live while the run trains')).toBeNull());
    // Let any poll in flight and the final read land, then nothing more comes.
    await act(() => new Promise((r) => setTimeout(r, 500)));
    const settled = getWeights.mock.calls.length;
    await act(() => new Promise((r) => setTimeout(r, 1000)));
    expect(getWeights.mock.calls.length).toBe(settled);
    expect(getWeights.mock.calls.every(([id]) => id === run.id)).toBe(true);
    expect(screen.getAllByRole('button', { name: /^Hidden unit \d+$/ })).toHaveLength(20);
  });

  it('asks the user to choose a run when none is selected, and shows the service error', async () => {
    const i18n = initInspectI18n();
    const { rerender } = render(
      <I18nextProvider i18n={i18n}>
        <WeightVisualizer lab={lab} runs={[]} runId={null} />
      </I18nextProvider>,
    );
    expect(screen.getByText('Choose a run to see its weights')).toBeTruthy();
    rerender(
      <I18nextProvider i18n={i18n}>
        <WeightVisualizer lab={lab} runs={[]} runId="run-404-gone" />
      </I18nextProvider>,
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not read the weights: No run with id run-404-gone.',
    );
  });
});

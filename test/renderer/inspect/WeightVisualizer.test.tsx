// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WeightVisualizer } from '../../../src/renderer/inspect/WeightVisualizer';
import { DEFAULT_CONFIG } from '../../../src/shared/hyperparams';
import type { RunSummary, WeightTensor } from '../../../src/shared/runs';
import { initInspectI18n } from './setup';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function run(id: string, state: RunSummary['state'], iteration = 0): RunSummary {
  return {
    id,
    name: id,
    config: DEFAULT_CONFIG,
    state,
    createdAt: 0,
    iteration,
    totalIterations: 100,
    iterationsPerEpoch: 600,
    source: 'trained',
  };
}

/** The book's two-layer shapes (784-50-100-10) with fixed pseudo-random weights. */
function bookShapedWeights(): WeightTensor[] {
  let s = 7;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return (s / 2 ** 31 - 0.5) * 0.2;
  };
  const tensor = (name: string, shape: number[]) => ({
    name,
    shape,
    data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, next),
  });
  return [
    tensor('W1', [784, 50]),
    tensor('b1', [50]),
    tensor('W2', [50, 100]),
    tensor('b2', [100]),
    tensor('W3', [100, 10]),
    tensor('b3', [10]),
  ];
}

function weightsLab() {
  const calls: string[] = [];
  const weights = bookShapedWeights();
  return {
    calls,
    getWeights: async (runId: string) => {
      calls.push(runId);
      return weights;
    },
  };
}

/** Let the getWeights promise settle and React render. */
const settle = () => act(async () => {});

describe('weight visualizer', () => {
  it('draws one "Hidden unit N" tile per hidden unit, heatmaps for W2 and W3, and three histograms', async () => {
    const lab = weightsLab();
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <WeightVisualizer lab={lab} runs={[run('r1', 'finished')]} runId="r1" />
      </I18nextProvider>,
    );
    await settle();
    const grid = screen.getByRole('group', { name: 'First-layer weights' });
    const tiles = within(grid).getAllByRole('button', { name: /^Hidden unit \d+$/ });
    expect(tiles).toHaveLength(50);
    expect(tiles[0].getAttribute('aria-label')).toBe('Hidden unit 0');
    expect(tiles[49].getAttribute('aria-label')).toBe('Hidden unit 49');
    expect(screen.getByRole('img', { name: 'W2 (50×100)' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'W3 (100×10)' })).toBeTruthy();
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
    expect(total).toBe(784 * 50);
    // A finished run is read once.
    expect(lab.calls).toEqual(['r1']);
  });

  it('enlarges a tile in a dialog that Esc closes', async () => {
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <WeightVisualizer lab={weightsLab()} runs={[run('r1', 'imported')]} runId="r1" />
      </I18nextProvider>,
    );
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Hidden unit 3' }));
    const dialog = screen.getByRole('dialog', { name: 'Hidden unit 3, enlarged' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('polls every pollMs while the run trains, and stops when it finishes', async () => {
    vi.useFakeTimers();
    const lab = weightsLab();
    const i18n = initInspectI18n();
    const { rerender } = render(
      <I18nextProvider i18n={i18n}>
        <WeightVisualizer lab={lab} runs={[run('r1', 'training', 100)]} runId="r1" pollMs={1500} />
      </I18nextProvider>,
    );
    await act(async () => {});
    expect(lab.calls).toHaveLength(1);
    expect(screen.getByText('Updating live while the run trains')).toBeTruthy();
    await act(async () => vi.advanceTimersByTimeAsync(1499));
    expect(lab.calls).toHaveLength(1);
    await act(async () => vi.advanceTimersByTimeAsync(1));
    expect(lab.calls).toHaveLength(2);
    await act(async () => vi.advanceTimersByTimeAsync(3000));
    expect(lab.calls).toHaveLength(4);
    // Iterations moving during training do not add calls beyond the poll.
    rerender(
      <I18nextProvider i18n={i18n}>
        <WeightVisualizer lab={lab} runs={[run('r1', 'training', 900)]} runId="r1" pollMs={1500} />
      </I18nextProvider>,
    );
    await act(async () => {});
    expect(lab.calls).toHaveLength(4);
    // Finished: one last read of the final weights, then silence.
    rerender(
      <I18nextProvider i18n={i18n}>
        <WeightVisualizer lab={lab} runs={[run('r1', 'finished', 1000)]} runId="r1" pollMs={1500} />
      </I18nextProvider>,
    );
    await act(async () => {});
    expect(lab.calls).toHaveLength(5);
    await act(async () => vi.advanceTimersByTimeAsync(10_000));
    expect(lab.calls).toHaveLength(5);
    expect(screen.queryByText('Updating live while the run trains')).toBeNull();
  });

  it('asks the user to choose a run when none is selected, and shows errors', async () => {
    const i18n = initInspectI18n();
    const { rerender } = render(
      <I18nextProvider i18n={i18n}>
        <WeightVisualizer lab={weightsLab()} runs={[]} runId={null} />
      </I18nextProvider>,
    );
    expect(screen.getByText('Choose a run to see its weights')).toBeTruthy();
    const failing = { getWeights: () => Promise.reject(new Error('no such run: r9')) };
    rerender(
      <I18nextProvider i18n={i18n}>
        <WeightVisualizer lab={failing} runs={[]} runId="r9" />
      </I18nextProvider>,
    );
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Could not read the weights: no such run: r9');
  });
});

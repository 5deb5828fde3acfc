// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { DrawPanel } from '../../../src/renderer/inspect/DrawPanel';
import { usePredict } from '../../../src/renderer/inspect/usePredict';
import { DEFAULT_CONFIG } from '../../../src/shared/hyperparams';
import type { Prediction, RunSummary } from '../../../src/shared/runs';
import { initInspectI18n, mnistTest } from './setup';

afterEach(cleanup);

function run(id: string, state: RunSummary['state']): RunSummary {
  return {
    id,
    name: `run ${id}`,
    config: DEFAULT_CONFIG,
    state,
    createdAt: 0,
    iteration: 0,
    totalIterations: 100,
    iterationsPerEpoch: 600,
    source: 'trained',
  };
}

/** predict() answers the test resolves by hand, so the order of answers can be chosen. */
function manualLab() {
  const pending: { runId: string; pixels: Uint8Array; resolve: (p: Prediction) => void }[] = [];
  return {
    pending,
    predict: (runId: string, pixels: Uint8Array) =>
      new Promise<Prediction>((resolve) => pending.push({ runId, pixels, resolve })),
  };
}

const answer = (digit: number): Prediction => ({
  probabilities: Float32Array.from({ length: 10 }, (_, d) => (d === digit ? 0.91 : 0.01)),
  activations: [new Float32Array(50)],
});

describe('draw panel', () => {
  it('an empty canvas shows the hint, not a prediction, and asks nothing', () => {
    const lab = manualLab();
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <DrawPanel lab={lab} runs={[run('a', 'finished'), run('b', 'training')]} runId="b" />
      </I18nextProvider>,
    );
    const canvas = screen.getByRole('img', { name: 'Drawing canvas' });
    expect(canvas.tagName).toBe('CANVAS');
    expect(canvas.getAttribute('tabindex')).toBe('0');
    expect(screen.getByText('Draw a digit', { selector: 'p' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('');
    // The run picker defaults to the app's selected run and offers every run.
    const picker = screen.getByLabelText('Network') as HTMLSelectElement;
    expect(picker.value).toBe('b');
    expect(picker.options).toHaveLength(2);
    // Clear and Undo have nothing to do yet; keyboard shortcuts on the canvas are harmless.
    expect((screen.getByRole('button', { name: 'Clear' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(canvas, { key: 'Delete' });
    fireEvent.keyDown(canvas, { key: 'z', ctrlKey: true });
    expect(lab.pending).toHaveLength(0);
    // The brush slider is labelled and moves.
    const brush = screen.getByLabelText('Brush width') as HTMLInputElement;
    fireEvent.change(brush, { target: { value: '30' } });
    expect(brush.value).toBe('30');
  });

  it('follows the app when it selects another run', () => {
    const runs = [run('a', 'finished'), run('b', 'training')];
    const i18n = initInspectI18n();
    const { rerender } = render(
      <I18nextProvider i18n={i18n}>
        <DrawPanel lab={manualLab()} runs={runs} runId="b" />
      </I18nextProvider>,
    );
    rerender(
      <I18nextProvider i18n={i18n}>
        <DrawPanel lab={manualLab()} runs={runs} runId="a" />
      </I18nextProvider>,
    );
    expect((screen.getByLabelText('Network') as HTMLSelectElement).value).toBe('a');
  });

  it('says so when there is no run to ask', () => {
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <DrawPanel lab={manualLab()} runs={[]} runId={null} />
      </I18nextProvider>,
    );
    expect(screen.getByText('No runs yet: train or import one first')).toBeTruthy();
  });
});

describe('live prediction (usePredict)', () => {
  const digit = (i: number) => mnistTest().pixels.slice(i * 784, (i + 1) * 784);

  it('keeps only the newest answer when an older call answers last', async () => {
    const lab = manualLab();
    const { result } = renderHook(() => usePredict(lab, 'r1', 150));
    act(() => result.current.request(digit(0), true));
    act(() => result.current.request(digit(1), true));
    expect(lab.pending.map((p) => p.runId)).toEqual(['r1', 'r1']);
    expect(lab.pending[1].pixels).toEqual(digit(1));
    await act(async () => lab.pending[1].resolve(answer(2)));
    await act(async () => lab.pending[0].resolve(answer(7)));
    expect(result.current.prediction?.probabilities[2]).toBeCloseTo(0.91, 5);
  });

  it('throttles calls while drawing and clears on an empty canvas', async () => {
    const lab = manualLab();
    const { result } = renderHook(() => usePredict(lab, 'r1', 10_000));
    act(() => {
      result.current.request(digit(0), false);
      result.current.request(digit(1), false);
      result.current.request(digit(2), false);
    });
    // Leading call only; the rest wait for the window.
    expect(lab.pending).toHaveLength(1);
    // Stroke end: immediate, with the latest pixels, and the pending throttled call is dropped.
    act(() => result.current.request(digit(3), true));
    expect(lab.pending).toHaveLength(2);
    expect(lab.pending[1].pixels).toEqual(digit(3));
    await act(async () => lab.pending[1].resolve(answer(4)));
    expect(result.current.prediction).not.toBeNull();
    act(() => result.current.request(null, true));
    expect(result.current.prediction).toBeNull();
  });

  it("shows the service's error message when predict fails", async () => {
    const lab = { predict: () => Promise.reject(new Error('run has no weights yet')) };
    const { result } = renderHook(() => usePredict(lab, 'r1'));
    await act(async () => result.current.request(digit(0), true));
    expect(result.current.error).toBe('run has no weights yet');
    expect(result.current.prediction).toBeNull();
  });
});

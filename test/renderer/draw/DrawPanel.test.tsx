// @vitest-environment jsdom
/**
 * The draw panel against the real LabService and a really trained run. jsdom has no canvas, so a
 * drawing cannot be read back from the component here (the Chromium e2e test draws with the
 * mouse); what the panel does with a drawing is driven through its own parts instead: usePredict
 * gets real MNIST test digits, and the readout shows the real network's answer.
 */
import {
  act,
  cleanup,
  configure,
  fireEvent,
  render,
  renderHook,
  screen,
  waitFor,
} from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ActivationStrips } from '../../../src/renderer/draw/ActivationStrips';
import { DrawPanel } from '../../../src/renderer/draw/DrawPanel';
import { PredictionReadout } from '../../../src/renderer/draw/PredictionReadout';
import { usePredict } from '../../../src/renderer/draw/usePredict';
import type { TestEvaluation } from '../../../src/shared/api';
import type { RunSummary } from '../../../src/shared/runs';
import { createLab, SHORT_RUN, trainToEnd, type LabService } from '../realLab';
import { initInspectI18n } from '../common/setup';

let lab: LabService;
let runs: RunSummary[];
let evaluation: TestEvaluation;
/** The first 10 MNIST test images, (10, 784), as the service hands them out. */
let pixels: Uint8Array;
const digit = (i: number) => pixels.slice(i * 784, (i + 1) * 784);

beforeAll(async () => {
  configure({ asyncUtilTimeout: 60_000 });
  lab = createLab();
  await Promise.all([trainToEnd(lab, SHORT_RUN, 'a'), trainToEnd(lab, SHORT_RUN, 'b')]);
  runs = await lab.listRuns();
  evaluation = await lab.evaluateRun(runs[1].id);
  pixels = (await lab.sampleImages('test', 0, 10)).pixels;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
afterAll(() => lab.close());

const argmax = (p: ArrayLike<number>) => Array.from(p).indexOf(Math.max(...Array.from(p)));

describe('draw panel', () => {
  it('an empty canvas shows the hint, not a prediction, and asks nothing', () => {
    const predict = vi.spyOn(lab, 'predict');
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <DrawPanel lab={lab} runs={runs} runId={runs[1].id} />
      </I18nextProvider>,
    );
    const canvas = screen.getByRole('img', { name: 'Drawing canvas' });
    expect(canvas.tagName).toBe('CANVAS');
    expect(canvas.getAttribute('tabindex')).toBe('0');
    expect(screen.getByText('Draw a digit', { selector: 'p' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('');
    // The run picker defaults to the app's selected run and offers every run.
    const picker = screen.getByLabelText('Network') as HTMLSelectElement;
    expect(picker.value).toBe(runs[1].id);
    expect(Array.from(picker.options, (o) => o.textContent)).toEqual(['a (Finished)', 'b (Finished)']);
    // Clear and Undo have nothing to do yet; keyboard shortcuts on the canvas are harmless.
    expect((screen.getByRole('button', { name: 'Clear' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(canvas, { key: 'Delete' });
    fireEvent.keyDown(canvas, { key: 'z', ctrlKey: true });
    expect(predict).not.toHaveBeenCalled();
    const brush = screen.getByLabelText('Brush width') as HTMLInputElement;
    fireEvent.change(brush, { target: { value: '30' } });
    expect(brush.value).toBe('30');
  });

  it('follows the app when it selects another run', () => {
    const i18n = initInspectI18n();
    const { rerender } = render(
      <I18nextProvider i18n={i18n}>
        <DrawPanel lab={lab} runs={runs} runId={runs[1].id} />
      </I18nextProvider>,
    );
    rerender(
      <I18nextProvider i18n={i18n}>
        <DrawPanel lab={lab} runs={runs} runId={runs[0].id} />
      </I18nextProvider>,
    );
    expect((screen.getByLabelText('Network') as HTMLSelectElement).value).toBe(runs[0].id);
  });

  it('says so when there is no run to ask', () => {
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <DrawPanel lab={lab} runs={[]} runId={null} />
      </I18nextProvider>,
    );
    expect(screen.getByText('No runs yet: train or import one first')).toBeTruthy();
  });

  it("shows the trained network's answer: top guess, ten bars and one strip per hidden layer", async () => {
    const answer = await lab.predict(runs[1].id, digit(0));
    const top = argmax(answer.probabilities);
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <PredictionReadout probabilities={answer.probabilities} />
        <ActivationStrips activations={answer.activations} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe(
      `Prediction: ${top} (${Math.round(answer.probabilities[top] * 100)}%)`,
    );
    // The same network, asked through the whole-test-set path, reads image 0 the same way.
    expect(top).toBe(evaluation.predictions[0]);
    const strip = screen.getByRole('img', { name: 'Hidden layer 1 (20 units)' });
    expect(strip.children).toHaveLength(20);
  });
});

describe('live prediction (usePredict) through the real service', () => {
  it('shows the answer for the newest drawing when two are asked in a row', async () => {
    const id = runs[1].id;
    const { result } = renderHook(() => usePredict(lab, id, 150));
    act(() => result.current.request(digit(0), true));
    act(() => result.current.request(digit(1), true));
    const expected = await lab.predict(id, digit(1));
    await waitFor(() => expect(result.current.prediction).not.toBeNull());
    await waitFor(() =>
      expect(Array.from(result.current.prediction!.probabilities)).toEqual(
        Array.from(expected.probabilities),
      ),
    );
    expect(argmax(result.current.prediction!.probabilities)).toBe(evaluation.predictions[1]);
    expect(result.current.error).toBeNull();
  });

  it('throttles calls while drawing and clears on an empty canvas', async () => {
    const id = runs[0].id;
    const predict = vi.spyOn(lab, 'predict');
    const { result } = renderHook(() => usePredict(lab, id, 10_000));
    act(() => {
      result.current.request(digit(0), false);
      result.current.request(digit(1), false);
      result.current.request(digit(2), false);
    });
    // Leading call only; the rest wait for the window.
    expect(predict).toHaveBeenCalledTimes(1);
    // Stroke end: immediate, with the latest pixels, and the pending throttled call is dropped.
    act(() => result.current.request(digit(3), true));
    expect(predict).toHaveBeenCalledTimes(2);
    expect(predict.mock.calls[1]).toEqual([id, digit(3)]);
    predict.mockRestore();
    const expected = await lab.predict(id, digit(3));
    await waitFor(() =>
      expect(Array.from(result.current.prediction?.probabilities ?? [])).toEqual(
        Array.from(expected.probabilities),
      ),
    );
    act(() => result.current.request(null, true));
    expect(result.current.prediction).toBeNull();
  });

  it("shows the service's error message when predict fails", async () => {
    const { result } = renderHook(() => usePredict(lab, 'run-404-gone'));
    act(() => result.current.request(digit(0), true));
    await waitFor(() =>
      expect(result.current.error).toEqual({ code: 'noRun', params: { id: 'run-404-gone' } }),
    );
    expect(result.current.prediction).toBeNull();
  });
});

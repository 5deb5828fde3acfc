// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../src/renderer/i18n';
import { createLabStore } from '../../src/renderer/store';
import type { MenuAction } from '../../src/renderer/bridge';
import { connectLab } from '../../src/renderer/store/connectLab';
import { connectMenu } from '../../src/renderer/store/connectMenu';
import { installResizeObserver, makeRun, recordingLab, renderApp } from './helpers';

beforeAll(installResizeObserver);
afterEach(() => {
  cleanup();
  changeLanguage('en');
  vi.restoreAllMocks();
});

describe('connectLab', () => {
  it('loads existing runs with their metrics, then applies events through the store', async () => {
    const lab = recordingLab([makeRun('1', 'finished'), makeRun('2', 'training')]);
    const store = createLabStore();
    const disconnect = connectLab(lab, store);
    await waitFor(() => expect(store.getState().metrics['2']?.losses.length).toBe(2));
    expect(store.getState().runOrder).toEqual(['1', '2']);
    expect(store.getState().selectedRunId).toBe('2');
    expect(
      lab.calls
        .filter((c) => c.method === 'getRunMetrics')
        .map((c) => c.args[0])
        .sort(),
    ).toEqual(['1', '2']);

    lab.emit({
      type: 'iterations',
      runId: '2',
      batch: { start: 3, losses: new Float32Array([1.9]), learningRates: new Float32Array([0.1]) },
    });
    expect(store.getState().metrics['2'].losses.length).toBe(3);
    lab.emit({ type: 'state', runId: '2', state: 'diverged', message: 'loss became NaN at iteration 3' });
    expect(store.getState().runs['2'].state).toBe('diverged');
    lab.emit({ type: 'run-removed', runId: '1' });
    expect(store.getState().runOrder).toEqual(['2']);
    lab.emit({ type: 'error', message: 'disk full' });
    expect(store.getState().notices.map((n) => n.message)).toEqual(['disk full']);
    disconnect();
    lab.emit({ type: 'run-removed', runId: '2' });
    expect(store.getState().runOrder).toEqual(['2']);
  });

  it('turns a failed listRuns into a notice', async () => {
    const lab = recordingLab();
    lab.failNext('listRuns', 'service not ready');
    const store = createLabStore();
    connectLab(lab, store);
    await waitFor(() => expect(store.getState().notices[0]?.message).toBe('service not ready'));
  });
});

describe('app', () => {
  it('starts a new run with the current config on each Train click and selects it', async () => {
    const { lab, store } = renderApp();
    fireEvent.change(screen.getByLabelText('Batch size'), { target: { value: '200' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await waitFor(() => expect(store.getState().selectedRunId).toBe('1'));
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await waitFor(() => expect(store.getState().selectedRunId).toBe('2'));
    const starts = lab.calls.filter((c) => c.method === 'startRun');
    expect(starts).toHaveLength(2);
    expect((starts[0].args[0] as { batchSize: number }).batchSize).toBe(200);
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: 'Loss chart' })).getByText('run 1')).toBeTruthy(),
    );
    expect(
      within(screen.getByRole('region', { name: 'Accuracy chart' })).getByText('run 2 test'),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Learning rate chart' })).getByText('run 2'),
    ).toBeTruthy();
  });

  it("enables Pause/Resume/Step/Stop by the selected run's state and sends them for that run", async () => {
    const { lab, store } = renderApp();
    act(() => {
      store.getState().upsertRun(makeRun('7', 'training'));
      store.getState().selectRun('7');
    });
    const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
    expect([
      button('Pause').disabled,
      button('Resume').disabled,
      button('Step').disabled,
      button('Stop').disabled,
    ]).toEqual([false, true, true, false]);
    fireEvent.click(button('Pause'));
    act(() => store.getState().setRunState('7', 'paused'));
    expect([button('Pause').disabled, button('Resume').disabled, button('Step').disabled]).toEqual([
      true,
      false,
      false,
    ]);
    fireEvent.click(button('Step'));
    fireEvent.click(button('Resume'));
    fireEvent.click(button('Stop'));
    await waitFor(() =>
      expect(lab.calls.map((c) => c.method)).toEqual(['pauseRun', 'stepRun', 'resumeRun', 'stopRun']),
    );
    expect(lab.calls.every((c) => c.args[0] === '7')).toBe(true);
  });

  it('sends a learning-rate change to the live selected run, not to a finished one', async () => {
    const { lab, store } = renderApp();
    act(() => {
      store.getState().upsertRun(makeRun('3', 'training'));
      store.getState().selectRun('3');
    });
    fireEvent.change(screen.getByLabelText('Learning rate'), { target: { value: '0.02' } });
    await waitFor(() =>
      expect(lab.calls.find((c) => c.method === 'setLearningRate')?.args).toEqual(['3', 0.02]),
    );
    act(() => store.getState().setRunState('3', 'finished'));
    fireEvent.change(screen.getByLabelText('Learning rate'), { target: { value: '0.03' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(lab.calls.filter((c) => c.method === 'setLearningRate')).toHaveLength(1);
  });

  it('keyboard: Enter trains, Space pauses, S steps, Esc stops; not while typing; ? opens Help', async () => {
    const { lab, store } = renderApp();
    fireEvent.keyDown(screen.getByLabelText('Learning rate'), { key: 'Enter' });
    expect(lab.calls).toHaveLength(0);
    fireEvent.keyDown(document.body, { key: 'Enter' });
    await waitFor(() => expect(store.getState().selectedRunId).toBe('1'));
    act(() => store.getState().setRunState('1', 'training'));
    fireEvent.keyDown(document.body, { key: ' ' });
    act(() => store.getState().setRunState('1', 'paused'));
    fireEvent.keyDown(document.body, { key: 's' });
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() =>
      expect(lab.calls.map((c) => c.method)).toEqual(['startRun', 'pauseRun', 'stepRun', 'stopRun']),
    );
    fireEvent.keyDown(document.body, { key: '?' });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Pause or resume the selected run')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(lab.calls.filter((c) => c.method === 'stopRun')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Help' }));
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it("shows a diverged run's reason and advice in a dismissible banner, and a rejected call as a toast", async () => {
    const { lab, store } = renderApp();
    act(() => {
      store.getState().upsertRun(makeRun('4', 'training', { name: 'fast' }));
      store.getState().setRunState('4', 'diverged', 'loss is NaN at iteration 120');
    });
    const banner = screen
      .getByText('fast diverged: loss is NaN at iteration 120')
      .closest('.banner') as HTMLElement;
    expect(within(banner).getByText(/smaller learning rate/)).toBeTruthy();
    fireEvent.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/fast diverged/)).toBeNull();

    lab.failNext('startRun', 'learningRate: Too big');
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    const toasts = screen.getByRole('region', { name: 'Notifications' });
    await waitFor(() => expect(within(toasts).getByText(/learningRate: Too big/)).toBeTruthy());
    expect(within(toasts).getByText('Could not start training')).toBeTruthy();
  });

  it('renames inline, hides from charts, and deletes after confirmation', async () => {
    const { lab, store } = renderApp();
    act(() => store.getState().upsertRun(makeRun('5', 'finished')));
    fireEvent.click(screen.getByRole('button', { name: 'Rename run 5' }));
    const field = screen.getByLabelText('Name of run 5');
    fireEvent.change(field, { target: { value: 'wide net' } });
    fireEvent.submit(field.closest('form')!);
    await waitFor(() => expect(store.getState().runs['5'].name).toBe('wide net'));
    // Charts redraw at most ~4 times a second, so the new name shows up shortly after.
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: 'Loss chart' })).getByText('wide net')).toBeTruthy(),
    );

    fireEvent.click(screen.getByLabelText('Show wide net on charts'));
    expect(store.getState().hiddenRuns['5']).toBe(true);
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: 'Loss chart' })).queryByText('wide net')).toBeNull(),
    );

    vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    fireEvent.click(screen.getByRole('button', { name: 'Delete wide net' }));
    expect(lab.calls.some((c) => c.method === 'deleteRun')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Delete wide net' }));
    await waitFor(() => expect(store.getState().runOrder).toEqual([]));
    expect(screen.getByText('No runs yet.')).toBeTruthy();
  });

  it('switches language from the UI and remembers it', () => {
    renderApp();
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ja' } });
    expect(screen.getByRole('button', { name: '学習' })).toBeTruthy();
    expect(screen.getByLabelText('学習率')).toBeTruthy();
    expect(localStorage.getItem('mnist-lab.language')).toBe('ja');
    expect(document.documentElement.lang).toBe('ja');
  });

  it('summarises the charts in text for screen readers', async () => {
    const { store } = renderApp();
    act(() => {
      store.getState().upsertRun(makeRun('6', 'training', { name: 'book' }));
      store.getState().appendIterations('6', {
        start: 1,
        losses: new Float32Array([2.3, 0.25]),
        learningRates: new Float32Array([0.1, 0.1]),
      });
      store.getState().appendEpoch('6', {
        epoch: 1,
        iteration: 600,
        trainAccuracy: 0.9012,
        trainLoss: 0.3,
        testAccuracy: 0.9056,
        testLoss: 0.3,
        testCorrect: 9056,
        testCount: 10_000,
        learningRate: 0.1,
        elapsedMs: 1000,
      });
    });
    await waitFor(() => expect(screen.getByText('book: last loss 0.25 at iteration 2.')).toBeTruthy());
    expect(screen.getByText('book: train accuracy 90.12%, test accuracy 90.56% at epoch 1.')).toBeTruthy();
  });
});

describe('menu actions and views', () => {
  it('applies theme, language and help from the app menu', () => {
    const { lab, store } = renderApp();
    let send: (action: MenuAction) => void = () => {};
    connectMenu(
      (listener) => {
        send = listener;
        return () => {};
      },
      lab,
      store,
    );
    act(() => send('theme:dark'));
    expect(document.documentElement.dataset.theme).toBe('dark');
    act(() => send('theme:system'));
    expect(document.documentElement.dataset.theme).toBeUndefined();
    act(() => send('language:ko'));
    expect(screen.getByRole('button', { name: '학습' })).toBeTruthy();
    act(() => send('shortcuts'));
    expect(screen.getByRole('dialog', { name: '키보드 단축키' })).toBeTruthy();
  });

  it('shows the charts tab first, among the inspect views', () => {
    renderApp();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Charts', 'Draw', 'Weights', 'Evaluate']);
    expect(screen.getByRole('tab', { name: 'Charts' }).getAttribute('aria-selected')).toBe('true');
    expect(within(screen.getByRole('tabpanel')).getByRole('region', { name: 'Loss chart' })).toBeTruthy();
  });
});

describe('accuracy chart', () => {
  it('adds a validation line only for runs that hold out a validation split', async () => {
    const { store } = renderApp();
    const epoch = (validationAccuracy?: number) => ({
      epoch: 1,
      iteration: 600,
      trainAccuracy: 0.9,
      trainLoss: 0.3,
      testAccuracy: 0.9,
      testLoss: 0.3,
      testCorrect: 9000,
      testCount: 10_000,
      learningRate: 0.1,
      elapsedMs: 1000,
      ...(validationAccuracy === undefined ? {} : { validationAccuracy, validationLoss: 0.3 }),
    });
    act(() => {
      store.getState().upsertRun(makeRun('v', 'training', { name: 'held' }));
      store.getState().upsertRun(makeRun('n', 'training', { name: 'plain' }));
      store.getState().appendEpoch('v', epoch(0.91));
      store.getState().appendEpoch('n', epoch());
    });
    const chart = screen.getByRole('region', { name: 'Accuracy chart' });
    await waitFor(() => expect(within(chart).getByText('held validation')).toBeTruthy());
    expect(within(chart).queryByText('plain validation')).toBeNull();
    expect(within(chart).getByText('plain test')).toBeTruthy();
  });
});

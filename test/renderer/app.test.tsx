// @vitest-environment jsdom
/**
 * The whole app against the real LabService: Train starts real worker-thread runs whose iteration,
 * epoch and state events reach the store through connectLab; the run controls follow the real
 * states; every rejection shown is one the real service made.
 */
import { messageText } from '../../src/shared/messages';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../src/renderer/i18n';
import type { LabStore } from '../../src/renderer/store';
import { cleanupApp, installResizeObserver, renderApp, SHORT_PANEL, typeConfig } from './helpers';
import { clearRuns, createLab, MISSING_DATASET, type LabService } from './realLab';

let lab: LabService;
beforeAll(() => {
  installResizeObserver();
  // Real worker threads start in about a second, more on a busy machine: wait generously.
  configure({ asyncUtilTimeout: 60_000 });
  lab = createLab();
});
afterEach(async () => {
  cleanupApp();
  changeLanguage('en');
  vi.restoreAllMocks();
  await clearRuns(lab);
});
afterAll(() => lab.close());

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const selected = (store: LabStore) => {
  const s = store.getState();
  return s.selectedRunId ? s.runs[s.selectedRunId] : undefined;
};
/** Iterations the store has received for the selected run. */
const received = (store: LabStore) =>
  store.getState().metrics[store.getState().selectedRunId!]?.losses.length ?? 0;
const toasts = () => screen.getByRole('region', { name: 'Notifications' });
/** Lets debounced sends (150 ms) and the service's answers happen. */
const settle = (ms = 500) => act(() => new Promise((r) => setTimeout(r, ms)));

/**
 * A run paused within its first few iterations: Pause is pressed while it is still 'starting', so
 * the worker reads it as soon as it trains. 300 iterations of batch 500 would take a while, but
 * these runs are stopped long before.
 */
async function trainPaused(store: LabStore) {
  typeConfig({ ...SHORT_PANEL, Iterations: 300, 'Batch size': 500 });
  fireEvent.click(button('Train'));
  await waitFor(() => expect(selected(store)?.state).toBe('starting'));
  expect([
    button('Pause').disabled,
    button('Resume').disabled,
    button('Step').disabled,
    button('Stop').disabled,
  ]).toEqual([false, true, true, false]);
  fireEvent.click(button('Pause'));
  await waitFor(() => expect(selected(store)?.state).toBe('paused'));
  return selected(store)!.id;
}

describe('app with the real service', () => {
  it('starts a new run with the current config on each Train click and receives its events', async () => {
    const { store } = renderApp(lab);
    typeConfig({ ...SHORT_PANEL, 'Batch size': 200 });
    fireEvent.click(button('Train'));
    await waitFor(() => expect(store.getState().runOrder).toHaveLength(1));
    const first = store.getState().runOrder[0];
    expect(store.getState().selectedRunId).toBe(first);
    fireEvent.click(button('Train'));
    await waitFor(() => expect(store.getState().runOrder).toHaveLength(2));
    const second = store.getState().runOrder[1];
    expect(store.getState().selectedRunId).toBe(second);

    const runs = await lab.listRuns();
    expect(runs.map((r) => r.id)).toEqual([first, second]);
    for (const r of runs)
      expect(r.config).toMatchObject({ batchSize: 200, iterations: 100, evalEvery: 50, hidden: [20] });
    // Real events: every iteration's loss, an epoch point at 50 and 100, then 'finished'.
    for (const id of [first, second]) {
      await waitFor(() => expect(store.getState().runs[id].state).toBe('finished'));
      const series = store.getState().metrics[id];
      expect(series.losses.length).toBe(100);
      expect(series.epochs.map((e) => e.iteration)).toEqual([50, 100]);
      expect(Array.from(series.losses.view())).toEqual(Array.from((await lab.getRunMetrics(id)).losses));
    }
    const name = (id: string) => store.getState().runs[id].name;
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: 'Loss chart' })).getByText(name(first))).toBeTruthy(),
    );
    expect(
      within(screen.getByRole('region', { name: 'Accuracy chart' })).getByText(`${name(second)} test`),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Learning rate chart' })).getByText(name(second)),
    ).toBeTruthy();
  });

  it("names a new run by its number in the UI's language", async () => {
    const { store } = renderApp(lab);
    typeConfig(SHORT_PANEL);
    const number = (id: string) => /^run-(\d+)-/.exec(id)![1];
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ja' } });
    fireEvent.click(button('学習'));
    await waitFor(() => expect(store.getState().runOrder).toHaveLength(1));
    const ja = selected(store)!;
    expect(ja.name).toBe(`学習 ${number(ja.id)}`);
    fireEvent.change(screen.getByLabelText('言語'), { target: { value: 'ko' } });
    fireEvent.click(button('학습'));
    await waitFor(() => expect(store.getState().runOrder).toHaveLength(2));
    const ko = selected(store)!;
    expect(ko.name).toBe(`학습 ${number(ko.id)}`);
    expect(screen.getByRole('button', { name: `${ko.name} 선택` })).toBeTruthy();
  });

  it("enables Pause/Resume/Step/Stop by the selected run's real state", async () => {
    const { store } = renderApp(lab);
    const id = await trainPaused(store);
    expect([button('Pause').disabled, button('Resume').disabled, button('Step').disabled]).toEqual([
      true,
      false,
      false,
    ]);
    const before = received(store);
    fireEvent.click(button('Step'));
    await waitFor(() => expect(received(store)).toBe(before + 1));
    fireEvent.click(button('Resume'));
    await waitFor(() => expect(selected(store)?.state).toBe('training'));
    expect([button('Pause').disabled, button('Resume').disabled, button('Step').disabled]).toEqual([
      false,
      true,
      true,
    ]);
    fireEvent.click(button('Stop'));
    await waitFor(() => expect(selected(store)?.state).toBe('stopped'));
    expect([
      button('Pause').disabled,
      button('Resume').disabled,
      button('Step').disabled,
      button('Stop').disabled,
    ]).toEqual([true, true, true, true]);
    expect((await lab.listRuns()).find((r) => r.id === id)?.state).toBe('stopped');
    expect(store.getState().notices).toEqual([]);
  });

  it('sends a learning-rate change to the live selected run, not to a stopped one', async () => {
    const { store } = renderApp(lab);
    await trainPaused(store);
    fireEvent.change(screen.getByLabelText('Learning rate'), { target: { value: '0.02' } });
    await settle();
    // The worker took it: the next (stepped) iteration trains at 0.02.
    const before = received(store);
    fireEvent.click(button('Step'));
    await waitFor(() => expect(received(store)).toBe(before + 1));
    const rates = store.getState().metrics[store.getState().selectedRunId!].learningRates;
    for (let i = 0; i < before; i++) expect(rates.at(i)).toBeCloseTo(0.1, 6);
    expect(rates.at(before)).toBeCloseTo(0.02, 6);
    fireEvent.click(button('Stop'));
    await waitFor(() => expect(selected(store)?.state).toBe('stopped'));
    // The service would reject a stopped run's learning rate (a toast); nothing is sent at all.
    fireEvent.change(screen.getByLabelText('Learning rate'), { target: { value: '0.03' } });
    await settle();
    expect(store.getState().notices).toEqual([]);
    expect(within(toasts()).queryByText('Could not change the learning rate')).toBeNull();
  });

  it('keyboard: Enter trains, Space pauses, S steps, Esc stops; not while typing; ? opens Help', async () => {
    const { store } = renderApp(lab);
    typeConfig({ ...SHORT_PANEL, Iterations: 300, 'Batch size': 500 });
    fireEvent.keyDown(screen.getByLabelText('Learning rate'), { key: 'Enter' });
    await settle(200);
    expect(await lab.listRuns()).toEqual([]);
    fireEvent.keyDown(document.body, { key: 'Enter' });
    await waitFor(() => expect(selected(store)?.state).toBe('training'));
    fireEvent.keyDown(document.body, { key: ' ' });
    await waitFor(() => expect(selected(store)?.state).toBe('paused'));
    const before = received(store);
    fireEvent.keyDown(document.body, { key: 's' });
    await waitFor(() => expect(received(store)).toBe(before + 1));
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(selected(store)?.state).toBe('stopped'));
    fireEvent.keyDown(document.body, { key: '?' });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Pause or resume the selected run')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(button('Help'));
    expect(screen.getByRole('dialog')).toBeTruthy();
    // Only one run was started, and no command was refused.
    expect(await lab.listRuns()).toHaveLength(1);
    expect(store.getState().notices).toEqual([]);
  });

  it("shows a really diverged run's reason and advice in a dismissible banner", async () => {
    const { store } = renderApp(lab);
    fireEvent.change(screen.getByLabelText('Loss function'), { target: { value: 'identity-mse' } });
    typeConfig({ ...SHORT_PANEL, Iterations: 300, 'Learning rate': 10 });
    fireEvent.click(button('Train'));
    await waitFor(() => expect(selected(store)?.state).toBe('diverged'));
    const run = selected(store)!;
    const reason = run.message ? messageText(run.message) : '';
    const at = Number(/at iteration (\d+)/.exec(reason)?.[1]);
    let banner = screen.getByText(`${run.name} diverged: ${reason}`).closest('.banner') as HTMLElement;
    expect(within(banner).getByText(/smaller learning rate/)).toBeTruthy();
    // In Japanese the worker's reason is shown in Japanese too, with the same numbers.
    act(() => changeLanguage('ja'));
    const lr = /learning rate \(([^)]+)\)/.exec(reason)?.[1];
    const ja = `${run.name} は発散しました：イテレーション ${at} で損失が`;
    banner = screen.getByText((text) => text.startsWith(ja)).closest('.banner') as HTMLElement;
    expect(banner.textContent).toContain(`学習率（${lr}）が大きすぎる可能性があります`);
    expect(banner.textContent).not.toMatch(/loss became/);
    act(() => changeLanguage('en'));
    fireEvent.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/diverged:/)).toBeNull();
    // It stopped before its 300 iterations, at the iteration the message names (its last loss).
    const losses = store.getState().metrics[run.id].losses;
    expect(at).toBeLessThan(300);
    expect(losses.length).toBe(at);
    expect(Number.isFinite(losses.at(at - 1))).toBe(false);
  });

  it('shows why a failed run failed and what to try; the app goes on training', async () => {
    const { store } = renderApp(lab);
    const long = await trainPaused(store);
    fireEvent.click(button('Resume'));
    await waitFor(() => expect(selected(store)?.state).toBe('training'));
    // Its worker thread dies mid-run, as a crash would end it.
    await lab.__testKillWorker(long);
    await waitFor(() => expect(store.getState().runs[long].state).toBe('failed'));
    const { name, message } = store.getState().runs[long];
    // The message crosses as data ({ code, params }) and is shown in words only here.
    expect(message?.code).toBe('threadExited');
    const text = messageText(message!);
    expect(text).toMatch(/training thread exited unexpectedly/);
    const banner = screen.getByText(`${name} failed: ${text}`).closest('.banner') as HTMLElement;
    expect(within(banner).getByText(/Other runs are unaffected\. Try starting it again/)).toBeTruthy();
    // Train still starts a run, which finishes.
    typeConfig({ ...SHORT_PANEL, Iterations: 100 });
    fireEvent.click(button('Train'));
    await waitFor(() => expect(selected(store)?.id).not.toBe(long));
    await waitFor(() => expect(selected(store)?.state).toBe('finished'));
    expect(store.getState().runs[long].state).toBe('failed');
  });

  it('shows what the service rejected as a toast: a dataset folder that is gone', async () => {
    const broken = createLab({ datasetFolder: MISSING_DATASET });
    try {
      const { store } = renderApp(broken);
      await waitFor(() =>
        expect(within(toasts()).getByText('Could not open the dataset folder')).toBeTruthy(),
      );
      expect(within(toasts()).getByText(/Dataset folder not found/)).toBeTruthy();
      fireEvent.click(button('Train'));
      await waitFor(() => expect(within(toasts()).getByText('Could not start training')).toBeTruthy());
      const notFound = { code: 'folderNotFound', params: { folder: MISSING_DATASET } };
      expect(store.getState().notices.map((n) => n.message)).toEqual([notFound, notFound]);
      expect(store.getState().runOrder).toEqual([]);
    } finally {
      await broken.close();
    }
  });
});

describe('run list with the real service', () => {
  it('renames through the service, hides from charts, and deletes after confirmation', async () => {
    const { store } = renderApp(lab);
    typeConfig(SHORT_PANEL);
    fireEvent.click(button('Train'));
    await waitFor(() => expect(selected(store)?.state).toBe('finished'));
    const { id, name } = selected(store)!;
    fireEvent.click(button(`Rename ${name}`));
    const field = screen.getByLabelText(`Name of ${name}`);
    fireEvent.change(field, { target: { value: 'wide net' } });
    fireEvent.submit(field.closest('form')!);
    await waitFor(() => expect(store.getState().runs[id].name).toBe('wide net'));
    expect((await lab.listRuns()).find((r) => r.id === id)?.name).toBe('wide net');
    // Charts redraw at most ~4 times a second, so the new name shows up shortly after.
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: 'Loss chart' })).getByText('wide net')).toBeTruthy(),
    );

    fireEvent.click(screen.getByLabelText('Show wide net on charts'));
    expect(store.getState().hiddenRuns[id]).toBe(true);
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: 'Loss chart' })).queryByText('wide net')).toBeNull(),
    );

    // window.confirm stands for the user's answer (jsdom has no dialogs): first No, then Yes.
    vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    fireEvent.click(button('Delete wide net'));
    await settle(200);
    expect((await lab.listRuns()).map((r) => r.id)).toEqual([id]);
    fireEvent.click(button('Delete wide net'));
    await waitFor(() => expect(store.getState().runOrder).toEqual([]));
    expect(await lab.listRuns()).toEqual([]);
    expect(screen.getByText('No runs yet.')).toBeTruthy();
  });
});

// @vitest-environment jsdom
/**
 * connectLab, the chart summaries, the menu and the views, against the real LabService: the runs
 * are trained for real before the app connects, the way the app finds past runs when it opens.
 */
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { changeLanguage } from '../../src/renderer/i18n';
import pkg from '../../package.json';
import type { LabApi } from '../../src/shared/api';
import type { MenuAction, ShellApi } from '../../src/shared/shell';
import { createLabStore } from '../../src/renderer/store';
import { connectLab } from '../../src/renderer/store/connectLab';
import { connectMenu } from '../../src/renderer/store/connectMenu';
import { cleanupApp, installResizeObserver, renderApp } from './helpers';
import { clearRuns, createLab, MISSING_DATASET, SHORT_RUN, trainToEnd, type LabService } from './realLab';

let lab: LabService;
beforeAll(() => {
  installResizeObserver();
  configure({ asyncUtilTimeout: 60_000 });
  lab = createLab();
});
afterEach(async () => {
  cleanupApp();
  changeLanguage('en');
  await clearRuns(lab);
});
afterAll(() => lab.close());

describe('connectLab', () => {
  it("loads the service's runs with their metrics, then applies its events through the store", async () => {
    const past = await trainToEnd(lab, SHORT_RUN, 'past');
    const store = createLabStore();
    const disconnect = connectLab(lab, store);
    await waitFor(() => expect(store.getState().metrics[past.id]?.losses.length).toBe(100));
    expect(store.getState().runOrder).toEqual([past.id]);
    expect(store.getState().selectedRunId).toBe(past.id);
    expect(store.getState().metrics[past.id].epochs).toEqual((await lab.getRunMetrics(past.id)).epochs);
    await waitFor(() => expect(store.getState().dataset?.testCount).toBe(10_000));

    // A run started now arrives as events: added, iterations, epochs, its end state.
    const live = await lab.startRun(SHORT_RUN, 'live');
    await waitFor(() => expect(store.getState().runs[live.id]?.state).toBe('finished'));
    const series = store.getState().metrics[live.id];
    expect(series.losses.length).toBe(100);
    expect(series.epochs.map((e) => e.iteration)).toEqual([50, 100]);

    await lab.deleteRun(past.id);
    expect(store.getState().runOrder).toEqual([live.id]);
    disconnect();
    await lab.renameRun(live.id, 'renamed after disconnect');
    expect(store.getState().runs[live.id].name).toBe('live');
  });

  it("turns the service's refusal to load the dataset into a notice", async () => {
    const broken = createLab({ datasetFolder: MISSING_DATASET });
    try {
      const store = createLabStore();
      connectLab(broken, store);
      await waitFor(() => expect(store.getState().notices).toHaveLength(1));
      expect(store.getState().notices[0]).toMatchObject({
        titleKey: 'notice.datasetFailed',
        message: { code: 'folderNotFound', params: { folder: MISSING_DATASET } },
      });
      expect(store.getState().dataset).toBeNull();
    } finally {
      await broken.close();
    }
  });
});

describe('charts of real runs', () => {
  it('summarises the charts in text for screen readers', async () => {
    const run = await trainToEnd(lab, SHORT_RUN, 'book');
    const metrics = await lab.getRunMetrics(run.id);
    const last = metrics.epochs[metrics.epochs.length - 1];
    renderApp(lab);
    const loss = String(Number(metrics.losses[metrics.losses.length - 1].toPrecision(4)));
    await waitFor(() => expect(screen.getByText(`book: last loss ${loss} at iteration 100.`)).toBeTruthy());
    const pct = (a: number) => `${(a * 100).toFixed(2)}%`;
    // 100 iterations of 600 an epoch (60,000 images, batch 100): the chart counts epochs, not evaluations.
    expect(run.iterationsPerEpoch).toBe(600);
    expect(
      screen.getByText(
        `book: train accuracy ${pct(last.trainAccuracy)}, test accuracy ${pct(last.testAccuracy)} at epoch 0.17.`,
      ),
    ).toBeTruthy();
  });

  it('adds a validation line only for runs that hold out a validation split', async () => {
    await Promise.all([
      trainToEnd(lab, { ...SHORT_RUN, validationSplit: 0.1 }, 'held'),
      trainToEnd(lab, SHORT_RUN, 'plain'),
    ]);
    const held = (await lab.listRuns()).find((r) => r.name === 'held')!;
    expect((await lab.getRunMetrics(held.id)).epochs[0].validationAccuracy).toBeGreaterThan(0);
    renderApp(lab);
    const chart = screen.getByRole('region', { name: 'Accuracy chart' });
    await waitFor(() => expect(within(chart).getByText('held validation')).toBeTruthy());
    expect(within(chart).queryByText('plain validation')).toBeNull();
    expect(within(chart).getByText('plain test')).toBeTruthy();
  });
});

describe('menu actions and views', () => {
  it('switches language from the UI and remembers it', () => {
    renderApp(lab);
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ja' } });
    expect(screen.getByRole('button', { name: '学習' })).toBeTruthy();
    expect(screen.getByLabelText('学習率')).toBeTruthy();
    expect(localStorage.getItem('mnist-lab.language')).toBe('ja');
    expect(document.documentElement.lang).toBe('ja');
  });

  it('applies theme, language, shortcuts and about from the app menu, and tells the shell the language', () => {
    const { store } = renderApp(lab);
    // What the Electron preload gives as lab.shell (the Electron binary is absent here).
    let send: (action: MenuAction) => void = () => {};
    const reported: string[] = [];
    const shell: ShellApi = {
      onMenu: (listener) => {
        send = listener;
        return () => {};
      },
      setLanguage: async (language) => void reported.push(language),
    };
    const disconnect = connectMenu(lab, store, shell);
    expect(reported).toEqual(['en']);
    act(() => send('theme:dark'));
    expect(document.documentElement.dataset.theme).toBe('dark');
    act(() => send('theme:system'));
    expect(document.documentElement.dataset.theme).toBeUndefined();
    act(() => send('language:ko'));
    expect(screen.getByRole('button', { name: '학습' })).toBeTruthy();
    act(() => send('shortcuts'));
    expect(screen.getByRole('dialog', { name: '키보드 단축키' })).toBeTruthy();
    act(() => send('about'));
    const about = screen.getByRole('dialog', { name: 'MNIST Lab 정보' });
    expect(within(about).getByText(`버전 ${pkg.version}`)).toBeTruthy();
    fireEvent.click(within(about).getByRole('button', { name: '닫기' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    // The header's picker reports too; an unknown action from the channel changes nothing.
    fireEvent.change(screen.getByLabelText('언어'), { target: { value: 'ja' } });
    act(() => send('format-disk' as MenuAction));
    expect(reported).toEqual(['en', 'ko', 'ja']);
    expect(screen.queryByRole('dialog')).toBeNull();
    disconnect();
    act(() => send('language:en'));
    expect(reported).toEqual(['en', 'ko', 'ja']);
  });

  it('has nothing to connect in a browser (no lab.shell)', () => {
    const { store } = renderApp(lab);
    expect((lab as LabApi).shell).toBeUndefined();
    expect(() => connectMenu(lab, store)()).not.toThrow();
  });

  it('Help lists the shortcuts and leads to About', () => {
    renderApp(lab);
    fireEvent.click(screen.getByRole('button', { name: 'Help' }));
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const key of ['Enter', 'Space', 'S', 'Esc']) expect(within(help).getByText(key)).toBeTruthy();
    fireEvent.click(within(help).getByRole('button', { name: 'About MNIST Lab' }));
    expect(screen.getByRole('dialog', { name: 'About MNIST Lab' })).toBeTruthy();
    expect(screen.getByText(`Version ${pkg.version}`)).toBeTruthy();
  });

  it('shows the charts tab first, among the inspect views', () => {
    renderApp(lab);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Charts', 'Draw', 'Weights', 'Evaluate']);
    expect(screen.getByRole('tab', { name: 'Charts' }).getAttribute('aria-selected')).toBe('true');
    expect(within(screen.getByRole('tabpanel')).getByRole('region', { name: 'Loss chart' })).toBeTruthy();
  });

  it('the Weights tab shows the selected real run: one tile per hidden unit', async () => {
    const run = await trainToEnd(lab, SHORT_RUN, 'tiny');
    expect(run.state).toBe('finished');
    renderApp(lab);
    fireEvent.click(screen.getByRole('tab', { name: 'Weights' }));
    const grid = await screen.findByRole('group', { name: 'First-layer weights' });
    expect(within(grid).getAllByRole('button', { name: /^Hidden unit \d+$/ })).toHaveLength(20);
  });
});

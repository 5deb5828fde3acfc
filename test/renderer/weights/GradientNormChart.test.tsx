// @vitest-environment jsdom
/**
 * The weight visualizer's "gradient magnitude per layer" chart against the real LabService: one
 * line per weight layer for a really trained run (784-20-12-10), live through the real store while
 * a run trains, and a line explaining why there is no chart for an imported run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatValue } from '../../../src/renderer/charts/chartData';
import { WeightVisualizer } from '../../../src/renderer/weights/WeightVisualizer';
import { createLabStore, StoreProvider, useLabStore } from '../../../src/renderer/store';
import { connectLab } from '../../../src/renderer/store/connectLab';
import { selectSelectedEpochs } from '../../../src/renderer/store/selectors';
import type { EpochMetrics, RunSummary } from '../../../src/shared/runs';
import { installResizeObserver } from '../helpers';
import { createLab, SHORT_RUN, trainToEnd, waitForState, type LabService } from '../realLab';
import { initInspectI18n } from '../common/setup';

const bookDir = path.resolve(process.cwd(), '../shared/fixtures/book');
const TITLE = 'Gradient magnitude per layer';

let lab: LabService;
let trained: RunSummary;
let trainedEpochs: EpochMetrics[];

beforeAll(async () => {
  configure({ asyncUtilTimeout: 60_000 });
  installResizeObserver();
  lab = createLab();
  trained = await trainToEnd(lab, { ...SHORT_RUN, hidden: [20, 12] }, 'two layers');
  trainedEpochs = (await lab.getRunMetrics(trained.id)).epochs;
});
afterEach(cleanup);
afterAll(() => lab.close());

/** The layer names in the chart's legend. */
const legendOf = (region: HTMLElement) =>
  within(within(region).getByRole('list', { name: 'Layers' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('gradient magnitude per layer', () => {
  it('a trained run: one line per weight layer, and a text summary with each latest norm', () => {
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <WeightVisualizer lab={lab} runs={[trained]} runId={trained.id} epochs={trainedEpochs} />
      </I18nextProvider>,
    );
    const region = screen.getByRole('region', { name: TITLE });
    expect(legendOf(region)).toEqual(['W1', 'W2', 'W3']);
    expect(within(region).getByText(/^L2 norm ‖∂L\/∂W‖ .* every 10th iteration/)).toBeTruthy();
    // SHORT_RUN evaluates at 50 and 100 of 600 iterations an epoch: epochs 0.08 and 0.17.
    const [first, last] = trainedEpochs;
    const summary = within(region)
      .getAllByText(/^W\d: /)
      .map((p) => p.textContent);
    expect(summary).toEqual(
      [0, 1, 2].map(
        (l) =>
          `W${l + 1}: ${formatValue(last.gradientNorms![l])} at epoch 0.17 ` +
          `(started at ${formatValue(first.gradientNorms![l])} at epoch 0.08)`,
      ),
    );
    expect(within(region).queryByText(/No gradient record/)).toBeNull();
  });

  it('an imported run: no chart, a line saying gradients are measured only while the app trains', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(bookDir, 'sample_weight.pkl')));
    const preview = await lab.openWeights('sample_weight.pkl', bytes);
    const imported = await lab.importWeights(preview.pendingId, { activation: 'sigmoid' });
    const { epochs } = await lab.getRunMetrics(imported.id);
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <WeightVisualizer lab={lab} runs={[imported]} runId={imported.id} epochs={epochs} />
      </I18nextProvider>,
    );
    const region = screen.getByRole('region', { name: TITLE });
    expect(region.textContent).toContain(
      'No gradient record for this run: the app measures gradients only while it trains a run, ' +
        'so imported runs and runs saved by an older version have none.',
    );
    expect(within(region).queryByRole('list', { name: 'Layers' })).toBeNull();
    // The weights themselves are still shown.
    expect(await screen.findByRole('img', { name: 'W2 (50×100)' })).toBeTruthy();
    await lab.deleteRun(imported.id);
  });

  it('in Japanese, with the book’s terms', () => {
    render(
      <I18nextProvider i18n={initInspectI18n('ja')}>
        <WeightVisualizer lab={lab} runs={[trained]} runId={trained.id} epochs={trainedEpochs} />
      </I18nextProvider>,
    );
    const region = screen.getByRole('region', { name: '層ごとの勾配の大きさ' });
    expect(within(region).getByRole('list', { name: '層' })).toBeTruthy();
  });

  it('live: fed by the real store, the chart grows as the training run posts evaluation points', async () => {
    const store = createLabStore();
    const disconnect = connectLab(lab, store);
    function Live() {
      const runs = Object.values(useLabStore((s) => s.runs));
      const runId = useLabStore((s) => s.selectedRunId);
      const epochs = useLabStore(selectSelectedEpochs) ?? [];
      return <WeightVisualizer lab={lab} runs={runs} runId={runId} epochs={epochs} pollMs={200} />;
    }
    // 400 iterations of batch 500 evaluated every 100: four points, the first well after the start.
    const run = await lab.startRun({
      ...SHORT_RUN,
      hidden: [20, 12],
      iterations: 400,
      batchSize: 500,
      evalEvery: 100,
    });
    store.getState().selectRun(run.id);
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <StoreProvider store={store}>
          <Live />
        </StoreProvider>
      </I18nextProvider>,
    );
    const region = await screen.findByRole('region', { name: TITLE });
    await waitFor(() => expect(within(region).queryAllByText(/^W\d: /)).toHaveLength(3));
    await waitForState(lab, run.id, ['finished']);
    // Once finished, the summary names the last evaluation point: iteration 400 of 120 an epoch.
    await waitFor(() => expect(within(region).getByText(/^W1: .* at epoch 3\.33 /)).toBeTruthy());
    expect(legendOf(region)).toEqual(['W1', 'W2', 'W3']);
    disconnect();
    await lab.deleteRun(run.id);
  });
});

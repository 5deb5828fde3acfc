// @vitest-environment jsdom
/**
 * Importing weights in the browser UI against the real LabService: the book's sample_weight.pkl
 * chosen in the file input opens the dialog with 784-50-100-10 and Sigmoid preselected (the book's
 * choice); Import adds an imported run. A broken file shows the service's message in the notices
 * and opens no dialog; Cancel imports nothing. A JSON export is preselected with its own activation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanupApp, installResizeObserver, renderApp, typeConfig } from '../helpers';
import { clearRuns, createLab, type LabService } from '../realLab';

const bookDir = path.resolve(process.cwd(), '../shared/fixtures/book');
let lab: LabService;
beforeAll(() => {
  installResizeObserver();
  configure({ asyncUtilTimeout: 60_000 });
  lab = createLab();
});
afterEach(async () => {
  cleanupApp();
  await clearRuns(lab);
});
afterAll(() => lab.close());

/** Chooses `bytes` as `name` in the run list's file input, as a user does. */
function chooseFile(name: string, bytes: Uint8Array) {
  const input = screen.getByTestId('import-weights-file') as HTMLInputElement;
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
  fireEvent.change(input, { target: { files: [file] } });
}
const sample = () => new Uint8Array(readFileSync(path.join(bookDir, 'sample_weight.pkl')));

/** Imports sample_weight.pkl through the dialog with its preselected choices; returns the new run. */
async function importSample() {
  chooseFile('sample_weight.pkl', sample());
  const dialog = await screen.findByRole('dialog', { name: 'Import weights' });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  const [run] = await lab.listRuns();
  return run;
}

describe('the import dialog', () => {
  it("preselects Sigmoid for the book's sample_weight.pkl, shows its architecture, and Import adds the run", async () => {
    const { store } = renderApp(lab);
    expect(screen.getByRole('button', { name: 'Import weights…' })).toBeTruthy();
    chooseFile('sample_weight.pkl', sample());
    const dialog = await screen.findByRole('dialog', { name: 'Import weights' });
    expect(within(dialog).getByText('784-50-100-10')).toBeTruthy();
    expect(within(dialog).getByText('sample_weight.pkl')).toBeTruthy();
    const select = within(dialog).getByLabelText('Activation') as HTMLSelectElement;
    expect(select.value).toBe('sigmoid');
    expect(within(dialog).getByText(/does not record its activation/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Import weights' })).toBeNull());
    const runs = await lab.listRuns();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ name: 'sample_weight', state: 'imported', source: 'imported' });
    expect(runs[0].config.activation).toBe('sigmoid');
    expect(store.getState().selectedRunId).toBe(runs[0].id);
    expect(screen.getByRole('button', { name: 'Select sample_weight' })).toBeTruthy();
    expect((await lab.evaluateRun(runs[0].id)).correct).toBe(9352);
  }, 60_000);

  it("a .pkl (no settings in it) takes the panel's settings for training further, and says so", async () => {
    renderApp(lab);
    typeConfig({ 'Learning rate': 0.02, 'Batch size': 50 });
    fireEvent.change(screen.getByLabelText('Optimizer'), { target: { value: 'momentum' } });
    chooseFile('sample_weight.pkl', sample());
    const dialog = await screen.findByRole('dialog', { name: 'Import weights' });
    expect(within(dialog).getByText(/training it further uses the panel’s/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [run] = await lab.listRuns();
    expect(run.config).toMatchObject({
      hidden: [50, 100],
      activation: 'sigmoid',
      optimizer: 'momentum',
      learningRate: 0.02,
      batchSize: 50,
    });
  }, 60_000);

  it('an imported run trains further from its weights with one click; then Pause and Stop work as for any run', async () => {
    const { store } = renderApp(lab);
    const run = await importSample();
    expect(screen.getByRole('button', { name: 'Pause' })).toHaveProperty('disabled', true);
    store.getState().selectRun(null); // the button selects the run it belongs to
    fireEvent.click(
      screen.getByRole('button', { name: 'Train sample_weight further, starting from its imported weights' }),
    );
    expect(store.getState().selectedRunId).toBe(run.id);
    await waitFor(() => expect(store.getState().runs[run.id]?.state).toBe('training'));
    // Continuing from the book's 93.5 % weights: the first losses are far below a fresh net's ~2.3.
    await waitFor(() => expect(store.getState().metrics[run.id]?.losses.length ?? 0).toBeGreaterThan(0));
    expect(store.getState().metrics[run.id]!.losses.at(0)).toBeLessThan(0.6);
    expect(screen.queryByRole('button', { name: /further, starting from/ })).toBeNull();
    const pause = screen.getByRole('button', { name: 'Pause' });
    await waitFor(() => expect(pause).toHaveProperty('disabled', false));
    fireEvent.click(pause);
    await waitFor(() => expect(store.getState().runs[run.id]?.state).toBe('paused'));
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(store.getState().runs[run.id]?.state).toBe('stopped'));
    expect(screen.queryAllByRole('alert')).toEqual([]);
  }, 90_000);

  it('the control bar treats a selected imported run like a paused one: Step trains one iteration', async () => {
    const { store } = renderApp(lab);
    const run = await importSample();
    expect(store.getState().selectedRunId).toBe(run.id);
    const bar = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
    expect([
      bar('Pause').disabled,
      bar('Resume').disabled,
      bar('Step').disabled,
      bar('Stop').disabled,
    ]).toEqual([true, false, false, true]);
    fireEvent.click(bar('Step'));
    await waitFor(() => expect(store.getState().metrics[run.id]?.losses.length ?? 0).toBe(1));
    // The book's trained weights: the first step's loss is already low.
    expect(store.getState().metrics[run.id]!.losses.at(0)).toBeLessThan(0.6);
    await waitFor(() => expect(store.getState().runs[run.id]?.state).toBe('paused'));
    fireEvent.click(bar('Stop'));
    await waitFor(() => expect(store.getState().runs[run.id]?.state).toBe('stopped'));
  }, 90_000);

  it("a broken file: the service's message in the notices, no dialog, no run", async () => {
    renderApp(lab);
    const cut = sample().subarray(0, 5000);
    chooseFile('cut.pkl', cut);
    const notices = screen.getByRole('region', { name: 'Notifications' });
    const alert = await within(notices).findByRole('alert');
    expect(alert.textContent).toMatch(/^Could not import the weights: cut\.pkl cannot be imported: /);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await lab.listRuns()).toEqual([]);
  }, 60_000);

  it('a JSON export preselects its own activation; Cancel imports nothing', async () => {
    renderApp(lab);
    chooseFile('sample_weight.pkl', sample());
    let dialog = await screen.findByRole('dialog', { name: 'Import weights' });
    fireEvent.change(within(dialog).getByLabelText('Activation'), { target: { value: 'tanh' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [run] = await lab.listRuns();
    const json = await lab.exportWeights(run.id, 'json');
    chooseFile(json.fileName, json.bytes!);
    dialog = await screen.findByRole('dialog', { name: 'Import weights' });
    expect((within(dialog).getByLabelText('Activation') as HTMLSelectElement).value).toBe('tanh');
    expect(within(dialog).getByText('The file records its activation.')).toBeTruthy();
    expect(within(dialog).getByText('Training it further uses the settings the file records.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await act(() => new Promise((r) => setTimeout(r, 200)));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await lab.listRuns()).toHaveLength(1);
  }, 60_000);

  // CNN weights in and out (cnnio)
  it("the book's ch07 params.pkl: the dialog names SimpleConvNet with its shapes, asks no activation; Import scores 9600", async () => {
    renderApp(lab);
    chooseFile('params.pkl', new Uint8Array(readFileSync(path.join(bookDir, 'params.pkl'))));
    const dialog = await screen.findByRole('dialog', { name: 'Import weights' });
    expect(within(dialog).getByText(/SimpleConvNet \(ch07\)/)).toBeTruthy();
    expect(
      within(dialog).getByText('W1 30×1×5×5, b1 30, W2 4320×100, b2 100, W3 100×10, b3 10'),
    ).toBeTruthy();
    expect(within(dialog).queryByLabelText('Activation')).toBeNull();
    expect(within(dialog).getByText('Convolutional networks use ReLU, as in the book.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Run name'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [run] = await lab.listRuns();
    expect(run.config).toMatchObject({ arch: 'simple-convnet', filters: 30, filterSize: 5, convHidden: 100 });
    expect((await lab.evaluateRun(run.id)).correct).toBe(9600);
  }, 60_000);
});

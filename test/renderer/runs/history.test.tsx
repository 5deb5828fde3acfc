// @vitest-environment jsdom
/**
 * The run history in the UI, against a real LabService on a data folder: a finished run saved by one
 * service shows up, with its curve, in a fresh app on a new service over the same folder; Re-run starts
 * a new run with the same config; an interrupted run is labelled as such.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupApp, installResizeObserver, renderApp } from '../helpers';
import { createLab, waitForState, type LabService } from '../realLab';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mnist-ui-history-'));
const labs: LabService[] = [];
beforeAll(() => {
  installResizeObserver();
  configure({ asyncUtilTimeout: 60_000 });
});
afterAll(async () => {
  cleanupApp();
  await Promise.all(labs.map((l) => l.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('run history in the run list', () => {
  it('a saved run comes back with its curve in a new service; Re-run trains the same config again', async () => {
    const first = createLab({ dataDir });
    labs.push(first);
    const run = await first.startRun({ hidden: [24], iterations: 120, evalEvery: 60, seed: 5 }, 'kept');
    await waitForState(first, run.id, ['finished']);
    // weights.json records the evaluation its weights were scored on: the last one, at 120.
    await waitFor(async () =>
      expect(
        JSON.parse(readFileSync(path.join(dataDir, run.id, 'weights.json'), 'utf8')).metrics.epochs.at(-1)
          .iteration,
      ).toBe(120),
    );
    await first.close();

    // Mark it as if the app had died mid-run, to see the interrupted label too.
    const runFile = path.join(dataDir, run.id, 'run.json');
    const doc = JSON.parse(readFileSync(runFile, 'utf8'));
    doc.summary.state = 'training';
    writeFileSync(runFile, JSON.stringify(doc));

    const second = createLab({ dataDir });
    labs.push(second);
    const { store } = renderApp(second);
    await screen.findByRole('button', { name: 'Select kept' });
    expect(screen.getByText('Interrupted')).toBeTruthy();
    await waitFor(() => expect(store.getState().metrics[run.id]?.losses.length).toBe(120));

    fireEvent.click(screen.getByRole('button', { name: 'Train kept again with the same settings' }));
    await waitFor(async () => expect(await second.listRuns()).toHaveLength(2));
    const [, rerun] = await second.listRuns();
    expect(rerun.config).toEqual(run.config);
    expect(store.getState().selectedRunId).toBe(rerun.id);
    await waitForState(second, rerun.id, ['finished']);
  }, 120_000);
});

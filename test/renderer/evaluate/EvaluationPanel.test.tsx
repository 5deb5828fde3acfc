// @vitest-environment jsdom
/**
 * The evaluation panel against the real LabService: a short run is really trained, the panel asks
 * the service to classify the 10,000 test images, and every expected number below is computed
 * from the service's own TestEvaluation of that run (asked once, directly, in beforeAll).
 */
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EvaluationPanel } from '../../../src/renderer/evaluate/EvaluationPanel';
import type { TestEvaluation } from '../../../src/shared/api';
import type { RunSummary } from '../../../src/shared/runs';
import { createLab, SHORT_RUN, trainToEnd, type LabService } from '../realLab';
import { initInspectI18n } from '../common/setup';

let lab: LabService;
let run: RunSummary;
let ev: TestEvaluation;

beforeAll(async () => {
  configure({ asyncUtilTimeout: 60_000 });
  lab = createLab();
  run = await trainToEnd(lab, SHORT_RUN);
  ev = await lab.evaluateRun(run.id);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
afterAll(() => lab.close());

/** The test-set indices a gallery list shows, read back from its images' accessible names. */
function listedIndices(list: HTMLElement): number[] {
  return within(list)
    .getAllByRole('img')
    .map((img) => Number(/#(\d+)/.exec(img.getAttribute('aria-label') ?? '')![1]));
}

/** Indices i (ascending) with the given true label and prediction. */
function where(truth: number, predicted: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ev.count; i++)
    if (ev.labels[i] === truth && ev.predictions[i] === predicted) out.push(i);
  return out;
}

/** "N images", singular for one. */
const images = (n: number) => `${n} image${n === 1 ? '' : 's'}`;

async function evaluated(runId = run.id) {
  render(
    <I18nextProvider i18n={initInspectI18n()}>
      <EvaluationPanel lab={lab} runId={runId} pageSize={60} />
    </I18nextProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Evaluate on test set' }));
  await screen.findByTestId('inspect-overall-accuracy');
}

describe('evaluation panel on a really trained run', () => {
  it("shows overall accuracy as the book prints it, matching the run's own last test evaluation", async () => {
    const evaluate = vi.spyOn(lab, 'evaluateRun');
    await evaluated();
    expect(evaluate.mock.calls).toEqual([[run.id]]);
    let correct = 0;
    for (let i = 0; i < ev.count; i++) if (ev.labels[i] === ev.predictions[i]) correct++;
    expect(ev.count).toBe(10_000);
    expect(ev.correct).toBe(correct);
    // The training thread's evaluator scored the same final weights at iteration 100.
    expect(run.lastEpoch?.testCorrect).toBe(correct);
    expect(screen.getByTestId('inspect-overall-accuracy').textContent).toBe(
      `${(correct / ev.count).toFixed(4)} (${correct}/${ev.count})`,
    );
  });

  it('has 100 cells named "True X, predicted Y: N images" whose counts sum to 10000', async () => {
    await evaluated();
    const cells = screen.getAllByRole('button', { name: /^True \d, predicted \d: \d+ images?$/ });
    expect(cells).toHaveLength(100);
    const byName = new Map(cells.map((c) => [c.getAttribute('aria-label'), c]));
    const shown = cells.map((c) => Number(/: (\d+) images?$/.exec(c.getAttribute('aria-label')!)![1]));
    expect(shown.reduce((a, b) => a + b, 0)).toBe(10_000);
    for (let t = 0; t < 10; t++)
      for (let p = 0; p < 10; p++) {
        const n = where(t, p).length;
        const cell = byName.get(`True ${t}, predicted ${p}: ${images(n)}`);
        expect(cell).toBeDefined();
        if (t === p) expect(cell!.className).toContain('inspect-cm-diag');
      }
    // Per-digit table: MNIST's test set has 1135 ones; the accuracy is this run's.
    const ones = where(1, 1).length;
    const allOnes = ev.labels.filter((l) => l === 1).length;
    expect(allOnes).toBe(1135);
    const table = screen.getByRole('table', { name: 'Accuracy per digit' });
    const row = within(table).getByRole('rowheader', { name: '1' }).closest('tr')!;
    expect(row.textContent).toContain(String(allOnes));
    expect(row.textContent).toContain((ones / allOnes).toFixed(4));
  });

  it("clicking a cell lists exactly that cell's images and loads them in pages of ≤100", async () => {
    // The biggest confusion that fits one gallery page.
    let truth = -1;
    let predicted = -1;
    let expected: number[] = [];
    for (let t = 0; t < 10; t++)
      for (let p = 0; p < 10; p++) {
        const cell = where(t, p);
        if (t !== p && cell.length <= 60 && cell.length > expected.length)
          [truth, predicted, expected] = [t, p, cell];
      }
    expect(expected.length).toBeGreaterThan(0);
    const sample = vi.spyOn(lab, 'sampleImages');
    await evaluated();
    fireEvent.click(
      screen.getByRole('button', {
        name: `True ${truth}, predicted ${predicted}: ${images(expected.length)}`,
      }),
    );
    const list = screen.getByRole('list', { name: `True ${truth}, predicted ${predicted}` });
    expect(listedIndices(list)).toEqual(expected);
    const i0 = expected[0];
    expect(within(list).getAllByRole('img')[0].getAttribute('aria-label')).toBe(
      `Test image #${i0}: true ${truth}, predicted ${predicted} (${Math.round(ev.confidences[i0] * 100)}%)`,
    );
    const pages = [...new Set(expected.map((i) => Math.floor(i / 100)))];
    // (The mistakes gallery below asks for its own pages too; all go through one cache.)
    await waitFor(() => {
      for (const p of pages) expect(sample).toHaveBeenCalledWith('test', p * 100, 100);
    });
    expect(sample.mock.calls.every(([, , n]) => Number(n) <= 100)).toBe(true);
  });

  it('pages a large cell 60 images at a time', async () => {
    await evaluated();
    const diagonal = where(0, 0);
    expect(diagonal.length).toBeGreaterThan(120);
    fireEvent.click(screen.getByRole('button', { name: `True 0, predicted 0: ${diagonal.length} images` }));
    const section = screen.getByRole('region', { name: 'True 0, predicted 0' });
    expect(listedIndices(within(section).getByRole('list'))).toEqual(diagonal.slice(0, 60));
    expect(within(section).getByText(`Page 1 of ${Math.ceil(diagonal.length / 60)}`)).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Next page' }));
    expect(listedIndices(within(section).getByRole('list'))).toEqual(diagonal.slice(60, 120));
  });

  it('the mistakes gallery holds every misclassified image and filters by true and predicted digit', async () => {
    await evaluated();
    const gallery = screen.getByRole('region', { name: 'Mistakes' });
    const mistakes: number[] = [];
    for (let i = 0; i < ev.count; i++) if (ev.labels[i] !== ev.predictions[i]) mistakes.push(i);
    expect(mistakes.length).toBe(ev.count - ev.correct);
    expect(
      within(gallery).getByText(`${mistakes.length} of ${mistakes.length} misclassified images`),
    ).toBeTruthy();
    expect(listedIndices(within(gallery).getByRole('list'))).toEqual(mistakes.slice(0, 60));

    // The commonest confusion of a 3.
    const threes = [0, 1, 2, 4, 5, 6, 7, 8, 9].map((p) => ({ p, cell: where(3, p) }));
    const { p, cell } = threes.reduce((a, b) => (b.cell.length > a.cell.length ? b : a));
    expect(cell.length).toBeGreaterThan(0);
    fireEvent.change(within(gallery).getByLabelText('True digit'), { target: { value: '3' } });
    fireEvent.change(within(gallery).getByLabelText('Predicted digit'), { target: { value: String(p) } });
    expect(listedIndices(within(gallery).getByRole('list'))).toEqual(cell.slice(0, 60));
    // A 3 read as a 3 is no mistake.
    fireEvent.change(within(gallery).getByLabelText('Predicted digit'), { target: { value: '3' } });
    expect(within(gallery).getByText('No images here')).toBeTruthy();
  });

  it("shows the service's message when evaluation fails", async () => {
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <EvaluationPanel lab={lab} runId="run-404-gone" />
      </I18nextProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Evaluate on test set' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Evaluation failed: No run with id run-404-gone.',
    );
  });
});

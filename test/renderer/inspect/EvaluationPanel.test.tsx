// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { EvaluationPanel } from '../../../src/renderer/inspect/EvaluationPanel';
import { deterministicEvaluation, imageLab, initInspectI18n, mnistTest } from './setup';

afterEach(cleanup);

/** The test-set indices a gallery list shows, read back from its images' accessible names. */
function listedIndices(list: HTMLElement): number[] {
  return within(list)
    .getAllByRole('img')
    .map((img) => Number(/#(\d+)/.exec(img.getAttribute('aria-label') ?? '')![1]));
}

async function evaluated(lab = imageLab()) {
  render(
    <I18nextProvider i18n={initInspectI18n()}>
      <EvaluationPanel lab={lab} runId="r1" pageSize={60} />
    </I18nextProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Evaluate on test set' }));
  await screen.findByTestId('inspect-overall-accuracy');
  return lab;
}

describe('evaluation panel on the real MNIST test labels', () => {
  const { labels, count } = mnistTest();
  const ev = deterministicEvaluation();

  it('shows overall accuracy as the book prints it, after one evaluateRun call', async () => {
    const lab = await evaluated();
    expect(lab.evaluateCalls).toEqual(['r1']);
    // Independent count of the deterministic mistakes (every 13th, then every 29th not a 13th).
    let wrong = 0;
    for (let i = 0; i < count; i++) if (i % 13 === 0 || i % 29 === 0) wrong++;
    const correct = count - wrong;
    expect(screen.getByTestId('inspect-overall-accuracy').textContent).toBe(
      `${(correct / count).toFixed(4)} (${correct}/${count})`,
    );
  });

  it('has 100 cells named "True X, predicted Y: N images" with the right counts', async () => {
    await evaluated();
    const cells = screen.getAllByRole('button', { name: /^True \d, predicted \d: \d+ images?$/ });
    expect(cells).toHaveLength(100);
    const ones = labels.filter((l) => l === 1).length;
    let onesRight = 0;
    for (let i = 0; i < count; i++) if (labels[i] === 1 && ev.predictions[i] === 1) onesRight++;
    expect(onesRight).toBeLessThan(ones);
    expect(
      screen.getByRole('button', { name: `True 1, predicted 1: ${onesRight} images` }).className,
    ).toContain('inspect-cm-diag');
    expect(screen.getByRole('button', { name: 'True 1, predicted 5: 0 images' })).toBeTruthy();
    // Per-digit table: 1135 ones in MNIST's test set.
    const table = screen.getByRole('table', { name: 'Accuracy per digit' });
    const row = within(table).getByRole('rowheader', { name: '1' }).closest('tr')!;
    expect(row.textContent).toContain(String(ones));
    expect(row.textContent).toContain((onesRight / ones).toFixed(4));
  });

  it("clicking a cell lists exactly that cell's images and loads them in pages of ≤100", async () => {
    const lab = await evaluated();
    const expected: number[] = [];
    for (let i = 0; i < count; i++) if (labels[i] === 4 && ev.predictions[i] === 1) expected.push(i);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThanOrEqual(60);
    fireEvent.click(screen.getByRole('button', { name: `True 4, predicted 1: ${expected.length} images` }));
    const list = screen.getByRole('list', { name: 'True 4, predicted 1' });
    expect(listedIndices(list)).toEqual(expected);
    const first = within(list).getAllByRole('img')[0];
    const i0 = expected[0];
    expect(first.getAttribute('aria-label')).toBe(
      `Test image #${i0}: true 4, predicted 1 (${Math.round(ev.confidences[i0] * 100)}%)`,
    );
    await waitFor(() => expect(lab.sampleCalls.length).toBeGreaterThan(0));
    const pages = new Set(expected.map((i) => Math.floor(i / 100)));
    for (const p of pages) expect(lab.sampleCalls).toContainEqual([p * 100, 100]);
    expect(lab.sampleCalls.every(([, n]) => n <= 100)).toBe(true);
  });

  it('pages a large cell 60 images at a time', async () => {
    await evaluated();
    const diagonal: number[] = [];
    for (let i = 0; i < count; i++) if (labels[i] === 0 && ev.predictions[i] === 0) diagonal.push(i);
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
    for (let i = 0; i < count; i++) if (labels[i] !== ev.predictions[i]) mistakes.push(i);
    expect(
      within(gallery).getByText(`${mistakes.length} of ${mistakes.length} misclassified images`),
    ).toBeTruthy();
    expect(listedIndices(within(gallery).getByRole('list'))).toEqual(mistakes.slice(0, 60));

    fireEvent.change(within(gallery).getByLabelText('True digit'), { target: { value: '3' } });
    fireEvent.change(within(gallery).getByLabelText('Predicted digit'), { target: { value: '0' } });
    const filtered = mistakes.filter((i) => labels[i] === 3 && ev.predictions[i] === 0);
    expect(filtered.length).toBeGreaterThan(0);
    expect(listedIndices(within(gallery).getByRole('list'))).toEqual(filtered.slice(0, 60));
    fireEvent.change(within(gallery).getByLabelText('Predicted digit'), { target: { value: '5' } });
    expect(within(gallery).getByText('No images here')).toBeTruthy();
  });

  it("shows the service's message when evaluation fails", async () => {
    const lab = { ...imageLab(), evaluateRun: () => Promise.reject(new Error('run r1 has no weights')) };
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <EvaluationPanel lab={lab} runId="r1" />
      </I18nextProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Evaluate on test set' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Evaluation failed: run r1 has no weights');
  });
});

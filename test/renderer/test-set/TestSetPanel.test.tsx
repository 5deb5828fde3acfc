// @vitest-environment jsdom
/**
 * "My test set" against the real LabService and a really trained run: the drawings (real MNIST test
 * digits, added as the "This was a…" buttons add them) are listed with a count per digit; Evaluate
 * shows exactly what the service computed and marks each thumbnail; a result is hidden once the set
 * changes; deleting removes a drawing from the service too. (Drawing itself needs a real canvas: the
 * Chromium e2e test draws a 1, labels it and evaluates it.)
 */
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestSetPanel } from '../../../src/renderer/test-set/TestSetPanel';
import { useTestSet } from '../../../src/renderer/test-set/useTestSet';
import type { RunSummary } from '../../../src/shared/runs';
import { createLab, SHORT_RUN, trainToEnd, type LabService } from '../realLab';
import { initInspectI18n } from '../common/setup';

let lab: LabService;
let run: RunSummary;
let pixels: Uint8Array;
let labels: Uint8Array;
const digit = (i: number) => pixels.slice(i * 784, (i + 1) * 784);

beforeAll(async () => {
  configure({ asyncUtilTimeout: 60_000 });
  lab = createLab();
  await trainToEnd(lab, SHORT_RUN, 'mine');
  run = (await lab.listRuns())[0];
  const sample = await lab.sampleImages('test', 0, 6);
  pixels = sample.pixels;
  labels = sample.labels;
});
afterEach(async () => {
  cleanup();
  for (const d of await lab.listDrawings()) await lab.deleteDrawing(d.id);
});
afterAll(() => lab.close());

function Harness({ lng = 'en' as 'en' | 'ja' }) {
  const testSet = useTestSet(lab);
  return (
    <I18nextProvider i18n={initInspectI18n(lng)}>
      <TestSetPanel lab={lab} testSet={testSet} run={run} />
    </I18nextProvider>
  );
}

describe('my test set', () => {
  it('says how to start when it is empty, and offers nothing to evaluate', async () => {
    render(<Harness />);
    expect(await screen.findByText('No drawings yet: draw a digit, then say which it was.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Evaluate with/ })).toBeNull();
  });

  it("lists the drawings, evaluates them with the run, and shows the service's numbers", async () => {
    for (let i = 0; i < 6; i++) await lab.addDrawing(digit(i), labels[i]);
    render(<Harness />);
    const list = await screen.findByRole('list', { name: 'Drawings in my test set' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(6);
    expect(screen.getByText('Drawings: 6', { exact: false })).toBeTruthy();
    const perDigit = screen.getByLabelText('Drawings per digit').textContent!;
    for (let d = 0; d < 10; d++) {
      const n = Array.from(labels).filter((l) => l === d).length;
      expect(perDigit).toContain(`${d}: ${n}`);
    }
    expect(within(list).getByRole('img', { name: `Drawing 1: labelled ${labels[0]}` })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Evaluate with mine' }));
    const expected = await lab.evaluateDrawings(run.id);
    const percent = ((100 * expected.correct) / expected.count).toFixed(1);
    expect(await screen.findByText(`mine: ${expected.correct} of 6 correct (${percent}%)`)).toBeTruthy();
    for (let i = 0; i < 6; i++) {
      const p = Math.round(expected.confidences[i] * 100);
      const name = `Drawing ${i + 1}: labelled ${labels[i]}, predicted ${expected.predictions[i]} (${p}%)`;
      const item = within(list).getByRole('img', { name }).closest('li')!;
      expect(item.classList.contains('inspect-wrong')).toBe(expected.predictions[i] !== labels[i]);
    }
  });

  it('deletes a drawing from the service and hides a result that no longer matches the set', async () => {
    for (let i = 0; i < 3; i++) await lab.addDrawing(digit(i), labels[i]);
    render(<Harness />);
    fireEvent.click(await screen.findByRole('button', { name: 'Evaluate with mine' }));
    await screen.findByText(/^mine: \d of 3 correct/);
    fireEvent.click(screen.getByRole('button', { name: `Delete drawing 2 (${labels[1]})` }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    expect(screen.queryByText(/of 3 correct/)).toBeNull();
    expect((await lab.listDrawings()).map((d) => d.label)).toEqual([labels[0], labels[2]]);
  });

  it('speaks Japanese', async () => {
    await lab.addDrawing(digit(0), labels[0]);
    render(<Harness lng="ja" />);
    expect(await screen.findByRole('heading', { name: '自分のテストセット' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'mine で評価' }));
    expect(await screen.findByText(/^mine：1 枚中 [01] 枚正解（(0|100)\.0%）$/)).toBeTruthy();
    await act(async () => {});
  });
});

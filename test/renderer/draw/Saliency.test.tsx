// @vitest-environment jsdom
/**
 * The saliency view beside the prediction, against the real LabService and a trained run: the
 * maps follow the prediction (top guess first), a bar chosen by click or by keyboard is explained
 * instead, and "Back to the top guess" returns. jsdom has no canvas, so the maps are checked by
 * their accessible names and the evidence summary, whose numbers are the worker's own maps.
 */
import { act, cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PredictionReadout } from '../../../src/renderer/draw/PredictionReadout';
import { SaliencyView } from '../../../src/renderer/draw/SaliencyView';
import { useExplain } from '../../../src/renderer/draw/useExplain';
import { usePredict } from '../../../src/renderer/draw/usePredict';
import type { RunSummary } from '../../../src/shared/runs';
import { createLab, SHORT_RUN, trainToEnd, type LabService } from '../realLab';
import { initInspectI18n } from '../common/setup';

let lab: LabService;
let run: RunSummary;
let pixels: Uint8Array;

beforeAll(async () => {
  configure({ asyncUtilTimeout: 60_000 });
  lab = createLab();
  run = await trainToEnd(lab, SHORT_RUN, 'a');
  pixels = (await lab.sampleImages('test', 0, 1)).pixels.slice();
});
afterEach(cleanup);
afterAll(() => lab.close());

/** The draw panel's wiring of the prediction and the saliency, for one fixed drawing. */
function Harness({ image }: { image: Uint8Array }) {
  const { prediction, request } = usePredict(lab, run.id, 0);
  const [chosen, setChosen] = useState<number | null>(null);
  const saliency = useExplain(lab, run.id, image, chosen, prediction);
  useEffect(() => request(image, true), [image, request]);
  return (
    <>
      <PredictionReadout
        probabilities={prediction?.probabilities ?? null}
        explained={saliency.explanation?.classIndex ?? null}
        onExplain={setChosen}
      />
      <SaliencyView {...saliency} chosen={chosen !== null} onBackToTop={() => setChosen(null)} />
    </>
  );
}

const summaryOf = (e: { evidence: Float32Array; classIndex: number }) => {
  let pos = 0;
  let neg = 0;
  for (const v of e.evidence)
    if (v > 0) pos += v;
    else neg -= v;
  return `Ink for ${e.classIndex}: +${pos.toFixed(2)}, against: −${neg.toFixed(2)}`;
};

describe('saliency beside the prediction', () => {
  it('explains the top guess, then a class chosen by click or keyboard, then the top guess again', async () => {
    const top = await lab.explain(run.id, pixels);
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <Harness image={pixels} />
      </I18nextProvider>,
    );
    await screen.findByText(`Explaining ${top.topClass} (the top guess)`);
    expect(screen.getByRole('heading', { name: `Why ${top.topClass}?` })).toBeTruthy();
    expect(
      screen.getByRole('img', { name: `How the score of ${top.topClass} changes with each pixel` }),
    ).toBeTruthy();
    expect(
      screen.getByRole('img', { name: `Which ink speaks for (red) and against (blue) ${top.topClass}` }),
    ).toBeTruthy();
    expect(screen.getByText(summaryOf(top))).toBeTruthy();
    expect(screen.getAllByRole('group', { name: 'Colour scale' })).toHaveLength(2);
    const topBar = screen.getByRole('button', { name: new RegExp(`^Explain ${top.topClass} \\(`) });
    expect(topBar.getAttribute('aria-pressed')).toBe('true');

    // A click on another bar explains that class.
    const other = (top.topClass + 1) % 10;
    const expectedOther = await lab.explain(run.id, pixels, other);
    await userEvent.click(screen.getByRole('button', { name: new RegExp(`^Explain ${other} \\(`) }));
    await screen.findByText(`Explaining ${other} (the class you chose)`);
    expect(screen.getByText(summaryOf(expectedOther))).toBeTruthy();
    expect(topBar.getAttribute('aria-pressed')).toBe('false');

    // The keyboard: focus the next bar and press Enter.
    const third = (top.topClass + 2) % 10;
    const thirdBar = screen.getByRole('button', { name: new RegExp(`^Explain ${third} \\(`) });
    act(() => thirdBar.focus());
    await userEvent.keyboard('{Enter}');
    await screen.findByText(`Explaining ${third} (the class you chose)`);
    expect(thirdBar.getAttribute('aria-pressed')).toBe('true');

    await userEvent.click(screen.getByRole('button', { name: 'Back to the top guess' }));
    await screen.findByText(`Explaining ${top.topClass} (the top guess)`);
  });

  it('shows why when the worker cannot explain (a run that does not exist)', async () => {
    function Broken() {
      const saliency = useExplain(lab, 'run-gone', pixels, null, 1);
      return <SaliencyView {...saliency} chosen={false} onBackToTop={() => {}} />;
    }
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <Broken />
      </I18nextProvider>,
    );
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/^Saliency failed: .*run-gone/),
    );
  });
});

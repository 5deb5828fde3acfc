// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivationStrips } from '../../../src/renderer/draw/ActivationStrips';
import { PredictionReadout } from '../../../src/renderer/draw/PredictionReadout';
import { initInspectI18n } from '../common/setup';

afterEach(cleanup);

/** Softmax of logits, as the network's last layer would give. */
function softmax(logits: number[]): Float32Array {
  const m = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - m));
  const s = e.reduce((a, b) => a + b, 0);
  return Float32Array.from(e, (v) => v / s);
}

describe('prediction readout', () => {
  it('shows the hint and an empty live region when nothing is drawn', () => {
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <PredictionReadout probabilities={null} />
      </I18nextProvider>,
    );
    expect(screen.getByText('Draw a digit')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('announces the top guess politely and lists ten bars with digit and percentage', () => {
    const p = softmax([0, 0, 1, 0, 0, 0, 0, 6.5, 0, 0]);
    const top = Math.round(p[7] * 100);
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <PredictionReadout probabilities={p} />
      </I18nextProvider>,
    );
    const live = screen.getByRole('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe(`Prediction: 7 (${top}%)`);
    expect(top).toBeGreaterThan(90);
    const bars = within(screen.getByRole('list', { name: 'Class probabilities' })).getAllByRole('listitem');
    expect(bars).toHaveLength(10);
    bars.forEach((bar, digit) =>
      expect(bar.textContent).toContain(`${digit}: ${Math.round(p[digit] * 100)}%`),
    );
    expect(bars[7].className).toContain('inspect-bar-top');
    expect(screen.queryByText('Draw a digit')).toBeNull();
  });

  it('speaks Japanese with the Japanese dictionary', () => {
    render(
      <I18nextProvider i18n={initInspectI18n('ja')}>
        <PredictionReadout probabilities={softmax([5, 0, 0, 0, 0, 0, 0, 0, 0, 0])} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('status').textContent).toMatch(/^推論結果: 0 \(\d+%\)$/);
  });
});

describe('activation strips', () => {
  it('draws one strip per hidden layer with one cell per unit', () => {
    const layers = [
      Float32Array.from({ length: 50 }, (_, i) => i / 50),
      Float32Array.from({ length: 100 }, (_, i) => -i),
    ];
    render(
      <I18nextProvider i18n={initInspectI18n()}>
        <ActivationStrips activations={layers} />
      </I18nextProvider>,
    );
    const first = screen.getByRole('img', { name: 'Hidden layer 1 (50 units)' });
    const second = screen.getByRole('img', { name: 'Hidden layer 2 (100 units)' });
    expect(first.children).toHaveLength(50);
    expect(second.children).toHaveLength(100);
    expect((first.children[0] as HTMLElement).title).toBe('Unit 0: 0.000');
    // The strongest unit is fully coloured, an inactive one transparent.
    expect((first.children[0] as HTMLElement).style.background).toContain('0)');
    expect((second.children[99] as HTMLElement).style.background).toMatch(
      /rgba\(33, 102, 172(, 1)?\)|rgb\(33, 102, 172\)/,
    );
  });
});

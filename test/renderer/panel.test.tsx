// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { PARAMS, type Param } from '../../src/shared/hyperparams';
import { DEFAULT_CONFIG } from '../../src/shared/hyperparams';
import { DICTIONARIES } from '../../src/shared/i18n';
import { shownInPanel } from '../../src/renderer/panel/shown';
import { cleanupApp, renderApp } from './helpers';
import { createLab, type LabService } from './realLab';

const { en } = DICTIONARIES;

// The panel only edits the store's config, but the app around it talks to a real service.
let lab: LabService;
beforeAll(() => {
  lab = createLab();
});
afterEach(cleanupApp);
afterAll(() => lab.close());

/** An entry's English label (renderApp starts i18n in English). */
const label = (param: Param) => i18next.t(param.labelKey);

describe('hyperparameter panel', () => {
  it('renders one labelled control per PARAMS entry shown for the default architecture, with its default', () => {
    renderApp(lab);
    const shown = PARAMS.filter((param) => shownInPanel(param.key, DEFAULT_CONFIG));
    for (const param of shown) {
      if (param.kind === 'sizes') {
        expect(Number((screen.getByLabelText('Hidden layer 1 size') as HTMLInputElement).value)).toBe(
          DEFAULT_CONFIG.hidden[0],
        );
        continue;
      }
      const control = screen.getByLabelText(label(param)) as HTMLInputElement | HTMLSelectElement;
      const value = DEFAULT_CONFIG[param.key];
      if (param.kind === 'boolean') expect((control as HTMLInputElement).checked).toBe(value);
      else if (param.kind === 'number') expect(Number(control.value)).toBe(value);
      else expect(control.value).toBe(value);
      if (param.kind === 'number') expect(screen.getByLabelText(`${label(param)} slider`)).toBeTruthy();
    }
    // Every entry has its own help text id.
    expect(document.querySelectorAll('[id$="-help"]').length).toBeGreaterThanOrEqual(shown.length);
  });

  it("shows SimpleConvNet's layer sizes, or why its sizes do not work out (and disables Train)", () => {
    renderApp(lab);
    expect(screen.queryByLabelText('Filter size')).toBeNull();
    fireEvent.change(screen.getByLabelText('Architecture'), { target: { value: 'simple-convnet' } });
    expect(screen.queryByLabelText('Hidden layer 1 size')).toBeNull();
    expect(screen.getByTestId('conv-shapes').textContent).toContain(
      'Conv1 30×24×24 → Pool1 30×12×12 → Affine 4320 → 100 → 10',
    );
    const train = screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement;
    fireEvent.change(screen.getByLabelText('Filter size'), { target: { value: '4' } });
    expect(screen.getByRole('alert').textContent).toBe(
      'The 25×25 convolution output cannot be split into 2×2 pooling windows: 25 / 2 is not a whole number (book §7.3). Change the pool size, or the filter size, pad or stride.',
    );
    expect(train.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Padding'), { target: { value: '1' } });
    // (28 + 2 − 4) / 1 + 1 = 27: still odd. Pad 0 and a 3×3 filter give 26, 13 after pooling.
    expect(screen.getByRole('alert').textContent).toContain('27×27');
    fireEvent.change(screen.getByLabelText('Padding'), { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('Filter size'), { target: { value: '3' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('conv-shapes').textContent).toContain('Pool1 30×13×13 → Affine 5070');
    expect(train.disabled).toBe(false);
  });

  it("shows DeepConvNet's fixed layer sizes below the architecture choice", () => {
    renderApp(lab);
    fireEvent.change(screen.getByLabelText('Architecture'), { target: { value: 'deep-convnet' } });
    expect(screen.queryByLabelText('Filter size')).toBeNull();
    expect(screen.getByTestId('conv-shapes').textContent).toBe(
      'Layer sizes (channels × height × width): Conv1 16×28×28 → Conv2 16×28×28 → Pool1 16×14×14 → ' +
        'Conv3 32×14×14 → Conv4 32×16×16 → Pool2 32×8×8 → Conv5 64×8×8 → Conv6 64×8×8 → Pool3 64×4×4 → ' +
        'Affine 1024 → 50 → 10 (3×3 filters, stride 1)',
    );
    fireEvent.change(screen.getByLabelText('Architecture'), { target: { value: 'mlp' } });
    expect(screen.queryByTestId('conv-shapes')).toBeNull();
  });

  it('shows an inline message for an out-of-range learning rate and disables Train', () => {
    renderApp(lab);
    const train = screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement;
    expect(train.disabled).toBe(false);
    const box = screen.getByLabelText('Learning rate') as HTMLInputElement;
    fireEvent.change(box, { target: { value: '50' } });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('between 0.00001 and 10');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain(alert.id);
    expect(box.value).toBe('50');
    expect(train.disabled).toBe(true);
    fireEvent.change(box, { target: { value: 'abc' } });
    expect(screen.getByRole('alert').textContent).toBe('Enter a number.');
    fireEvent.change(box, { target: { value: '0.05' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(train.disabled).toBe(false);
  });

  it('disables momentum under SGD with the reason on hover, and enables it under Momentum', () => {
    renderApp(lab);
    const momentum = screen.getByLabelText('Momentum') as HTMLInputElement;
    expect(momentum.disabled).toBe(true);
    expect(momentum.closest('.param')?.getAttribute('title')).toBe(en.why.momentum);
    fireEvent.change(screen.getByLabelText('Optimizer'), { target: { value: 'momentum' } });
    expect((screen.getByLabelText('Momentum') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getByLabelText('Momentum').closest('.param')?.getAttribute('title')).toBeNull();
    // Adam's β1 stays disabled under Momentum.
    expect((screen.getByLabelText('Adam β1') as HTMLInputElement).disabled).toBe(true);
  });

  it('a wrong value in a control that stops applying does not block Train from behind its disabled box', () => {
    renderApp(lab);
    const train = screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement;
    fireEvent.change(screen.getByLabelText('Optimizer'), { target: { value: 'momentum' } });
    fireEvent.change(screen.getByLabelText('Momentum'), { target: { value: '5' } });
    expect(screen.getByRole('alert').textContent).toContain('between 0 and 0.999');
    expect(train.disabled).toBe(true);
    // Under SGD momentum does not apply: its box is disabled, so its error cannot be fixed there.
    fireEvent.change(screen.getByLabelText('Optimizer'), { target: { value: 'sgd' } });
    const momentum = screen.getByLabelText('Momentum') as HTMLInputElement;
    expect(momentum.disabled).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(train.disabled).toBe(false);
    // It shows its last valid value again, which the config kept all along.
    expect(Number(momentum.value)).toBe(DEFAULT_CONFIG.momentum);
    // The same when a number makes another control inapplicable (patience needs a validation split).
    fireEvent.change(screen.getByLabelText('Validation split'), { target: { value: '0.1' } });
    fireEvent.change(screen.getByLabelText('Early-stop patience'), { target: { value: '-1' } });
    expect(train.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Validation split'), { target: { value: '0' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(train.disabled).toBe(false);
  });

  it('adds, resizes and removes hidden layers', () => {
    const { store } = renderApp(lab);
    expect(screen.getByLabelText('Hidden layer 1 size')).toBeTruthy();
    expect(screen.queryByLabelText('Hidden layer 2 size')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add layer' }));
    fireEvent.change(screen.getByLabelText('Hidden layer 2 size'), { target: { value: '100' } });
    expect(store.getState().config.hidden).toEqual([50, 100]);
    fireEvent.change(screen.getByLabelText('Hidden layer 1 size slider'), { target: { value: '200' } });
    expect(store.getState().config.hidden).toEqual([200, 100]);
    fireEvent.change(screen.getByLabelText('Hidden layer 2 size'), { target: { value: '0' } });
    expect(screen.getByRole('alert').textContent).toContain('between 1 and 1024');
    expect((screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove hidden layer 2' }));
    expect(store.getState().config.hidden).toEqual([200]);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(
      (screen.getByRole('button', { name: 'Remove hidden layer 1' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect((screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('moves the learning rate on a log scale from its slider and resets to the defaults', () => {
    const { store } = renderApp(lab);
    const slider = screen.getByLabelText('Learning rate slider') as HTMLInputElement;
    // 1e-5 .. 10 spans 6 decades over 1000 steps: position 500 is 10^-2 (the geometric middle).
    fireEvent.change(slider, { target: { value: '500' } });
    expect(store.getState().config.learningRate).toBeCloseTo(0.01, 10);
    expect((screen.getByLabelText('Learning rate') as HTMLInputElement).value).toBe('0.01');
    fireEvent.change(screen.getByLabelText('Activation function'), { target: { value: 'sigmoid' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(store.getState().config).toEqual(DEFAULT_CONFIG);
    expect((screen.getByLabelText('Learning rate') as HTMLInputElement).value).toBe('0.1');
  });

  it('labels option values through the dictionary', () => {
    renderApp(lab);
    const select = screen.getByLabelText('Optimizer');
    expect(within(select).getByRole('option', { name: 'AdaGrad' })).toBeTruthy();
    expect(
      within(screen.getByLabelText('Loss function')).getByRole('option', { name: 'Softmax + cross-entropy' }),
    ).toBeTruthy();
  });
});

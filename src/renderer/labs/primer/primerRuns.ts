/**
 * The Regularisation primer's own MNIST runs, small enough to train side by side in a minute or
 * two: the book's overfitting setup (ch06/overfit_weight_decay.py: 300 training images, six
 * hidden layers of 100, He init as MultiLayerNet's default, SGD lr 0.01, batch 100, about 200
 * epochs), with L1 or L2 weight decay, dropout, or a validation split and early stopping. They
 * start through the LabApi's startRun like any run, so they also appear in the MNIST lab.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { TrainConfig } from '../../../shared/hyperparams';
import { errorMessage, localizeMessage } from '../../i18n/messages';
import { useLab } from '../../labContext';
import { useLabStore, useLabStoreApi } from '../../store';
import type { PresetRun } from '../presets';

/** 300 images, 6 × 100, He, SGD 0.01, 600 iterations (= 200 epochs of 3), evaluated every 30. */
export const SMALL_OVERFIT: Partial<TrainConfig> = {
  hidden: [100, 100, 100, 100, 100, 100],
  trainSubset: 300,
  init: 'he',
  optimizer: 'sgd',
  learningRate: 0.01,
  batchSize: 100,
  iterations: 600,
  evalEvery: 30,
};

/** The primer's sections that start runs, and their runs. */
export const PRIMER_RUNS: Record<'decay' | 'gap' | 'early', PresetRun[]> = {
  /** L1 against L2: the book's λ 0.1 for L2; L1 at 0.01 (at 0.1 it zeroes the whole net). */
  decay: [
    {
      label: 'l1',
      params: { lambda: 0.01 },
      config: { ...SMALL_OVERFIT, weightDecay: 'l1', weightDecayLambda: 0.01 },
    },
    {
      label: 'l2',
      params: { lambda: 0.1 },
      config: { ...SMALL_OVERFIT, weightDecay: 'l2', weightDecayLambda: 0.1 },
    },
  ],
  /** The train–test gap with 300 images, then with weight decay (λ 0.1) and with dropout (the book's 0.2). */
  gap: [
    { label: 'plain', config: { ...SMALL_OVERFIT } },
    {
      label: 'l2',
      params: { lambda: 0.1 },
      config: { ...SMALL_OVERFIT, weightDecay: 'l2', weightDecayLambda: 0.1 },
    },
    { label: 'dropout', params: { ratio: 0.2 }, config: { ...SMALL_OVERFIT, dropout: 0.2 } },
  ],
  /** 20 % of the 300 held out; stop when the validation loss has not improved for 5 evaluations. */
  early: [
    {
      label: 'early',
      params: { patience: 5 },
      config: { ...SMALL_OVERFIT, validationSplit: 0.2, patience: 5, iterations: 1500, evalEvery: 15 },
    },
  ],
};
export type PrimerSection = keyof typeof PRIMER_RUNS;

/** The runs each primer section started in this window. */
const usePrimerRunIds = create<{
  runs: Partial<Record<PrimerSection, string[]>>;
  set: (section: PrimerSection, ids: string[]) => void;
}>((set) => ({ runs: {}, set: (section, ids) => set((s) => ({ runs: { ...s.runs, [section]: ids } })) }));

/** A primer run's label in the UI's language ("L1, λ 0.01"). */
export function useRunLabel() {
  const { t } = useTranslation();
  return (run: PresetRun) => t(`labs.presets.runs.${run.label}`, run.params ?? {});
}

/**
 * A section's runs: their ids once started (in PRIMER_RUNS order), a start that launches them
 * all at once without leaving the page, whether that is under way, and what went wrong.
 */
export function usePrimerSection(section: PrimerSection) {
  const { t } = useTranslation();
  const lab = useLab();
  const store = useLabStoreApi();
  const label = useRunLabel();
  const ids = usePrimerRunIds((s) => s.runs[section]);
  const remember = usePrimerRunIds((s) => s.set);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    const started: string[] = [];
    const s = store.getState();
    try {
      for (const run of PRIMER_RUNS[section]) {
        const summary = await lab.startRun(run.config, label(run), s.language);
        s.upsertRun(summary);
        started.push(summary.id);
      }
    } catch (err) {
      setError(localizeMessage(errorMessage(err), t));
    } finally {
      setBusy(false);
    }
    if (started.length > 0) remember(section, started);
  };
  const runs = useLabStore((s) => s.runs);
  const metrics = useLabStore((s) => s.metrics);
  const live = (ids ?? []).map((id) => ({ id, summary: runs[id], epochs: metrics[id]?.epochs ?? [] }));
  return { runs: live, start, busy, error, label };
}

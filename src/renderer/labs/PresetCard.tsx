/**
 * A ch06 preset: what it compares, its runs, and one button that starts them all in the MNIST lab
 * (LabApi startRun, one call per run) and brings the lab's charts forward. Once started, its runs
 * are ranked by their best validation (else test) accuracy so far.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { RunSummary } from '../../shared/runs';
import { errorMessage } from '../i18n/messages';
import { useLab } from '../labContext';
import { useLabStore, useLabStoreApi } from '../store';
import { PRESETS, type PresetId, type PresetRun } from './presets';

/** The runs each preset started in this window, by preset. */
const usePresetRuns = create<{
  runs: Partial<Record<PresetId, string[]>>;
  set: (id: PresetId, ids: string[]) => void;
}>((set) => ({ runs: {}, set: (id, ids) => set((s) => ({ runs: { ...s.runs, [id]: ids } })) }));

/** A run's label in the UI's language, e.g. "Adam" or "Trial 2: lr 0.00123, λ 1.2e-6". */
function useRunLabel() {
  const { t } = useTranslation();
  return (run: PresetRun) => t(`labs.presets.runs.${run.label}`, run.params ?? {});
}

/** One preset's card. */
export function PresetCard({ id }: { id: PresetId }) {
  const { t, i18n } = useTranslation();
  const lab = useLab();
  const store = useLabStoreApi();
  const label = useRunLabel();
  const started = usePresetRuns((s) => s.runs[id]);
  const remember = usePresetRuns((s) => s.set);
  const runs = useLabStore((s) => s.runs);
  const metrics = useLabStore((s) => s.metrics);
  const [busy, setBusy] = useState(false);
  const preset = PRESETS[id];
  const start = async () => {
    setBusy(true);
    const ids: string[] = [];
    const s = store.getState();
    try {
      for (const run of preset.runs) {
        const summary: RunSummary = await lab.startRun(run.config, label(run), s.language);
        s.upsertRun(summary);
        ids.push(summary.id);
      }
    } catch (err) {
      s.pushNotice('notice.startFailed', errorMessage(err));
    } finally {
      setBusy(false);
    }
    if (ids.length === 0) return;
    remember(id, ids);
    s.selectRun(ids[0]);
    s.setMainView('charts');
    s.setArea('mnist');
  };
  const ranked = (started ?? [])
    .map((runId) => {
      const epochs = metrics[runId]?.epochs ?? [];
      const best = epochs.reduce((m, e) => Math.max(m, e.validationAccuracy ?? e.testAccuracy), -1);
      return { runId, name: runs[runId]?.name ?? runId, best };
    })
    .sort((a, b) => b.best - a.best);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <article className="lab__preset" aria-labelledby={`preset-${id}`}>
      <h3 id={`preset-${id}`}>{t(`labs.presets.${id}.title`)}</h3>
      <p className="lab__section">{t('labs.common.section', { section: preset.section })}</p>
      <p>{t(`labs.presets.${id}.about`)}</p>
      <ul className="lab__preset-runs">
        {preset.runs.map((run, i) => (
          <li key={i}>{label(run)}</li>
        ))}
      </ul>
      <button type="button" onClick={() => void start()} disabled={busy}>
        {t('labs.presets.start', { n: preset.runs.length })}
      </button>
      {ranked.length > 0 && (
        <table className="lab__table">
          <caption>{t('labs.presets.ranked')}</caption>
          <tbody>
            {ranked.map((r, i) => (
              <tr key={r.runId}>
                <th scope="row">{i + 1}</th>
                <td>{r.name}</td>
                <td>{r.best < 0 ? t('labs.presets.noEvaluation') : percent.format(r.best)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

/** One run in the list: colour, name (inline rename), localized state, progress, show/hide, re-run or train further, export, delete. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommands } from '../labContext';
import { useLabStore } from '../store';
import { ExportMenu } from './ExportMenu';

/** The row for run `runId`. */
export function RunItem({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const run = useLabStore((s) => s.runs[runId]);
  const color = useLabStore((s) => s.runColors[runId]);
  const visible = useLabStore((s) => !s.hiddenRuns[runId]);
  const selected = useLabStore((s) => s.selectedRunId === runId);
  // Iterations received so far (the summary's count only moves on run-updated events).
  const received = useLabStore((s) => s.metrics[runId]?.losses.length ?? 0);
  const selectRun = useLabStore((s) => s.selectRun);
  const setRunVisible = useLabStore((s) => s.setRunVisible);
  const commands = useCommands();
  const [editing, setEditing] = useState<string | null>(null);
  if (!run) return null;

  const iteration = Math.max(run.iteration, received);
  const progress = run.totalIterations > 0 ? Math.min(1, iteration / run.totalIterations) : 0;
  const save = () => {
    const name = editing?.trim();
    setEditing(null);
    if (name && name !== run.name) void commands.rename(run.id, name);
  };

  return (
    <li className={`run${selected ? ' run--selected' : ''}`} aria-current={selected || undefined}>
      <input
        type="checkbox"
        checked={visible}
        aria-label={t('runs.show', { name: run.name })}
        onChange={(e) => setRunVisible(run.id, e.target.checked)}
      />
      <span className="run__swatch" style={{ backgroundColor: color }} aria-hidden="true" />
      {editing !== null ? (
        <form
          className="run__rename"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <input
            autoFocus
            value={editing}
            aria-label={t('runs.nameField', { name: run.name })}
            maxLength={80}
            onChange={(e) => setEditing(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setEditing(null);
              }
            }}
          />
          <button type="submit">{t('runs.save')}</button>
          <button type="button" onClick={() => setEditing(null)}>
            {t('runs.cancel')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="run__name"
          aria-pressed={selected}
          aria-label={t('runs.select', { name: run.name })}
          onClick={() => selectRun(run.id)}
          onDoubleClick={() => setEditing(run.name)}
        >
          {run.name}
        </button>
      )}
      <span className={`run__state run__state--${run.state}`}>{t(`state.${run.state}`)}</span>
      <progress
        className="run__progress"
        max={1}
        value={progress}
        aria-label={t('controls.progress', { name: run.name })}
      />
      <div className="run__actions">
        {run.source === 'trained' && (
          <button
            type="button"
            className="icon-button"
            aria-label={t('runs.rerunTitle', { name: run.name })}
            title={t('runs.rerunTitle', { name: run.name })}
            onClick={() => void commands.rerun(run.id)}
          >
            ↻
          </button>
        )}
        {run.state === 'imported' && (
          // An imported run waits, paused, with its weights loaded: this starts its training (the
          // control bar's Pause / Stop take over once it trains, as for any run).
          <button
            type="button"
            className="icon-button"
            aria-label={t('runs.trainFurtherTitle', { name: run.name })}
            title={t('runs.trainFurtherTitle', { name: run.name })}
            onClick={() => {
              selectRun(run.id);
              void commands.resume();
            }}
          >
            ▶
          </button>
        )}
        <ExportMenu run={run} />
        <button
          type="button"
          className="icon-button"
          aria-label={t('runs.rename', { name: run.name })}
          title={t('runs.rename', { name: run.name })}
          onClick={() => setEditing(run.name)}
        >
          ✎
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('runs.delete', { name: run.name })}
          title={t('runs.delete', { name: run.name })}
          onClick={() => {
            if (window.confirm(t('runs.confirmDelete', { name: run.name }))) void commands.remove(run.id);
          }}
        >
          ✕
        </button>
      </div>
    </li>
  );
}

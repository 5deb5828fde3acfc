/**
 * The main area's views as tabs: the live charts (default), drawing a digit, the weights, and the
 * test-set evaluation. The inspect views follow the selected run.
 */
import { useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartsArea } from './charts/ChartsArea';
import { DrawPanel } from './draw/DrawPanel';
import { EvaluationPanel } from './evaluate/EvaluationPanel';
import { WeightVisualizer } from './weights/WeightVisualizer';
import { HistogramsPanel } from './insight/HistogramsPanel';
import { GradientCheckPanel } from './deeper/GradientCheckPanel';
import { CompareTable } from './deeper/CompareTable';
import { ClassNamesEditor } from './deeper/ClassNamesEditor';
import { useLab } from './labContext';
import { useLabStore } from './store';
import { MAIN_VIEWS as VIEWS } from './store/uiSlice';
import type { EpochMetrics } from '../shared/runs';
import { selectRunOrder, selectRuns, selectSelectedEpochs, selectSelectedRunId } from './store/selectors';

const NO_EPOCHS: readonly EpochMetrics[] = [];

/** Tabs over the charts and the inspect views. */
export function MainViews() {
  const { t } = useTranslation();
  // In the store, so a Labs preset can bring the charts forward.
  const view = useLabStore((s) => s.mainView);
  const setView = useLabStore((s) => s.setMainView);
  const lab = useLab();
  const runMap = useLabStore(selectRuns);
  const order = useLabStore(selectRunOrder);
  const runId = useLabStore(selectSelectedRunId);
  const epochs = useLabStore(selectSelectedEpochs) ?? NO_EPOCHS;
  const runs = useMemo(() => order.map((id) => runMap[id]).filter((r) => r !== undefined), [order, runMap]);

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
  const onKeyDown = (e: KeyboardEvent) => {
    const i = VIEWS.indexOf(view);
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const next = VIEWS[(i + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length];
      setView(next);
      document.getElementById(`tab-${next}`)?.focus();
    }
  };

  return (
    <div className="views">
      <div role="tablist" aria-label={t('views.label')} className="views__tabs" onKeyDown={onKeyDown}>
        {VIEWS.map((v) => (
          <button
            key={v}
            id={`tab-${v}`}
            type="button"
            role="tab"
            aria-selected={view === v}
            aria-controls={`view-${v}`}
            tabIndex={view === v ? 0 : -1}
            className="views__tab"
            onClick={() => setView(v)}
          >
            {t(`views.${v}`)}
          </button>
        ))}
      </div>
      <div id={`view-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`} className="views__panel">
        {view === 'charts' && <ChartsArea />}
        {/* Compare runs as a table (issue 13) */}
        {view === 'charts' && <CompareTable />}
        {view === 'draw' && <DrawPanel lab={lab} runs={runs} runId={runId} />}
        {view === 'weights' && <WeightVisualizer lab={lab} runs={runs} runId={runId} epochs={epochs} />}
        {view === 'weights' && <HistogramsPanel epochs={epochs} />}
        {/* Gradient check in the app (issue 13) */}
        {view === 'weights' && <GradientCheckPanel lab={lab} run={runs.find((r) => r.id === runId)} />}
        {view === 'evaluate' && <EvaluationPanel lab={lab} runId={runId} />}
        {/* Class names for any dataset (issue 13) */}
        {view === 'evaluate' && <ClassNamesEditor lab={lab} />}
      </div>
    </div>
  );
}

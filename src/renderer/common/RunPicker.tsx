/** A select among runs, by name and state; shared by the inspect panels. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../shared/runs';

export interface RunPickerProps {
  runs: readonly RunSummary[];
  value: string | null;
  onChange: (runId: string) => void;
  /** Visible label of the select. */
  label: string;
}

/** A labelled <select> of runs; shows nothing when there are no runs. */
export function RunPicker({ runs, value, onChange, label }: RunPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  if (runs.length === 0) return null;
  return (
    <div className="inspect-run-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name} ({t(`state.${r.state}`)})
          </option>
        ))}
      </select>
    </div>
  );
}

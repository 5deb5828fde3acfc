/** A run's Export menu: weights as NumPy .npz, pickle .pkl, JSON, ONNX, and its metrics as CSV. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO, type WeightsFormat } from '../../shared/weights-formats';
import type { KeyOf } from '../../shared/i18n';
import type { RunSummary } from '../../shared/runs';
import { useCommands } from '../labContext';
import type { LabCommands } from '../store/commandsSlice';

/** One menu item: its label's i18n key and what it exports. */
interface Item {
  key: KeyOf<'runs'>;
  export: (c: LabCommands, runId: string) => Promise<void>;
}
const weights = (format: WeightsFormat): Item => ({
  key: EXPORT_FORMAT_INFO[format].menuKey,
  export: (c, runId) => c.exportWeights(runId, format),
});
/** The menu's items: every weights export format, then the two metrics tables. */
const ITEMS: Item[] = [
  ...EXPORT_FORMATS.map(weights),
  { key: 'runs.exportLossCsv', export: (c, runId) => c.exportCsv(runId, 'iterations') },
  { key: 'runs.exportEpochsCsv', export: (c, runId) => c.exportCsv(runId, 'epochs') },
];

/** The Export button and its popup list for `run`. */
export function ExportMenu({ run }: { run: RunSummary }) {
  const { t } = useTranslation();
  const commands = useCommands();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const choose = (action: () => Promise<void>) => () => {
    setOpen(false);
    void action();
  };
  return (
    <div className="export-menu" ref={rootRef}>
      <button
        type="button"
        className="icon-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('runs.exportTitle', { name: run.name })}
        title={t('runs.exportTitle', { name: run.name })}
        onClick={() => setOpen(!open)}
      >
        ⤓
      </button>
      {open && (
        <ul
          className="export-menu__list"
          role="menu"
          aria-label={t('runs.exportTitle', { name: run.name })}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          {ITEMS.map((item) => (
            <li key={item.key} role="none">
              <button type="button" role="menuitem" onClick={choose(() => item.export(commands, run.id))}>
                {t(item.key)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A run's Export menu: weights as NumPy .npz, pickle .pkl, JSON, ONNX, and its metrics as CSV. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeightsFormat } from '../../shared/api';
import type { RunSummary } from '../../shared/runs';
import { useCommands } from '../labContext';

const WEIGHTS: { format: WeightsFormat; key: string }[] = [
  { format: 'npz', key: 'runs.exportNpz' },
  { format: 'pkl', key: 'runs.exportPkl' },
  { format: 'json', key: 'runs.exportJson' },
  { format: 'onnx', key: 'runs.exportOnnx' },
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
          {WEIGHTS.map(({ format, key }) => (
            <li key={format} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={choose(() => commands.exportWeights(run.id, format))}
              >
                {t(key)}
              </button>
            </li>
          ))}
          <li role="none">
            <button
              type="button"
              role="menuitem"
              onClick={choose(() => commands.exportCsv(run.id, 'iterations'))}
            >
              {t('runs.exportLossCsv')}
            </button>
          </li>
          <li role="none">
            <button
              type="button"
              role="menuitem"
              onClick={choose(() => commands.exportCsv(run.id, 'epochs'))}
            >
              {t('runs.exportEpochsCsv')}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}

/** The Help dialog listing the keyboard shortcuts. Esc or Close closes it; focus moves in and back. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabStore } from '../store';

/** Modal help, shown while `helpOpen`. */
export function HelpDialog() {
  const { t } = useTranslation();
  const open = useLabStore((s) => s.helpOpen);
  const setHelpOpen = useLabStore((s) => s.setHelpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => previous?.focus?.();
  }, [open]);
  if (!open) return null;
  const rows: [string, string][] = [
    [t('help.keyEnter'), t('help.train')],
    [t('help.keySpace'), t('help.pauseResume')],
    ['S', t('help.step')],
    [t('help.keyEsc'), t('help.stop')],
    ['? / F1', t('help.help')],
  ];
  return (
    <div className="dialog-backdrop" onClick={() => setHelpOpen(false)}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onClick={(e) => e.stopPropagation()}
        // Close is the only focusable element: Tab keeps focus inside the modal.
        onKeyDown={(e) => {
          if (e.key === 'Tab') {
            e.preventDefault();
            closeRef.current?.focus();
          }
        }}
      >
        <h2 id="help-title">{t('help.title')}</h2>
        <dl className="shortcuts">
          {rows.map(([key, what]) => (
            <div key={key} className="shortcuts__row">
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p className="param__help">{t('help.notWhileTyping')}</p>
        <button ref={closeRef} type="button" onClick={() => setHelpOpen(false)}>
          {t('help.close')}
        </button>
      </div>
    </div>
  );
}

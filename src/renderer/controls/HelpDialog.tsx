/**
 * The Help dialog: the keyboard shortcuts (and, in the desktop app, the menu's accelerators), or
 * the about box (Help > About). Esc or Close closes it; focus moves in, stays in, and goes back.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { version } from '../../../package.json';
import type { LabResult } from '../../shared/lab-methods';
import { isDesktop } from '../bridge';
import { useLab } from '../labContext';
import { useLabStore } from '../store';

type Row = [keys: string, what: string];

/** The app menu's accelerators as this platform writes them (they are set in src/main/electron/menu.ts). */
function menuRows(t: TFunction): Row[] {
  const mac = /Mac/i.test(globalThis.navigator?.platform ?? '');
  const mod = mac ? '⌘' : 'Ctrl+';
  return [
    [`${mod}O`, t('help.openDataset')],
    [`${mod}I`, t('help.importWeights')],
    [`${mod}E`, t('help.exportWeights')],
    [`${mod}/`, t('help.help')],
    [`${mod}= / ${mod}- / ${mod}0`, t('help.zoom')],
    [`${mod}Q`, t('help.quit')],
  ];
}

function ShortcutList({ rows }: { rows: Row[] }) {
  return (
    <dl className="shortcuts">
      {rows.map(([keys, what]) => (
        <div key={keys} className="shortcuts__row">
          <dt>
            <kbd>{keys}</kbd>
          </dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Keeps Tab inside the dialog: from the last button to the first and back. */
function trapTab(e: KeyboardEvent<HTMLDivElement>): void {
  if (e.key !== 'Tab') return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = (at + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
  e.preventDefault();
  buttons[next]?.focus();
}

/** The about box's runtime line: the kernels the Lab's workers run, relaxed SIMD, Node's version. */
function RuntimeLine() {
  const { t } = useTranslation();
  const lab = useLab();
  const [info, setInfo] = useState<LabResult<'appInfo'> | null>(null);
  useEffect(() => {
    let current = true;
    lab.appInfo().then(
      (answer) => current && setInfo(answer),
      () => {}, // an older service without appInfo: the line is left out
    );
    return () => {
      current = false;
    };
  }, [lab]);
  if (!info) return null;
  return (
    <p className="param__help">
      {t('about.runtime', {
        kernels: info.kernels === 'wasm-simd' ? t('about.kernelsWasm') : t('about.kernelsTs'),
        relaxedSimd: info.relaxedSimd ? t('about.yes') : t('about.no'),
        node: info.node,
      })}
    </p>
  );
}

/** Modal help, shown while `helpOpen`, on `helpTopic`. */
export function HelpDialog() {
  const { t } = useTranslation();
  const open = useLabStore((s) => s.helpOpen);
  const topic = useLabStore((s) => s.helpTopic);
  const setHelpOpen = useLabStore((s) => s.setHelpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => previous?.focus?.();
  }, [open]);
  if (!open) return null;
  const rows: Row[] = [
    [t('help.keyEnter'), t('help.train')],
    [t('help.keySpace'), t('help.pauseResume')],
    ['S', t('help.step')],
    [t('help.keyEsc'), t('help.stop')],
    ['? / F1', t('help.help')],
  ];
  const about = topic === 'about';
  return (
    <div className="dialog-backdrop" onClick={() => setHelpOpen(false)}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={trapTab}
      >
        {about ? (
          <>
            <h2 id="help-title">{t('about.title')}</h2>
            <p>{t('about.version', { version })}</p>
            <p>{t('about.body')}</p>
            <p className="param__help">{t('about.dataset')}</p>
            <RuntimeLine />
          </>
        ) : (
          <>
            <h2 id="help-title">{t('help.title')}</h2>
            <ShortcutList rows={rows} />
            <p className="param__help">{t('help.notWhileTyping')}</p>
            {isDesktop() && (
              <>
                <h3>{t('help.menuKeys')}</h3>
                <ShortcutList rows={menuRows(t)} />
              </>
            )}
          </>
        )}
        <div className="dialog__buttons">
          <button type="button" onClick={() => setHelpOpen(true, about ? 'shortcuts' : 'about')}>
            {about ? t('about.shortcuts') : t('about.title')}
          </button>
          <button ref={closeRef} type="button" onClick={() => setHelpOpen(false)}>
            {t('help.close')}
          </button>
        </div>
      </div>
    </div>
  );
}

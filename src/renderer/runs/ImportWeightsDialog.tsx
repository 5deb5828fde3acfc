/**
 * The import dialog: what the service read off the file's shapes (784-50-100-10, batch norm; or the
 * book's SimpleConvNet / DeepConvNet with its tensors' shapes) and, for an MLP, the one thing shapes
 * cannot tell, the activation, preselected with the file's own or the book's choice (sigmoid for
 * sample_weight.pkl); a CNN is ReLU, as in the book. Import makes a new run; Cancel leaves
 * everything as it was.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVATIONS, type Activation } from '../../shared/hyperparams';
import { useCommands } from '../labContext';
import { useLabStore } from '../store';

/** Modal, shown while a previewed file waits (store.importPreview). */
export function ImportWeightsDialog() {
  const preview = useLabStore((s) => s.importPreview);
  // Remount per file, so the preselection follows each new preview.
  return preview ? <ImportForm key={preview.pendingId} /> : null;
}

function ImportForm() {
  const { t } = useTranslation();
  const preview = useLabStore((s) => s.importPreview)!;
  const setImportPreview = useLabStore((s) => s.setImportPreview);
  const commands = useCommands();
  const [activation, setActivation] = useState<Activation>(preview.suggestedActivation);
  const [name, setName] = useState(preview.fileName.replace(/\.[^.]+$/, ''));
  const [busy, setBusy] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const conv = preview.arch !== 'mlp';
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    (selectRef.current ?? nameRef.current)?.focus();
    return () => previous?.focus?.();
  }, []);
  const cancel = () => setImportPreview(null);
  const submit = async () => {
    setBusy(true);
    await commands.importWeights(preview.pendingId, activation, name.trim() || undefined);
    setBusy(false);
  };

  return (
    <div className="dialog-backdrop" onClick={cancel}>
      <form
        className="dialog import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            cancel();
          }
        }}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="import-title">{t('importDialog.title')}</h2>
        <dl className="import-dialog__facts">
          <dt>{t('importDialog.file')}</dt>
          <dd>{preview.fileName}</dd>
          <dt>{t('importDialog.architecture')}</dt>
          <dd>
            {conv ? (
              <>
                {t(`option.arch.${preview.arch}`)} <code>{preview.shapes.join(', ')}</code>
              </>
            ) : (
              <code>{preview.sizes.join('-')}</code>
            )}
            {preview.batchNorm && ` (${t('importDialog.batchNorm')})`}
          </dd>
        </dl>
        {conv ? (
          <p className="param__help">{t('why.convRelu')}</p>
        ) : (
          <>
            <label className="param">
              <span>{t('importDialog.activation')}</span>
              <select
                ref={selectRef}
                value={activation}
                onChange={(e) => setActivation(e.target.value as Activation)}
              >
                {ACTIVATIONS.map((a) => (
                  <option key={a} value={a}>
                    {t(`option.activation.${a}`, a)}
                  </option>
                ))}
              </select>
            </label>
            <p className="param__help">
              {t(preview.needsActivation ? 'importDialog.askActivation' : 'importDialog.fromFile')}
            </p>
          </>
        )}
        <p className="param__help">
          {t(preview.hasSettings ? 'importDialog.settingsFromFile' : 'importDialog.settingsFromPanel')}
        </p>
        <label className="param">
          <span>{t('importDialog.name')}</span>
          <input ref={nameRef} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="import-dialog__buttons">
          <button type="submit" disabled={busy}>
            {t('importDialog.import')}
          </button>
          <button type="button" onClick={cancel}>
            {t('importDialog.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

/**
 * Naming the loaded dataset's classes (LabApi.setClassNames): where its names come from now (a
 * names file, a recognised set, the user, or none), ten boxes to rename them, Save and Forget.
 * The service keeps the names in the data folder by the labels' checksum and announces the new
 * dataset info, which every view's labels follow.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabApi } from '../../shared/api';
import { MAX_CLASS_NAME } from '../../shared/class-names';
import type { LabMessage } from '../../shared/messages';
import { errorMessage, localizeMessage } from '../i18n/messages';
import { useDatasetInfo, useLabStore } from '../store';
import { useClassLabels } from './classNames';
import './deeper.css';

export function ClassNamesEditor({ lab }: { lab: Pick<LabApi, 'setClassNames'> }) {
  const { t } = useTranslation();
  const info = useDatasetInfo();
  const setDataset = useLabStore((s) => s.setDataset);
  const { names } = useClassLabels();
  const [draft, setDraft] = useState<string[]>(names);
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<LabMessage | null>(null);
  const key = names.join('\u0000');
  // A new dataset (or new names from elsewhere) resets the boxes.
  useEffect(() => setDraft(key.split('\u0000')), [key]);
  if (!info) return null;
  const c = info.classNames ?? { source: 'none' as const };
  const source =
    c.source === 'known'
      ? t('classes.source.known', { set: t(`classes.set.${c.set}`) })
      : t(`classes.source.${c.source}`);

  const save = (next: string[] | null) => {
    setError(null);
    setStatus('');
    lab.setClassNames(next).then(
      (updated) => {
        setDataset(updated);
        setStatus(t('classes.saved'));
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  };
  return (
    <section className="inspect-panel deeper-classes" aria-label={t('classes.title')}>
      <h3>{t('classes.title')}</h3>
      <p className="inspect-muted">{source}</p>
      <p className="inspect-muted">{t('classes.intro')}</p>
      <form
        className="deeper-row"
        onSubmit={(e) => {
          e.preventDefault();
          save(draft.map((n) => n.trim()));
        }}
      >
        {draft.map((name, label) => (
          <label key={label}>
            {label}{' '}
            <input
              type="text"
              value={name}
              maxLength={MAX_CLASS_NAME}
              aria-label={t('classes.nameOf', { label })}
              onChange={(e) => setDraft((d) => d.map((n, i) => (i === label ? e.target.value : n)))}
            />
          </label>
        ))}
        <button type="submit">{t('classes.save')}</button>
        {c.source === 'user' ? (
          <button type="button" onClick={() => save(null)}>
            {t('classes.reset')}
          </button>
        ) : null}
      </form>
      <p role="status" className="inspect-muted">
        {status}
      </p>
      {error ? (
        <p className="inspect-error" role="alert">
          {localizeMessage(error, t)}
        </p>
      ) : null}
    </section>
  );
}

/**
 * A banner when runs are not saved as usual: another MNIST Lab holds the run folder (this one is
 * read-only), or the folder cannot be written (runs live in memory until the app closes). The
 * service says which through appInfo's storageNotice.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabMessage } from '../../shared/messages';
import { localizeMessage } from '../i18n/messages';
import { useLab } from '../labContext';

/** The storage banner, or nothing while saving works. */
export function StorageBanner() {
  const { t } = useTranslation();
  const lab = useLab();
  const [notice, setNotice] = useState<LabMessage | null>(null);
  useEffect(() => {
    let current = true;
    lab.appInfo().then(
      (info) => current && setNotice(info.storageNotice),
      () => {}, // no answer: nothing to say about storage
    );
    return () => {
      current = false;
    };
  }, [lab]);
  if (!notice) return null;
  return (
    <div className="banners">
      <div className="banner banner--error" role="alert" aria-label={t('banner.storage')}>
        <p className="banner__title">{t('banner.storage')}</p>
        <p>{localizeMessage(notice, t)}</p>
      </div>
    </div>
  );
}

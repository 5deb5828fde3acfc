/** Toasts for rejected calls and service errors; each stays until dismissed. */
import { useTranslation } from 'react-i18next';
import { useLabStore } from '../store';
import { selectNotices } from '../store/selectors';
import { localizeMessage } from '../i18n/messages';

/** The notice stack (a live region, so screen readers announce new errors). */
export function Notices() {
  const { t } = useTranslation();
  const notices = useLabStore(selectNotices);
  const dismissNotice = useLabStore((s) => s.dismissNotice);
  return (
    <div className="toasts" role="region" aria-label={t('notice.region')} aria-live="assertive">
      {notices.map((n) => (
        <div key={n.id} className="toast" role="alert">
          <p>
            <strong>{t(n.titleKey)}</strong>: {localizeMessage(n.message, t)}
          </p>
          <button type="button" aria-label={t('notice.dismiss')} onClick={() => dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

/** A dismissible banner per diverged or failed run: what happened (its message) and what to try. */
import { useTranslation } from 'react-i18next';
import { useLabStore } from '../store';
import { selectFailureBannerIds } from '../store/selectors';
import { localizeMessage } from '../i18n/messages';

/** Banners for runs that diverged or failed. */
export function RunBanners() {
  const { t } = useTranslation();
  const ids = useLabStore(selectFailureBannerIds);
  const runs = useLabStore((s) => s.runs);
  const dismissBanner = useLabStore((s) => s.dismissBanner);
  if (!ids) return null;
  return (
    <div className="banners">
      {ids.split(' ').map((id) => {
        const run = runs[id];
        if (!run) return null;
        const diverged = run.state === 'diverged';
        return (
          <div key={id} className="banner banner--error" role="alert">
            <div>
              <p className="banner__title">
                {t(diverged ? 'banner.diverged' : 'banner.failed', {
                  name: run.name,
                  message: run.message ? localizeMessage(run.message, t) : t('banner.noMessage'),
                })}
              </p>
              <p>{t(diverged ? 'banner.divergedHint' : 'banner.failedHint')}</p>
            </div>
            <button type="button" onClick={() => dismissBanner(id)}>
              {t('banner.dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}

/** The banner landmark: title, theme and language pickers. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { classLabels } from './deeper/classNames';
import { changeLanguage, LANGUAGE_NAMES, LANGUAGES, matchLanguage } from './i18n';
import { useLabStore } from './store';
import type { AppArea, ThemeChoice } from './store/uiSlice';

const AREAS: readonly AppArea[] = ['mnist', 'labs'];

/** localStorage key holding the chosen theme. */
export const THEME_STORAGE_KEY = 'mnist-lab.theme';

/** Apply a theme choice to <html data-theme> ('system' follows prefers-color-scheme). */
export function applyTheme(theme: ThemeChoice): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** The theme saved from a previous session. */
export function storedTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(THEME_STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

/** Title bar with settings. */
export function AppHeader() {
  const { t, i18n } = useTranslation();
  const theme = useLabStore((s) => s.theme);
  const setTheme = useLabStore((s) => s.setTheme);
  const setLanguage = useLabStore((s) => s.setLanguage);
  useEffect(() => {
    applyTheme(theme);
    try {
      localStorage.setItem(THEME_STORAGE_KEY, theme);
    } catch {
      // Not persisted without storage; the theme still applies now.
    }
  }, [theme]);
  const language = matchLanguage(i18n.language) ?? 'en';
  const dataset = useLabStore((s) => s.dataset);
  const classes = classLabels(dataset, t);
  const number = new Intl.NumberFormat(language);
  const area = useLabStore((s) => s.area);
  const setArea = useLabStore((s) => s.setArea);
  return (
    <header className="app-header">
      <div>
        <h1 className="app-header__title">{t('app.title')}</h1>
        <p className="app-header__tagline">
          {t('app.tagline')}
          {dataset && (
            <span className="app-header__dataset">
              {' · '}
              {t(dataset.source === 'bundled' ? 'dataset.bundled' : 'dataset.folder', {
                train: number.format(dataset.trainCount),
                test: number.format(dataset.testCount),
              })}
              {/* Class names for any dataset (issue 13) */}
              {classes.digits ? null : ` · ${classes.names.join(', ')}`}
            </span>
          )}
        </p>
      </div>
      <nav className="app-header__areas" aria-label={t('labs.area.label')}>
        {AREAS.map((a) => (
          <button
            key={a}
            type="button"
            className="app-header__area"
            aria-current={area === a ? 'page' : undefined}
            onClick={() => setArea(a)}
          >
            {t(`labs.area.${a}`)}
          </button>
        ))}
      </nav>
      <div className="app-header__settings">
        <label htmlFor="setting-theme">{t('settings.theme')}</label>
        <select id="setting-theme" value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
          <option value="system">{t('settings.themeSystem')}</option>
          <option value="light">{t('settings.themeLight')}</option>
          <option value="dark">{t('settings.themeDark')}</option>
        </select>
        <label htmlFor="setting-language">{t('settings.language')}</label>
        <select
          id="setting-language"
          value={language}
          onChange={(e) => {
            const next = matchLanguage(e.target.value) ?? 'en';
            changeLanguage(next);
            setLanguage(next);
          }}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
    </header>
  );
}

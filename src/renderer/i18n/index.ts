/**
 * i18n setup: the global i18next instance over the dictionaries of src/shared/i18n, for React.
 * The language comes from localStorage (the user's last choice), else navigator.language, else
 * English.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { I18N_OPTIONS, matchLanguage, type Language } from '../../shared/i18n';

export { LANGUAGES, LANGUAGE_NAMES, matchLanguage, type Language } from '../../shared/i18n';
/** localStorage key holding the chosen language. */
export const LANGUAGE_STORAGE_KEY = 'mnist-lab.language';

/** The language to start in. */
export function initialLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    // Storage can be unavailable (privacy mode); fall back to the browser's language.
  }
  return matchLanguage(stored) ?? matchLanguage(globalThis.navigator?.language) ?? 'en';
}

/** Initialise i18next once (synchronously; resources are bundled) and return it. */
export function initI18n(language: Language = initialLanguage()): I18n {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({ ...I18N_OPTIONS, lng: language });
  } else if (i18next.language !== language) {
    void i18next.changeLanguage(language);
  }
  setDocumentLanguage(language);
  return i18next;
}

/** Switch language, remember it, and update <html lang>. */
export function changeLanguage(language: Language): void {
  if (!i18next.isInitialized) initI18n(language);
  else void i18next.changeLanguage(language);
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not persisted when storage is unavailable; the switch still applies for this session.
  }
  setDocumentLanguage(language);
}

function setDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Every dotted key of a nested dictionary (for completeness checks). */
export function flattenKeys(dict: object, prefix = ''): string[] {
  return Object.entries(dict).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flattenKeys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/**
 * i18n setup: i18next with the three dictionaries. The language comes from localStorage (the
 * user's last choice), else navigator.language, else English.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { inspectStrings } from '../inspect/strings';
import { en } from './en';
import { ja } from './ja';
import { ko } from './ko';

export const LANGUAGES = ['en', 'ja', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Each language's name in itself, for the language picker. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ja: '日本語', ko: '한국어' };
/** localStorage key holding the chosen language. */
export const LANGUAGE_STORAGE_KEY = 'mnist-lab.language';

/** The nearest supported language for a BCP 47 tag (`ja-JP` -> `ja`). */
export function matchLanguage(tag: string | null | undefined): Language | null {
  const base = (tag ?? '').toLowerCase().split('-')[0];
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : null;
}

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
    void i18next.use(initReactI18next).init({
      // The inspect views' strings live beside them (namespaced under `inspect`) and are merged in.
      resources: {
        en: { translation: { ...inspectStrings.en, ...en } },
        ja: { translation: { ...inspectStrings.ja, ...ja } },
        ko: { translation: { ...inspectStrings.ko, ...ko } },
      },
      lng: language,
      fallbackLng: 'en',
      interpolation: { escapeValue: false }, // React escapes already
      initAsync: false,
      showSupportNotice: false,
    });
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

/**
 * The UI's words: one dictionary per language (en/, ja/, ko/, a file per feature namespace), shared
 * by the renderer and by main's menu and dialogs. Keys are typed from the English dictionary
 * (i18next's CustomTypeOptions), so a missing or misspelt key fails the type check; ja and ko are
 * typed as the English shape, so a missing translation does too. Placeholders are i18next's
 * `{{name}}` everywhere.
 */
import i18next, { type InitOptions, type TFunction } from 'i18next';
import { UI_LANGUAGES, type UiLanguage } from '../shell';
import { en, type Dictionary } from './en';
import { ja } from './ja';
import { ko } from './ko';

export type { Dictionary } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Dictionary };
  }
}

/** A key of one flat namespace of the dictionary (`notice.startFailed`, `why.momentum`, ...). */
export type KeyOf<N extends keyof Dictionary> = `${N}.${Extract<keyof Dictionary[N], string>}`;

/** The label key of one option of a choice setting (`option.optimizer.adam`). */
export type OptionKey = {
  [K in keyof Dictionary['option']]: `option.${K}.${Extract<keyof Dictionary['option'][K], string>}`;
}[keyof Dictionary['option']];

/** The languages of the UI, in the language picker's order. */
export const LANGUAGES = UI_LANGUAGES;
export type Language = UiLanguage;

/** Every language's dictionary. */
export const DICTIONARIES: Record<Language, Dictionary> = { en, ja, ko };

/** The options every i18next instance starts from (resources are bundled, so init is synchronous). */
export const I18N_OPTIONS = {
  resources: {
    en: { translation: en },
    ja: { translation: ja },
    ko: { translation: ko },
  },
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes already; menu labels are plain text
  initAsync: false,
  showSupportNotice: false,
} satisfies InitOptions;

/** Each language's name in itself (from its own dictionary), for language pickers and menus. */
export const LANGUAGE_NAMES = Object.fromEntries(
  LANGUAGES.map((language) => [language, DICTIONARIES[language].settings.languageName]),
) as Record<Language, string>;

/** The nearest supported language for a BCP 47 tag or OS locale (`ja-JP`, `ko_KR` -> `ja`, `ko`), or null. */
export function matchLanguage(tag: string | null | undefined): Language | null {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === base) ?? null;
}

/** The UI language for an OS locale, English when we do not speak it. */
export function languageForLocale(locale: string | null | undefined): Language {
  return matchLanguage(locale) ?? 'en';
}

/** The name of a run nobody named: its number, in `language` ("Run 3" in English). */
export function defaultRunName(number: number, language: Language = 'en'): string {
  return translator(language)('runs.defaultName', { number });
}

let standalone: typeof i18next | undefined;

/**
 * A `t` fixed to `language`, from an i18next instance of its own (main's menu and dialogs, the
 * service's default run names); the renderer's global instance is left alone.
 */
export function translator(language: Language): TFunction {
  if (!standalone) {
    standalone = i18next.createInstance();
    void standalone.init({ ...I18N_OPTIONS, lng: 'en' });
  }
  return standalone.getFixedT(language);
}

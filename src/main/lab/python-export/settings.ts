/**
 * Every hyperparameter of a run as rows (label, value, book section), in the list's order, words
 * in the UI's language: the notebook's table and the script's header. Straight from the one
 * hyperparameter list (src/shared/hyperparam-list.ts), so a new setting appears by itself.
 */
import type { TFunction } from 'i18next';
import { PARAMS, notApplicable, optionKey, type Param, type TrainConfig } from '../../../shared/hyperparams';

/** One setting as shown. */
export interface SettingRow {
  key: string;
  label: string;
  /** The value in words, and the config's own value in brackets for a choice ("ReLU (relu)"). */
  value: string;
  /** Why the setting is not used with these settings (null: it is used). */
  notUsed: string | null;
  /** The book's section ("5.7"), or null when the book has none for it. */
  section: string | null;
}

function valueText(param: Param, config: TrainConfig, t: TFunction): string {
  const value: unknown = config[param.key];
  switch (param.kind) {
    case 'choice':
      return `${t(optionKey(param, String(value)))} (${String(value)})`;
    case 'boolean':
      return value ? t('notebook.yes') : t('notebook.no');
    case 'sizes':
      return (value as number[]).join(', ');
    default:
      return String(value);
  }
}

/** The rows of every setting in the list, for `config`. */
export function settingRows(config: TrainConfig, t: TFunction): SettingRow[] {
  return PARAMS.map((param) => {
    const why = notApplicable(param.key, config);
    return {
      key: param.key,
      label: t(param.labelKey),
      value: valueText(param, config, t),
      notUsed: why ? t(why) : null,
      section: param.section ?? null,
    };
  });
}

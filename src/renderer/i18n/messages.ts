/**
 * Shows a service message in the UI's language: the text is matched against the shared catalogue
 * (src/shared/messages.ts) and rebuilt from `msg.<key>` of the current dictionary, its cause too.
 * A text the catalogue does not know (a low-level detail of a malformed file, say) stays as sent.
 */
import i18next, { type TFunction } from 'i18next';
import { MESSAGE_TEMPLATES, NESTED_PARAMS, parseMessage } from '../../shared/messages';
import { RUN_STATES } from '../../shared/runs';

/** Electron's wrapper around an error thrown by an ipcMain handler. */
const ELECTRON_PREFIX = /^Error invoking remote method '[^']+': (?:[A-Za-z]*Error: )?/;

/** `text` in the current language (or the language of `t`). */
export function localizeMessage(text: string, t: TFunction = i18next.t): string {
  const clean = text.replace(ELECTRON_PREFIX, '');
  const parsed = parseMessage(clean);
  if (!parsed) return clean;
  const params: Record<string, string> = { ...parsed.params };
  for (const name of NESTED_PARAMS) if (name in params) params[name] = localizeMessage(params[name], t);
  const state = RUN_STATES.find((s) => s === params.state);
  if (state) params.state = t(`state.${state}`);
  // An i18next instance without the msg dictionary (a view tested on its own) shows the English.
  return t(`msg.${parsed.key}`, { ...params, defaultValue: MESSAGE_TEMPLATES[parsed.key] });
}

/** The readable text of a rejection (an Error's message, else the value as text). */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : JSON.stringify(err);
}

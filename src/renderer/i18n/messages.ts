/**
 * Shows a message (`{ code, params }`, as the service, the worker and the bridges send it) in the
 * UI's language: `msg.<code>` of the current dictionary, its causes translated too, a run state
 * by its own key. Nothing here reads English back: the words come from the dictionaries.
 */
import i18next, { type TFunction } from 'i18next';
import { MESSAGE_TEMPLATES, toLabMessage, type LabMessage } from '../../shared/messages';
import { RUN_STATES } from '../../shared/runs';

/** `msg` in the current language (or the language of `t`). */
export function localizeMessage(msg: LabMessage, t: TFunction = i18next.t): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(msg.params as Record<string, string | number | LabMessage>)) {
    params[name] = typeof value === 'object' ? localizeMessage(value, t) : value;
  }
  const state = RUN_STATES.find((s) => s === params.state);
  if (state) params.state = t(`state.${state}`);
  // An i18next instance without the msg dictionary (a view tested on its own) shows the English.
  return t(`msg.${msg.code}`, { ...params, defaultValue: MESSAGE_TEMPLATES[msg.code] });
}

/** A rejection as a message: a LabError's (or one that crossed a bridge as data), else its text, raw. */
export function errorMessage(err: unknown): LabMessage {
  return toLabMessage(err);
}

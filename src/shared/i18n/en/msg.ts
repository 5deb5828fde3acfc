/** English: the service's messages by key (`msg.<key>`), the catalogue's own texts (src/shared/messages.ts). */
import { MESSAGE_TEMPLATES, type MessageKey } from '../../messages';

export const msgStrings = {
  msg: { ...MESSAGE_TEMPLATES } as Record<MessageKey, string>,
};

import { describe, expect, it } from 'vitest';
import { LabError, MESSAGE_TEMPLATES, message, messageText, toLabMessage } from '../../src/shared/messages';
import type { LabMessage, MessageKey } from '../../src/shared/messages';
import { divergedMessage } from '../../src/worker/diverged';
import { describeWriteError } from '../../src/main/lab/atomic-file';

const KEYS = Object.keys(MESSAGE_TEMPLATES) as MessageKey[];
const placeholders = (key: MessageKey) =>
  [...MESSAGE_TEMPLATES[key].matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);

describe('the message catalogue', () => {
  it.each(KEYS)('%s travels as data and reads in English with its values', (key) => {
    const names = placeholders(key);
    const params = Object.fromEntries(names.map((name, i) => [name, `v${i} a ${name}.value (${i})`]));
    const data = { code: key, params } as LabMessage;
    const error = new LabError(data);
    // What a bridge sends is the data; what comes back is the same message.
    const crossed = JSON.parse(JSON.stringify(error.data)) as LabMessage;
    expect(toLabMessage(crossed)).toEqual(data);
    expect(error.message).not.toMatch(/\{\{/);
    for (const value of Object.values(params)) expect(error.message).toContain(value);
  });

  it('a nested cause is a message itself, in the English text too', () => {
    const inner = message('pickleGlobal', { global: 'os.system' });
    const outer = new LabError(message('cannotImport', { name: 'evil: 1.pkl', detail: inner }));
    expect(outer.params).toEqual({ name: 'evil: 1.pkl', detail: inner });
    expect(outer.message).toBe(`evil: 1.pkl cannot be imported: ${messageText(inner)}`);
  });

  it('the worker and the file writer produce data; a foreign error becomes raw text', () => {
    expect(divergedMessage(NaN, 37, 5)).toEqual({
      code: 'divergedNaN',
      params: { iteration: 37, lr: 5, safer: 0.1 },
    });
    expect(divergedMessage(Infinity, 2, 0.5).code).toBe('divergedInfinite');
    const denied = Object.assign(new Error('EACCES: no'), { code: 'EACCES' });
    expect(describeWriteError('/root/w.npz', denied).data).toEqual({
      code: 'saveFailed',
      params: { file: '/root/w.npz', why: { code: 'permissionDenied', params: {} } },
    });
    expect(toLabMessage(new SyntaxError('Unexpected token'))).toEqual({
      code: 'raw',
      params: { text: 'Unexpected token' },
    });
  });
});

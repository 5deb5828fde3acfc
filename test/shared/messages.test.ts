import { describe, expect, it } from 'vitest';
import { MESSAGE_TEMPLATES, messageText, parseMessage, type MessageKey } from '../../src/shared/messages';
import { divergedMessage } from '../../src/worker/diverged';
import { describeWriteError } from '../../src/main/lab/atomic-file';

const KEYS = Object.keys(MESSAGE_TEMPLATES) as MessageKey[];
const placeholders = (key: MessageKey) =>
  [...MESSAGE_TEMPLATES[key].matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);

describe('the message catalogue', () => {
  it.each(KEYS)('%s reads back as itself with its values', (key) => {
    // Values with spaces, dots and brackets, as file names have; the last one (a cause, when the
    // template ends in one) also holds a colon, as a nested message does.
    const names = placeholders(key);
    const params = Object.fromEntries(
      names.map((name, i) => [name, `v${i} a ${name}.value (${i})${i === names.length - 1 ? ': why' : ''}`]),
    );
    const text = messageText(key, params);
    expect(text).not.toMatch(/\{\{/);
    expect(parseMessage(text)).toEqual({ key, params });
  });

  it('takes the most specific template when two could match', () => {
    expect(parseMessage(messageText('emptyWeights'))?.key).toBe('emptyWeights');
    expect(parseMessage(messageText('tooFewLayers', { names: 'W1 (784, 50)' }))?.key).toBe('tooFewLayers');
  });

  it('reads nested causes as text to parse again', () => {
    const inner = messageText('pickleGlobal', { global: 'os.system' });
    const outer = parseMessage(messageText('cannotImport', { name: 'evil: 1.pkl', detail: inner }));
    expect(outer).toEqual({ key: 'cannotImport', params: { name: 'evil: 1.pkl', detail: inner } });
    expect(parseMessage(outer!.params.detail)).toEqual({
      key: 'pickleGlobal',
      params: { global: 'os.system' },
    });
  });

  it('knows the texts the worker and the file writer really produce, and no others', () => {
    expect(parseMessage(divergedMessage(NaN, 37, 5))).toEqual({
      key: 'divergedNaN',
      params: { iteration: '37', lr: '5', safer: '0.1' },
    });
    expect(parseMessage(divergedMessage(Infinity, 2, 0.5))?.key).toBe('divergedInfinite');
    const denied = Object.assign(new Error('EACCES: no'), { code: 'EACCES' });
    expect(parseMessage(describeWriteError('/root/w.npz', denied))).toEqual({
      key: 'saveFailed',
      params: { file: '/root/w.npz', why: 'permission denied' },
    });
    expect(parseMessage('Something else went wrong.')).toBeNull();
    expect(parseMessage('')).toBeNull();
  });
});

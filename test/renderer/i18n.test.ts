import { describe, expect, it } from 'vitest';
import { notApplicable, PARAMS } from '../../src/shared/hyperparams';
import { DEFAULT_CONFIG, type TrainConfig } from '../../src/shared/hyperparams';
import { RUN_STATES } from '../../src/shared/runs';
import { DICTIONARIES, translator } from '../../src/shared/i18n';
import { flattenKeys, initI18n, LANGUAGE_NAMES, matchLanguage } from '../../src/renderer/i18n';
import { errorMessage, localizeMessage } from '../../src/renderer/i18n/messages';
import { message, messageText } from '../../src/shared/messages';
import { divergedMessage } from '../../src/worker/diverged';

/** The string at a dotted key, or undefined. */
function lookup(dict: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      dict,
    );
}

const { en, ja, ko } = DICTIONARIES;
const enKeys = flattenKeys(en);

describe('i18n dictionaries', () => {
  it.each([
    ['ja', ja],
    ['ko', ko],
  ])('%s has every English key, no extra keys, and no empty strings', (_name, dict) => {
    const keys = flattenKeys(dict);
    expect(enKeys.filter((k) => !keys.includes(k))).toEqual([]);
    expect(keys.filter((k) => !enKeys.includes(k))).toEqual([]);
    for (const k of keys) expect(String(lookup(dict, k)).trim()).not.toBe('');
  });

  it('keeps the same {{placeholders}} in every translation', () => {
    const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const k of enKeys) {
      expect(placeholders(lookup(ja, k)), `ja ${k}`).toEqual(placeholders(lookup(en, k)));
      expect(placeholders(lookup(ko, k)), `ko ${k}`).toEqual(placeholders(lookup(en, k)));
    }
  });

  it('has a label, help and option labels for every PARAMS entry, and a text for every state', () => {
    for (const p of PARAMS) {
      expect(lookup(en, p.labelKey), p.key).toBeTypeOf('string');
      expect(lookup(en, p.helpKey), p.key).toBeTypeOf('string');
      if (p.kind === 'choice')
        for (const o of p.options)
          expect(lookup(en, `${p.optionKeyPrefix}.${o}`), `${p.key}.${o}`).toBeTypeOf('string');
    }
    for (const s of RUN_STATES) expect(lookup(en, `state.${s}`)).toBeTypeOf('string');
  });

  it('has a text for every reason notApplicable can give', () => {
    const configs: TrainConfig[] = [
      DEFAULT_CONFIG,
      { ...DEFAULT_CONFIG, init: 'he', stopBy: 'epochs', schedule: 'step' },
    ];
    const reasons = new Set<string>();
    for (const c of configs)
      for (const p of PARAMS) {
        const why = notApplicable(p.key, c);
        if (why) reasons.add(why);
      }
    expect(reasons.size).toBeGreaterThanOrEqual(8);
    for (const r of reasons) expect(lookup(en, r), r).toBeTypeOf('string');
  });

  it("uses the book's Japanese and Korean terms", () => {
    expect(ja.param.learningRate.label).toBe('学習率');
    expect(ja.param.activation.label).toBe('活性化関数');
    expect(ja.param.init.label).toBe('重みの初期値');
    expect(ja.param.batchNorm.label).toBe('バッチ正規化');
    expect(ko.param.learningRate.label).toBe('학습률');
    expect(ko.param.init.label).toBe('가중치 초깃값');
  });

  it('names every language in itself, from its own dictionary', () => {
    expect(LANGUAGE_NAMES).toEqual({ en: 'English', ja: '日本語', ko: '한국어' });
  });

  it('matches browser language tags and OS locales to supported languages', () => {
    expect(matchLanguage('ja-JP')).toBe('ja');
    expect(matchLanguage('ko_KR')).toBe('ko');
    expect(matchLanguage('ko')).toBe('ko');
    expect(matchLanguage('en-GB')).toBe('en');
    expect(matchLanguage('fr-FR')).toBeNull();
    expect(matchLanguage(undefined)).toBeNull();
  });
});

describe('localizeMessage', () => {
  const t = (lng: 'en' | 'ja' | 'ko') => translator(lng);
  initI18n('en');

  it('shows a worker message in Japanese and Korean with its numbers', () => {
    const text = divergedMessage(NaN, 37, 5);
    expect(localizeMessage(text, t('en'))).toBe(messageText(text));
    expect(localizeMessage(text, t('ja'))).toBe(
      'イテレーション 37 で損失が NaN になりました。学習率（5）が大きすぎる可能性があります。0.1 以下を試してください',
    );
    expect(localizeMessage(text, t('ko'))).toMatch(/^반복 37에서 손실이 NaN이 되었습니다\. 학습률\(5\)/);
  });

  it('translates the cause inside a message, and a run state', () => {
    const text = message('cannotImport', {
      name: 'evil.pkl',
      detail: message('pickleGlobal', { global: 'os.system' }),
    });
    expect(localizeMessage(text, t('ja'))).toBe(
      'evil.pkl はインポートできません：pickle が os.system を参照していますが、これは許可されていません。読み込めるのは NumPy 配列だけです。',
    );
    const state = message('wrongState', { name: 'run 3', state: 'finished' });
    expect(localizeMessage(state, t('ja'))).toMatch(/^run 3 は「完了」です。/);
  });

  it("translates by code, never by reading English; raw text (a library's words) stays as it is", () => {
    // What crossed a bridge as data (a rejection from the preload or the socket) translates by its code.
    expect(localizeMessage(errorMessage(message('notZip')), t('ja'))).toBe(
      '.npz ファイルではありません（zip アーカイブではありません）。',
    );
    expect(
      localizeMessage(errorMessage(new Error('Malformed pickle: negative LONG4 length.')), t('ja')),
    ).toBe('Malformed pickle: negative LONG4 length.');
  });
});

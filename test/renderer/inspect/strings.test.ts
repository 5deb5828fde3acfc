import { describe, expect, it } from 'vitest';
import { inspectStrings } from '../../../src/renderer/inspect/strings';

/** Flatten nested dictionaries into dotted keys. */
function flatten(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v as object, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('inspect dictionaries', () => {
  const en = flatten(inspectStrings.en);
  const languages = { ja: flatten(inspectStrings.ja), ko: flatten(inspectStrings.ko) };

  it('live under the inspect. prefix and keep the accessible names the end-to-end tests rely on', () => {
    expect([...en.keys()].every((k) => k.startsWith('inspect.'))).toBe(true);
    expect(en.get('inspect.draw.canvas')).toBe('Drawing canvas');
    expect(en.get('inspect.weights.firstLayer')).toBe('First-layer weights');
    expect(en.get('inspect.weights.unit')).toBe('Hidden unit {{n}}');
    expect(en.get('inspect.eval.cell_other')).toBe(
      'True {{truth}}, predicted {{predicted}}: {{count}} images',
    );
    expect(en.get('inspect.predict.live')).toBe('Prediction: {{digit}} ({{percent}}%)');
  });

  for (const [lang, dict] of Object.entries(languages)) {
    it(`${lang} has every English key, non-empty, with the same placeholders`, () => {
      expect([...dict.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of en) {
        const translated = dict.get(key)!;
        expect(translated.trim().length, key).toBeGreaterThan(0);
        expect(placeholders(translated), key).toEqual(placeholders(text));
      }
    });

    it(`${lang} is translated, not copied (strings with letters differ from English)`, () => {
      for (const [key, text] of en) {
        if (/[A-Za-z]{3,}/.test(text.replace(/\{\{\w+\}\}/g, ''))) expect(dict.get(key), key).not.toBe(text);
      }
    });
  }

  it("uses the book's Japanese terms", () => {
    const ja = languages.ja;
    expect(ja.get('inspect.weights.title')).toBe('重み');
    expect(ja.get('inspect.eval.matrix')).toBe('混同行列');
    expect(ja.get('inspect.activations.title')).toContain('隠れ層');
    expect(ja.get('inspect.eval.overall')).toContain('認識精度');
  });
});

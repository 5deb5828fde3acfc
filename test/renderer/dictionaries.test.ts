/// <reference types="node" />
/**
 * The dictionaries as data: where they live (the only files under src with Japanese or Korean
 * text), the accessible names the end-to-end tests rely on, and translations that are not copies.
 * (Missing keys and shapes are the type checker's: ja and ko are typed as the English dictionary.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../src/shared/i18n';

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

/** Every file under `dir`, recursively, as paths relative to the repository. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const root = process.cwd();
const DICTIONARY_FOLDERS = ['ja', 'ko'].map((lang) => path.join('src', 'shared', 'i18n', lang) + path.sep);
/** Han, Hiragana, Katakana and Hangul: Japanese or Korean text. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

describe('language dictionaries', () => {
  it('are the only source files with Japanese or Korean text', () => {
    const withCjk = filesUnder(path.join(root, 'src'))
      .filter((file) => CJK.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(withCjk.length).toBeGreaterThan(0);
    expect(withCjk.filter((file) => !DICTIONARY_FOLDERS.some((dir) => file.startsWith(dir)))).toEqual([]);
  });

  const en = flatten(DICTIONARIES.en);

  it('keep the accessible names the end-to-end tests rely on', () => {
    expect(en.get('draw.canvas')).toBe('Drawing canvas');
    expect(en.get('weights.firstLayer')).toBe('First-layer weights');
    expect(en.get('weights.unit')).toBe('Hidden unit {{n}}');
    expect(en.get('evaluate.cell_other')).toBe('True {{truth}}, predicted {{predicted}}: {{count}} images');
    expect(en.get('draw.predict.live')).toBe('Prediction: {{digit}} ({{percent}}%)');
  });

  // The feature views' words: every one with letters in it is translated, not copied.
  const FEATURES = ['draw.', 'weights.', 'evaluate.', 'testSet.', 'state.'];
  for (const lang of ['ja', 'ko'] as const) {
    it(`${lang} translates the feature views' words (those with letters differ from English)`, () => {
      const dict = flatten(DICTIONARIES[lang]);
      for (const [key, text] of en) {
        if (!FEATURES.some((prefix) => key.startsWith(prefix))) continue;
        if (/[A-Za-z]{3,}/.test(text.replace(/\{\{\w+\}\}/g, ''))) expect(dict.get(key), key).not.toBe(text);
      }
    });
  }

  it("uses the book's Japanese terms", () => {
    const ja = flatten(DICTIONARIES.ja);
    expect(ja.get('weights.title')).toBe('重み');
    expect(ja.get('evaluate.matrix')).toBe('混同行列');
    expect(ja.get('draw.activations.title')).toContain('隠れ層');
    expect(ja.get('evaluate.overall')).toContain('認識精度');
  });
});

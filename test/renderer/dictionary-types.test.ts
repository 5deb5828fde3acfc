/**
 * The dictionaries' types, checked by `npm run typecheck` (tsconfig.web.json includes this file):
 * each `@ts-expect-error` below must be an error, or the type check fails. At run time the test
 * only confirms the keys it uses exist.
 */
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, translator, type Dictionary } from '../../src/shared/i18n';

describe('dictionary types', () => {
  it('accept real keys and reject misspelt ones', () => {
    const t: TFunction = translator('en');
    expect(t('runs.rename', { name: 'Run 1' })).toBe('Rename Run 1');
    // @ts-expect-error a misspelt key is not a key
    expect(t('runs.renmae')).toBe('runs.renmae');
    // @ts-expect-error a namespace that does not exist
    expect(t('inspect.draw.canvas')).toBe('inspect.draw.canvas');
  });

  it('require every key in every language', () => {
    const { rename: _dropped, ...runsWithoutRename } = DICTIONARIES.ja.runs;
    // @ts-expect-error a dictionary without runs.rename is not a Dictionary
    const incomplete: Dictionary = { ...DICTIONARIES.ja, runs: runsWithoutRename };
    expect(incomplete.runs.rename).toBeUndefined();
    // @ts-expect-error nor is one with a key English does not have
    const extra: Dictionary['runs'] = { ...DICTIONARIES.ja.runs, renameAll: 'すべて' };
    expect(extra.rename).toBe(DICTIONARIES.ja.runs.rename);
  });
});

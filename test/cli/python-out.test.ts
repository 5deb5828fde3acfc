/**
 * `npm run train -- --out run.ipynb | run.py` for a convolutional run, and `--lang en|ja|ko`: the
 * notebook's and the script's prose in that language, their code the same; a language the app
 * does not have is refused before training with the list of the ones it has.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli';
import { UsageError, parseTrainFlags, trainUsage } from '../../src/cli/flags';
import { DICTIONARIES } from '../../src/shared/i18n';

const tmp = mkdtempSync(path.join(tmpdir(), 'mnist-cli-python-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A tiny SimpleConvNet: what is checked is the file, not the accuracy. */
const TINY_CNN = [
  '--arch',
  'simple-convnet',
  '--filters',
  '4',
  '--conv-hidden',
  '20',
  '--iters',
  '20',
  '--eval-every',
  '20',
  '--train-subset',
  '1000',
  '--quiet',
];

interface Notebook {
  cells: { cell_type: string; source: string[] }[];
}
const cellsOf = (file: string, kind: 'code' | 'markdown'): string[] =>
  (JSON.parse(readFileSync(file, 'utf8')) as Notebook).cells
    .filter((c) => c.cell_type === kind)
    .map((c) => c.source.join(''));

describe('--lang', () => {
  it('names the prose language: en (the default), ja or ko; anything else is a usage error naming them', () => {
    expect(parseTrainFlags([]).language).toBe('en');
    expect(parseTrainFlags(['--lang', 'ja']).language).toBe('ja');
    expect(parseTrainFlags(['--lang', 'ko', '--out', 'run.ipynb']).language).toBe('ko');
    expect(() => parseTrainFlags(['--lang', 'fr'])).toThrow(UsageError);
    expect(() => parseTrainFlags(['--lang', 'fr'])).toThrow("--lang must be one of en, ja, ko (got 'fr').");
    expect(trainUsage()).toMatch(
      /--lang LANG +the language of a notebook's or training script's prose: en \| ja \| ko/,
    );
  });

  it('a wrong --lang stops the CLI before training, exit code 2', async () => {
    const r = await cli('train', ['--iters', '10', '--lang', 'de', '--out', path.join(tmp, 'x.ipynb')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--lang must be one of en, ja, ko (got 'de').");
    expect(r.stdout).toBe('');
  }, 60_000);
});

describe('train --out for a convolutional run', () => {
  it('--out run.ipynb --lang ja writes a notebook with an im2col forward pass and Japanese prose', async () => {
    const ja = path.join(tmp, 'cnn-ja.ipynb');
    const r = await cli('train', [...TINY_CNN, '--lang', 'ja', '--out', ja]);
    expect(r.stderr).toMatch(/notebook saved to .*cnn-ja\.ipynb as ipynb/);
    expect(r.code).toBe(0);
    const code = cellsOf(ja, 'code').join('\n');
    expect(code).toContain('def im2col(input_data, filter_h, filter_w, stride=1, pad=0):');
    expect(code).toContain(
      "Convolution(network['W1'], network['b1'], stride=1, pad=0).forward(x)  # (N, 4, 24, 24)",
    );
    const prose = cellsOf(ja, 'markdown');
    for (const cell of prose)
      expect(cell, cell).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
    const words = DICTIONARIES.ja.notebook;
    expect(prose.join('\n')).toContain(`## ${words.forwardHeading}`);
    expect(prose.join('\n')).toContain(words.forwardTextConv.replace('{{output}}', 'softmax'));
  }, 120_000);

  it('--out run.py --lang ko writes a SimpleConvNet training script with a Korean header', async () => {
    const file = path.join(tmp, 'cnn-ko.py');
    const r = await cli('train', [...TINY_CNN, '--lang', 'ko', '--out', file]);
    expect(r.stderr).toMatch(/training script saved to .*cnn-ko\.py as py/);
    expect(r.code).toBe(0);
    const script = readFileSync(file, 'utf8');
    const header = script.slice(0, script.indexOf('\nimport '));
    expect(header).toMatch(/\p{Script=Hangul}/u);
    expect(header).toContain(DICTIONARIES.ko.notebook.scriptCannot);
    for (const part of ['class SimpleConvNet:', 'def col2im(', 'class Pooling:', 'def gradient(self, x, t)'])
      expect(script).toContain(part);
  }, 120_000);
});

/**
 * `--out FILE` picks the weights format by its extension (.npz, .pkl, .json, .onnx) and refuses any
 * other with the list of choices; `npm run eval -- --weights` reads the .npz/.pkl/.json it wrote and
 * gets the accuracy training reported; `--data-dir` keeps the run in a history folder.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-web';
import { afterAll, describe, expect, it } from 'vitest';
import { book, cli } from './run-cli';
import { UsageError, parseTrainFlags } from '../../src/cli/flags';
import { outFormat } from '../../src/cli/out-format';
import { decodeWeights, detectWeightsFormat } from '../../src/formats/index';

const tmp = mkdtempSync(path.join(tmpdir(), 'mnist-cli-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lastLine = (s: string) => s.trim().split('\n').at(-1) ?? '';

describe('--out picks the format by extension', () => {
  it('maps .npz .pkl .json .onnx .ipynb .py (any case) and nothing else', () => {
    expect(['a.npz', 'b.PKL', 'c.json', 'd.onnx', 'e.ipynb', 'f.PY'].map(outFormat)).toEqual([
      'npz',
      'pkl',
      'json',
      'onnx',
      'ipynb',
      'py',
    ]);
    expect(outFormat('w.h5')).toBeNull();
    expect(outFormat('weights')).toBeNull();
    expect(() => parseTrainFlags(['--out', 'w.h5'])).toThrow(UsageError);
    expect(() => parseTrainFlags(['--out', 'w.h5'])).toThrow(
      /--out w\.h5: unknown export file extension; choose one of \.npz, \.pkl, \.json, \.onnx, \.ipynb, \.py/,
    );
  });

  it('an unknown extension stops the CLI before training, exit code 2', async () => {
    const r = await cli('train', ['--iters', '10', '--out', path.join(tmp, 'w.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/choose one of \.npz, \.pkl, \.json, \.onnx, \.ipynb, \.py/);
    expect(r.stdout).toBe('');
  }, 60_000);

  for (const ext of ['npz', 'pkl', 'json', 'onnx'] as const) {
    it(`train --out w.${ext} writes ${ext}${ext === 'onnx' ? ' that onnxruntime runs' : ' that eval reads back with the same accuracy'}`, async () => {
      const out = path.join(tmp, `w.${ext}`);
      const dataDir = path.join(tmp, `history-${ext}`);
      const r = await cli('train', [
        '--iters',
        '200',
        '--eval-every',
        '200',
        '--hidden',
        '30',
        '--quiet',
        '--out',
        out,
        '--data-dir',
        dataDir,
      ]);
      expect(r.stderr).toMatch(new RegExp(`as ${ext}`));
      expect(r.code).toBe(0);
      const bytes = new Uint8Array(readFileSync(out));
      expect(detectWeightsFormat(bytes)).toBe(ext);
      expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const runFolders = readdirSync(dataDir);
      expect(runFolders).toHaveLength(1);
      expect(existsSync(path.join(dataDir, runFolders[0], 'weights.json'))).toBe(true);
      const [, correct] = /\((\d+)\/10000\)/.exec(lastLine(r.stdout)) ?? [];
      if (ext === 'onnx') {
        const session = await ort.InferenceSession.create(bytes);
        const result = await session.run({
          [session.inputNames[0]]: new ort.Tensor('float32', new Float32Array(784), [1, 784]),
        });
        const p = result[session.outputNames[0]].data as Float32Array;
        expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      } else {
        const decoded = decodeWeights(bytes, out);
        expect(decoded.tensors.map((t) => t.name).sort()).toEqual(['W1', 'W2', 'b1', 'b2']);
        if (ext === 'json') {
          // The app's own lossless format: architecture, hyperparameters, seed and the run's metrics.
          expect(decoded.meta?.architecture).toMatchObject({
            inputSize: 784,
            hidden: [30],
            outputSize: 10,
            activation: 'relu',
          });
          expect(decoded.meta?.config).toMatchObject({ hidden: [30], iterations: 200, evalEvery: 200 });
          expect(decoded.meta?.seed).toBe(decoded.meta?.config?.seed);
          const metrics = decoded.meta?.metrics as { iteration: number; epochs: { testCorrect: number }[] };
          expect(metrics.iteration).toBe(200);
          expect(metrics.epochs.map((e) => e.testCorrect)).toEqual([Number(correct)]);
        }
        const e = await cli('eval', ['--weights', out]);
        expect(e.code).toBe(0);
        expect(lastLine(e.stdout)).toBe(
          `test accuracy: ${(Number(correct) / 10000).toFixed(4)} (${correct}/10000)`,
        );
      }
    }, 120_000);
  }

  it('train --out run.ipynb / run.py write the run as a Jupyter notebook and as a NumPy training script', async () => {
    const args = ['--iters', '200', '--eval-every', '200', '--hidden', '30', '--quiet', '--out'];
    const notebookFile = path.join(tmp, 'run.ipynb');
    const r = await cli('train', [...args, notebookFile]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/notebook saved to .*run\.ipynb as ipynb/);
    const [, correct] = /\((\d+)\/10000\)/.exec(lastLine(r.stdout)) ?? [];
    const notebook = JSON.parse(readFileSync(notebookFile, 'utf8')) as {
      nbformat: number;
      metadata: { kernelspec: { name: string } };
      cells: { cell_type: string; source: string[] }[];
    };
    expect(notebook.nbformat).toBe(4);
    expect(notebook.metadata.kernelspec.name).toBe('python3');
    const text = notebook.cells.map((c) => c.source.join('')).join('\n');
    expect(text).toContain(`The app reported ${correct}/10000 at iteration 200`);
    expect(text).toContain("a1 = x @ network['W1'] + network['b1']");

    const scriptFile = path.join(tmp, 'run.py');
    const s = await cli('train', [...args, scriptFile]);
    expect(s.code).toBe(0);
    expect(s.stderr).toMatch(/training script saved to .*run\.py as py/);
    const script = readFileSync(scriptFile, 'utf8');
    expect(script.startsWith('#!/usr/bin/env python3\n')).toBe(true);
    expect(script).toContain('hidden_size_list=[30]');
    expect(script).toMatch(/^iters_num = 200$/m);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('an unwritable --out: a clear message, exit code 1, nothing half-written', async () => {
    const out = path.join(tmp, 'no-such-folder', 'w.npz');
    const r = await cli('train', [
      '--iters',
      '20',
      '--eval-every',
      '20',
      '--hidden',
      '10',
      '--quiet',
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Could not save .*w\.npz: the folder does not exist\. Nothing was written/);
    expect(existsSync(path.dirname(out))).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it("eval on the book's sample_weight.pkl needs no --activation: sigmoid is the book's choice for 784-50-100-10", async () => {
    const r = await cli('eval', ['--weights', path.join(book, 'sample_weight.pkl')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/784-50-100-10 \(sigmoid\)/);
    expect(lastLine(r.stdout)).toBe('test accuracy: 0.9352 (9352/10000)');
  }, 60_000);
});

/**
 * A run taken to Python, checked by the real consumers: a short real training run on the bundled
 * MNIST through the Lab service is exported as a notebook, which Debian's `jupyter nbconvert
 * --to notebook --execute` runs (Python 3 kernel = /usr/bin/python3) against a gzipped copy of the
 * bundled MNIST named by MNIST_DIR; it must count the test images the app counted (within 2) and
 * draw its three figures. The same run exported as a training script, run by /usr/bin/python3,
 * must reach the app's test accuracy to within 1.5 points. In Japanese and Korean the prose is
 * theirs and the code is the same. Without Jupyter or NumPy the tests say "skipped: why" (on CI
 * that is a failure).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabService } from '../../src/main/lab/service';
import { pythonExportFile } from '../../src/main/lab/python-export/index';
import { DEFAULT_CONFIG, type TrainConfig } from '../../src/shared/hyperparams';
import { DICTIONARIES } from '../../src/shared/i18n';
import { LabError } from '../../src/shared/messages';
import type { RunSummary } from '../../src/shared/runs';
import { jupyterMissingReason, mnistDir, numpyMissingReason } from '../formats/helpers';
import { EventLog } from './lab-helpers';
import { codeOf, executeNotebook, expectThreePlots, parseNotebook, proseOf } from './notebook-helpers';

const noJupyter = jupyterMissingReason();
if (noJupyter) console.log(noJupyter); // the reason starts with "skipped:"
const noNumpy = numpyMissingReason();

/** The book's ch05 run (784-50-10, ReLU, SGD lr 0.1, batch 100 drawn at random), shortened. */
const BOOK_RUN: Partial<TrainConfig> = { iterations: 1200, evalEvery: 600, seed: 3 };

describe('a run exported as a notebook and as a NumPy training script', () => {
  const lab = new LabService();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mnist-notebook-'));
  let run: RunSummary;

  beforeAll(async () => {
    const log = new EventLog(lab);
    const started = await lab.startRun(BOOK_RUN);
    await log.waitFor('state', (e) => e.runId === started.id && e.state === 'finished', 180_000);
    run = (await lab.listRuns()).find((r) => r.id === started.id)!;
  }, 200_000);

  afterAll(async () => {
    await lab.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(noJupyter)(
    'jupyter nbconvert --execute runs the notebook on MNIST_DIR (gzipped IDX): the test count the app reported, and three figures',
    async () => {
      const exported = await lab.exportWeights(run.id, 'ipynb', 'en');
      expect(exported.fileName).toMatch(/\.ipynb$/);
      const notebook = parseNotebook(exported.bytes!);
      expect(notebook.nbformat).toBe(4);
      expect(notebook.metadata.kernelspec).toMatchObject({ name: 'python3', language: 'python' });
      const file = path.join(dir, exported.fileName);
      writeFileSync(file, exported.bytes!);
      // The bundled MNIST, gzipped, in a folder of its own: the notebook reads .gz and follows MNIST_DIR.
      const gzDir = path.join(dir, 'mnist-gz');
      mkdirSync(gzDir);
      for (const name of [
        'train-images-idx3-ubyte',
        'train-labels-idx1-ubyte',
        't10k-images-idx3-ubyte',
        't10k-labels-idx1-ubyte',
      ])
        writeFileSync(
          path.join(gzDir, `${name}.gz`),
          gzipSync(readFileSync(path.join(mnistDir, name)), { level: 1 }),
        );

      const { notebook: out, printed } = executeNotebook(file, dir, gzDir);
      expect(printed).toContain(`MNIST_DIR = ${gzDir}`);
      const line = /^test accuracy: (\d\.\d{4}) \((\d+)\/(\d+)\)$/m.exec(printed);
      expect(line, printed).not.toBeNull();
      const [, accuracy, correct, count] = line!;
      expect(Number(count)).toBe(10_000);
      expect(Number(accuracy)).toBeCloseTo(Number(correct) / 10_000, 4);
      const reported = run.lastEpoch!.testCorrect;
      expect(Math.abs(Number(correct) - reported)).toBeLessThanOrEqual(2);
      console.log(`notebook: ${correct}/10000 right; the app reported ${reported}/10000`);

      // The three plotting cells each drew a PNG (curves, confusion matrix, first layer).
      expectThreePlots(out, 5000);
    },
    300_000,
  );

  it.skipIf(noNumpy)(
    "the book run's training script, run by /usr/bin/python3, reaches the app's test accuracy to within 1.5 points",
    async () => {
      const exported = await lab.exportWeights(run.id, 'py', 'en');
      expect(exported.fileName).toMatch(/\.py$/);
      const script = new TextDecoder().decode(exported.bytes!);
      // Book style: the network class with predict / loss / gradient, the optimizer's update.
      for (const part of [
        'class MultiLayerNet:',
        'def predict(self, x',
        'def loss(self, x, t',
        'def gradient(self, x, t)',
        'class SGD:',
        'def update(self, params, grads):',
      ])
        expect(script).toContain(part);
      expect(script).toMatch(/cannot reproduce exactly:[\s\S]*random streams/);
      const file = path.join(dir, exported.fileName);
      writeFileSync(file, script);
      const result = spawnSync('/usr/bin/python3', [file], {
        encoding: 'utf8',
        env: { ...process.env, MNIST_DIR: mnistDir },
        maxBuffer: 16 << 20,
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const last = result.stdout.trim().split('\n').at(-1) ?? '';
      const match = /^test accuracy: (\d\.\d{4}) \((\d+)\/10000\)$/.exec(last);
      expect(match, result.stdout).not.toBeNull();
      const theirs = Number(match![2]) / 10_000;
      const ours = run.lastEpoch!.testAccuracy;
      console.log(
        `script: test accuracy ${theirs.toFixed(4)}; the app: ${ours.toFixed(4)} (${BOOK_RUN.iterations} iterations)`,
      );
      expect(Math.abs(theirs - ours)).toBeLessThanOrEqual(0.015);
      // One progress line per evaluation point, like the app's.
      expect(result.stdout.match(/^iteration \d+\/1200: /gm)).toHaveLength(2);
    },
    120_000,
  );

  it('in Japanese and Korean: the prose is in that language, the code is the same', async () => {
    const en = parseNotebook((await lab.exportWeights(run.id, 'ipynb', 'en')).bytes!);
    const enScript = new TextDecoder().decode((await lab.exportWeights(run.id, 'py', 'en')).bytes!);
    const scripts: Record<string, RegExp> = {
      ja: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
      ko: /\p{Script=Hangul}/u,
    };
    for (const language of ['ja', 'ko'] as const) {
      const nb = parseNotebook((await lab.exportWeights(run.id, 'ipynb', language)).bytes!);
      expect(codeOf(nb)).toEqual(codeOf(en));
      const prose = proseOf(nb);
      expect(prose).toHaveLength(proseOf(en).length);
      for (const cell of prose) expect(cell, cell).toMatch(scripts[language]);
      const words = DICTIONARIES[language].notebook;
      const all = prose.join('\n');
      for (const heading of [
        words.settingsHeading,
        words.weightsHeading,
        words.accuracyHeading,
        words.confusionHeading,
      ])
        expect(all).toContain(`## ${heading}`);
      // The table's labels come from the panel's dictionary in that language.
      expect(all).toContain(`| ${DICTIONARIES[language].param.learningRate.label} | 0.1 | §4.4.1 |`);
      expect(all).not.toContain(DICTIONARIES.en.notebook.intro);

      const script = new TextDecoder().decode((await lab.exportWeights(run.id, 'py', language)).bytes!);
      const header = (s: string) => s.slice(0, s.indexOf('\nimport '));
      expect(header(script)).toMatch(scripts[language]);
      expect(script.slice(script.indexOf('\nimport '))).toBe(enScript.slice(enScript.indexOf('\nimport ')));
    }
  });

  it('a config naming an architecture the Python exports do not know is refused with its catalogued message, no file', async () => {
    const config = { ...DEFAULT_CONFIG, arch: 'resnet' } as unknown as TrainConfig;
    const metrics = await lab.getRunMetrics(run.id);
    for (const format of ['ipynb', 'py'] as const) {
      let thrown: unknown;
      try {
        pythonExportFile(format, {
          summary: { ...run, config },
          metrics,
          tensors: await lab.getWeights(run.id),
          dataset: await lab.datasetInfo(),
          language: 'ja',
          fileName: `run.${format}`,
        });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(LabError);
      expect((thrown as LabError).code).toBe('pythonExportUnsupported');
      expect((thrown as LabError).message).toBe(
        `A resnet network cannot be exported as .${format} (only the MLP, simple-convnet and deep-convnet runs can); export its weights (.npz, .pkl or .json) instead.`,
      );
    }
  });
});

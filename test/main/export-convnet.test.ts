/**
 * A CNN run's exports in the tools learners use: the .npz and .pkl hold the dict the book's
 * SimpleConvNet.load_params / DeepConvNet.load_params read unchanged (W1, b1, ... in the book's shapes,
 * the pickle in protocol 4 as the book's own), and real NumPy running an im2col forward written in the
 * test (fixtures/convnet_forward.py) on them gives the same argmax as ours on every one of the 10,000
 * test images, with the winning probability within 1e-5 (evaluateRun's predictions and confidences),
 * and all ten probabilities within 1e-5 of predict() on the first 1,000. The .onnx export (Reshape, Conv, Relu, MaxPool,
 * Flatten, Gemm, Softmax; batch norm and the book's test-time dropout scaling folded in) passes the ONNX
 * checker of the onnx Python package and agrees with predict() in onnxruntime-web, to the same tolerance.
 * Three runs: the book's params.pkl (SimpleConvNet), the book's deep_convnet_params.pkl (DeepConvNet,
 * with its scaling Dropout) and a short real SimpleConvNet run with stride 2, pad 1, batch norm and dropout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabService } from '../../src/main/lab/service';
import type { RunSummary } from '../../src/shared/runs';
import { bookDir, mnistDir, numpyMissingReason, repoRoot } from '../formats/helpers';
import { EventLog } from './lab-helpers';

/** Images whose ten probabilities are compared (predict(), one image at a time); every image's argmax is. */
const COUNT = 1000;
const ALL = 10000;
const TOLERANCE = 1e-5;
const PYTHON = '/usr/bin/python3';
const imagesFile = path.join(mnistDir, 't10k-images-idx3-ubyte');
const forwardScript = path.join(repoRoot, 'test/main/fixtures/convnet_forward.py');
const deepPkl = path.join(repoRoot, 'test/fixtures/book/deep_convnet_params.pkl');
const simplePkl = path.join(bookDir, 'params.pkl');
if (!existsSync(simplePkl) && process.env.CI === 'true') throw new Error(`${simplePkl} is missing`);

const noNumpy = numpyMissingReason();
if (noNumpy) console.log(noNumpy);
/** Why the ONNX checker cannot run here (Debian package python3-onnx), or null; an error on CI. */
function onnxMissingReason(): string | null {
  if (noNumpy) return noNumpy;
  if (spawnSync(PYTHON, ['-c', 'import onnx'], { encoding: 'utf8' }).status === 0) return null;
  const reason = 'skipped: the onnx package is not installed for /usr/bin/python3 (python3-onnx)';
  if (process.env.CI === 'true') throw new Error(`CI requires the ONNX checker: ${reason}`);
  return reason;
}
const noOnnx = onnxMissingReason();
if (noOnnx && !noNumpy) console.log(noOnnx);

/** Ours: predict()'s ten probabilities for the first COUNT images; evaluateRun's class and its probability for all. */
interface Ours {
  first: Float32Array[];
  predictions: Uint8Array;
  confidences: Float32Array;
}

const argmax = (row: ArrayLike<number>) => {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
  return best;
};

describe.skipIf(!existsSync(simplePkl))(
  'CNN weights export read by NumPy, the ONNX checker and onnxruntime',
  () => {
    const lab = new LabService();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mnist-export-cnn-'));
    const runs: { run: RunSummary; ours: Ours }[] = [];

    /** Our probabilities for the first COUNT test images, and every test image's class and its probability. */
    async function ourPredictions(runId: string): Promise<Ours> {
      const images = readFileSync(imagesFile).subarray(16, 16 + COUNT * 784);
      const first: Float32Array[] = [];
      for (let i = 0; i < COUNT; i++)
        first.push((await lab.predict(runId, images.subarray(i * 784, (i + 1) * 784))).probabilities);
      const { predictions, confidences } = await lab.evaluateRun(runId);
      return { first, predictions, confidences };
    }

    function compare(name: string, ours: Ours, theirs: ArrayLike<number>[]): number {
      expect(theirs.length, name).toBe(ALL);
      let maxDiff = 0;
      for (let i = 0; i < ALL; i++) {
        const best = argmax(theirs[i]);
        expect(best, `${name}: image ${i}`).toBe(ours.predictions[i]);
        maxDiff = Math.max(maxDiff, Math.abs(theirs[i][best] - ours.confidences[i]));
        if (i < COUNT)
          for (let j = 0; j < 10; j++) maxDiff = Math.max(maxDiff, Math.abs(theirs[i][j] - ours.first[i][j]));
      }
      expect(maxDiff, name).toBeLessThanOrEqual(TOLERANCE);
      return maxDiff;
    }

    async function imported(file: string): Promise<RunSummary> {
      const preview = await lab.openWeights(path.basename(file), new Uint8Array(readFileSync(file)));
      return lab.importWeights(preview.pendingId, { activation: 'relu' });
    }

    beforeAll(async () => {
      for (const file of [simplePkl, deepPkl]) {
        const run = await imported(file);
        runs.push({ run, ours: await ourPredictions(run.id) });
      }
      const log = new EventLog(lab);
      const trained = await lab.startRun({
        arch: 'simple-convnet',
        filters: 6,
        filterSize: 4,
        stride: 2,
        pad: 1,
        pool: 2,
        convHidden: 24,
        batchNorm: true,
        dropout: 0.2,
        optimizer: 'adam',
        learningRate: 0.001,
        iterations: 60,
        evalEvery: 60,
        seed: 3,
      });
      await log.waitFor('state', (e) => e.runId === trained.id && e.state === 'finished', 180_000);
      runs.push({ run: trained, ours: await ourPredictions(trained.id) });
    }, 300_000);

    afterAll(async () => {
      await lab.close();
      rmSync(dir, { recursive: true, force: true });
    });

    for (const format of ['npz', 'pkl'] as const) {
      it.skipIf(noNumpy)(
        `${format}: the book's dict in the book's shapes; NumPy's im2col forward agrees with ours on all ${ALL} test images`,
        async () => {
          for (const { run, ours } of runs) {
            const exported = await lab.exportWeights(run.id, format);
            expect(exported.fileName.endsWith(`.${format}`)).toBe(true);
            const file = path.join(dir, `${run.id}-${exported.fileName}`);
            writeFileSync(file, exported.bytes!);
            const settings = JSON.stringify(run.config);
            const py = spawnSync(PYTHON, [forwardScript, format, file, settings, imagesFile, String(ALL)], {
              encoding: 'utf8',
              maxBuffer: 64 * 1024 * 1024,
            });
            expect(py.stderr).toBe('');
            expect(py.status).toBe(0);
            const maxDiff = compare(`${run.name} ${format}`, ours, JSON.parse(py.stdout) as number[][]);
            console.log(
              `${run.name} (${run.config.arch}) ${format}: max |p_numpy - p_ours| = ${maxDiff.toExponential(2)}`,
            );
          }
        },
        300_000,
      );
    }

    it.skipIf(noOnnx)(
      'onnx: the ONNX checker (full check, with shape inference) accepts every CNN export',
      async () => {
        for (const { run } of runs) {
          const exported = await lab.exportWeights(run.id, 'onnx');
          const file = path.join(dir, `${run.id}-${exported.fileName}`);
          writeFileSync(file, exported.bytes!);
          const code = [
            'import onnx, sys',
            'm = onnx.load(sys.argv[1])',
            'onnx.checker.check_model(m, full_check=True)',
            'print(" ".join(n.op_type for n in m.graph.node))',
          ].join('\n');
          const py = spawnSync(PYTHON, ['-c', code, file], { encoding: 'utf8' });
          expect(py.stderr).toBe('');
          expect(py.status).toBe(0);
          const ops = py.stdout.trim().split(' ');
          expect(new Set(ops)).toEqual(
            new Set(['Reshape', 'Conv', 'Relu', 'MaxPool', 'Flatten', 'Gemm', 'Softmax']),
          );
          expect(ops.filter((op) => op === 'Conv')).toHaveLength(run.config.arch === 'deep-convnet' ? 6 : 1);
        }
      },
      60_000,
    );

    it(`onnx: onnxruntime-web agrees with ours on all ${ALL} test images`, async () => {
      ort.env.wasm.numThreads = 1;
      const pixels = Float32Array.from(readFileSync(imagesFile).subarray(16, 16 + ALL * 784), (p) => p / 255);
      for (const { run, ours } of runs) {
        const exported = await lab.exportWeights(run.id, 'onnx');
        const session = await ort.InferenceSession.create(exported.bytes!);
        const result = await session.run({
          [session.inputNames[0]]: new ort.Tensor('float32', pixels, [ALL, 784]),
        });
        const data = result[session.outputNames[0]].data as Float32Array;
        const rows = Array.from({ length: ALL }, (_, i) => data.subarray(i * 10, i * 10 + 10));
        const maxDiff = compare(`${run.name} onnx`, ours, rows);
        console.log(
          `${run.name} (${run.config.arch}) onnx: max |p_ort - p_ours| = ${maxDiff.toExponential(2)}`,
        );
      }
    }, 120_000);
  },
);

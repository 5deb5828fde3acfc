/**
 * Exported weights in the tools learners already use: the service's .npz, .pkl (protocols 2-4) and
 * .json are loaded by real NumPy (dict(np.load(f)), pickle.load, json + base64) and run through the
 * book's forward pass on the first 1,000 test images; the .onnx export runs in onnxruntime-web.
 * Every image must get the same argmax as our own predict(), every probability within 1e-5.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWeights } from '../../src/formats/index';
import { LabService } from '../../src/main/lab/service';
import type { WeightsFormat } from '../../src/shared/api';
import type { Activation } from '../../src/shared/hyperparams';
import type { RunSummary } from '../../src/shared/runs';
import { bookDir, mnistDir, numpyMissingReason } from '../formats/helpers';
import { EventLog } from './lab-helpers';

const COUNT = 1000;
const TOLERANCE = 1e-5;
const imagesFile = path.join(mnistDir, 't10k-images-idx3-ubyte');
const noNumpy = numpyMissingReason();
if (noNumpy) console.log(noNumpy); // the reason already starts with "skipped:"
const forwardScript = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures/book_forward.py');

const argmax = (row: ArrayLike<number>) => {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
  return best;
};

describe('weights export read by NumPy and onnxruntime', () => {
  const lab = new LabService();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mnist-export-'));
  const runs: { run: RunSummary; activation: Activation; ours: Float32Array[] }[] = [];

  /** Our probabilities for the first COUNT test images, from the run's worker. */
  async function ourPredictions(runId: string): Promise<Float32Array[]> {
    const images = readFileSync(imagesFile).subarray(16, 16 + COUNT * 784);
    const out: Float32Array[] = [];
    for (let i = 0; i < COUNT; i++)
      out.push((await lab.predict(runId, images.subarray(i * 784, (i + 1) * 784))).probabilities);
    return out;
  }

  function compare(name: string, ours: Float32Array[], theirs: ArrayLike<number>[]): number {
    expect(theirs.length, name).toBe(COUNT);
    let maxDiff = 0;
    for (let i = 0; i < COUNT; i++) {
      expect(argmax(theirs[i]), `${name}: image ${i}`).toBe(argmax(ours[i]));
      for (let j = 0; j < 10; j++) maxDiff = Math.max(maxDiff, Math.abs(theirs[i][j] - ours[i][j]));
    }
    expect(maxDiff, name).toBeLessThanOrEqual(TOLERANCE);
    return maxDiff;
  }

  beforeAll(async () => {
    // 1) The book's sample_weight.pkl (784-50-100-10 sigmoid), imported.
    const preview = await lab.openWeights(
      'sample_weight.pkl',
      new Uint8Array(readFileSync(path.join(bookDir, 'sample_weight.pkl'))),
    );
    const imported = await lab.importWeights(preview.pendingId, { activation: preview.suggestedActivation });
    runs.push({ run: imported, activation: 'sigmoid', ours: await ourPredictions(imported.id) });
    // 2) A short real run with batch normalisation (so gamma/beta/runningMean/runningVar are exported too).
    const log = new EventLog(lab);
    const trained = await lab.startRun({
      hidden: [40, 30],
      batchNorm: true,
      iterations: 300,
      evalEvery: 150,
      seed: 7,
    });
    await log.waitFor('state', (e) => e.runId === trained.id && e.state === 'finished', 120_000);
    runs.push({ run: trained, activation: 'relu', ours: await ourPredictions(trained.id) });
  }, 240_000);

  afterAll(async () => {
    await lab.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const formats: { format: WeightsFormat; protocol?: 2 | 3 | 4 }[] = [
    { format: 'npz' },
    { format: 'pkl' },
    { format: 'pkl', protocol: 2 },
    { format: 'pkl', protocol: 4 },
    { format: 'json' },
  ];
  for (const { format, protocol } of formats) {
    const label = protocol ? `${format} (pickle protocol ${protocol})` : format;
    it.skipIf(noNumpy)(
      `${label}: NumPy's forward pass agrees with ours on ${COUNT} test images`,
      async () => {
        for (const { run, activation, ours } of runs) {
          let bytes: Uint8Array;
          let fileName: string;
          if (protocol) {
            fileName = `${run.id}-p${protocol}.pkl`;
            bytes = encodeWeights('pkl', await lab.getWeights(run.id), undefined, {
              pickleProtocol: protocol,
            });
          } else {
            const exported = await lab.exportWeights(run.id, format);
            expect(exported.fileName).toMatch(new RegExp(`\\.${format}$`));
            fileName = `${run.id}-${exported.fileName}`;
            bytes = exported.bytes!;
          }
          const file = path.join(dir, fileName);
          writeFileSync(file, bytes);
          const py = spawnSync(
            '/usr/bin/python3',
            [forwardScript, format, file, activation, imagesFile, String(COUNT)],
            {
              encoding: 'utf8',
              maxBuffer: 64 * 1024 * 1024,
            },
          );
          expect(py.stderr).toBe('');
          expect(py.status).toBe(0);
          const maxDiff = compare(`${run.name} ${label}`, ours, JSON.parse(py.stdout) as number[][]);
          console.log(
            `${run.name} (${run.config.hidden.join('-')}) ${label}: max |p_numpy - p_ours| = ${maxDiff.toExponential(2)}`,
          );
        }
      },
      60_000,
    );
  }

  it(`onnx: onnxruntime-web agrees with ours on ${COUNT} test images`, async () => {
    ort.env.wasm.numThreads = 1;
    const pixels = Float32Array.from(readFileSync(imagesFile).subarray(16, 16 + COUNT * 784), (p) => p / 255);
    for (const { run, ours } of runs) {
      const exported = await lab.exportWeights(run.id, 'onnx');
      expect(exported.fileName.endsWith('.onnx')).toBe(true);
      const session = await ort.InferenceSession.create(exported.bytes!);
      const result = await session.run({
        [session.inputNames[0]]: new ort.Tensor('float32', pixels, [COUNT, 784]),
      });
      const data = result[session.outputNames[0]].data as Float32Array;
      const rows = Array.from({ length: COUNT }, (_, i) => data.subarray(i * 10, i * 10 + 10));
      const maxDiff = compare(`${run.name} onnx`, ours, rows);
      console.log(`${run.name} onnx: max |p_ort - p_ours| = ${maxDiff.toExponential(2)}`);
    }
  }, 60_000);
});

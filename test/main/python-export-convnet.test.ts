/**
 * A convolutional run taken to Python, checked by the real consumers: a short real SimpleConvNet
 * run on the bundled MNIST through the Lab service is exported as a notebook, which Debian's
 * `jupyter nbconvert --to notebook --execute` runs; its im2col forward pass must count the test
 * images the app counted (within 2) and its three figures (curves, confusion matrix, the first
 * convolution's filters) must render. The same run exported as a training script (SimpleConvNet
 * with backprop through im2col / col2im), run by /usr/bin/python3, must reach the app's test
 * accuracy to within 1.5 points. A DeepConvNet's Python follows the engine's plan (the book's
 * layers, pads and test-time Dropout scaling) and its script's gradients match numerical ones.
 * Without Jupyter or NumPy the tests say "skipped: why" (on CI that is a failure).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabService } from '../../src/main/lab/service';
import { pythonExportFile, type PythonExportInput } from '../../src/main/lab/python-export/index';
import { DEFAULT_CONFIG, type TrainConfig } from '../../src/shared/hyperparams';
import type { RunSummary } from '../../src/shared/runs';
import { jupyterMissingReason, mnistDir, numpyMissingReason } from '../formats/helpers';
import { EventLog } from './lab-helpers';
import { executeNotebook, expectThreePlots, parseNotebook, text } from './notebook-helpers';

const noJupyter = jupyterMissingReason();
if (noJupyter) console.log(noJupyter); // the reason starts with "skipped:"
const noNumpy = numpyMissingReason();
if (noNumpy) console.log(noNumpy);

/**
 * The book's train_convnet.py (SimpleConvNet, Adam lr 0.001, batch 100) made smaller and shorter so
 * that both the engine and NumPy train it in about a minute on a loaded machine, yet far enough
 * (about 96 %) that the accuracies mean something: 10 filters 5×5, 50 hidden units, He init, 400
 * iterations.
 */
const CONV_RUN: Partial<TrainConfig> = {
  arch: 'simple-convnet',
  filters: 10,
  convHidden: 50,
  init: 'he',
  optimizer: 'adam',
  learningRate: 0.001,
  iterations: 400,
  evalEvery: 400,
  seed: 3,
};

describe('a SimpleConvNet run exported as a notebook and as a NumPy training script', () => {
  const lab = new LabService();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mnist-notebook-cnn-'));
  let run: RunSummary;

  beforeAll(async () => {
    const log = new EventLog(lab);
    const started = await lab.startRun(CONV_RUN);
    await log.waitFor('state', (e) => e.runId === started.id && e.state === 'finished', 400_000);
    run = (await lab.listRuns()).find((r) => r.id === started.id)!;
  }, 420_000);

  afterAll(async () => {
    await lab.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(noJupyter)(
    'jupyter nbconvert --execute runs its im2col forward pass: the test count the app reported, and three figures',
    async () => {
      const exported = await lab.exportWeights(run.id, 'ipynb', 'en');
      const notebook = parseNotebook(exported.bytes!);
      const code = notebook.cells.filter((c) => c.cell_type === 'code').map((c) => text(c.source));
      const forward = code.find((c) => c.includes('def predict(network, x)'))!;
      for (const part of [
        'def im2col(input_data, filter_h, filter_w, stride=1, pad=0):',
        'class Convolution:',
        'class Pooling:',
      ])
        expect(forward).toContain(part);
      expect(forward).toContain(
        "Convolution(network['W1'], network['b1'], stride=1, pad=0).forward(x)  # (N, 10, 24, 24)",
      );
      expect(forward).toContain('Pooling(pool_h=2, pool_w=2, stride=2).forward(z1)  # (N, 10, 12, 12)');
      expect(forward).toContain("p1.reshape(len(p1), -1) @ network['W2'] + network['b2']  # (N, 50)");
      const file = path.join(dir, exported.fileName);
      writeFileSync(file, exported.bytes!);
      const { notebook: out, printed } = executeNotebook(file, dir, mnistDir);
      // The weights in the book's shapes: conv W is (FN, C, FH, FW).
      expect(printed).toMatch(/W1 +\(10, 1, 5, 5\) float32/);
      expect(printed).toMatch(/W2 +\(1440, 50\) float32/);
      const line = /^test accuracy: (\d\.\d{4}) \((\d+)\/(\d+)\)$/m.exec(printed);
      expect(line, printed).not.toBeNull();
      const [, , correct, count] = line!;
      expect(Number(count)).toBe(10_000);
      const reported = run.lastEpoch!.testCorrect;
      expect(reported).toBeGreaterThan(9_000); // a trained network, not chance
      expect(Math.abs(Number(correct) - reported)).toBeLessThanOrEqual(2);
      console.log(`CNN notebook: ${correct}/10000 right; the app reported ${reported}/10000`);

      const plotCells = expectThreePlots(out, 3000);
      // The filters drawn are the first convolution's: W1[:, 0], ten of them.
      expect(text(plotCells[2].source)).toContain("first_layer = network['W1'][:, 0]");
      expect(printed).not.toContain('Traceback');
    },
    300_000,
  );

  it.skipIf(noNumpy)(
    "its training script, run by /usr/bin/python3, trains a SimpleConvNet to the app's test accuracy within 1.5 points",
    async () => {
      const exported = await lab.exportWeights(run.id, 'py', 'en');
      const script = new TextDecoder().decode(exported.bytes!);
      for (const part of [
        'def im2col(input_data, filter_h, filter_w, stride=1, pad=0):',
        'def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):',
        'class Convolution:',
        'class Pooling:',
        'class SimpleConvNet:',
        'def predict(self, x',
        'def loss(self, x, t',
        'def gradient(self, x, t)',
        'class Adam:',
        'def update(self, params, grads):',
        "self.params['W1'] = np.sqrt(2.0 / (1 * 5 * 5)) * np.random.randn(10, 1, 5, 5)",
        'load_mnist(normalize=True, flatten=False)',
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
        `CNN script: test accuracy ${theirs.toFixed(4)}; the app: ${ours.toFixed(4)} (400 iterations)`,
      );
      expect(Math.abs(theirs - ours)).toBeLessThanOrEqual(0.015);
      expect(result.stdout.match(/^iteration \d+\/400: /gm)).toHaveLength(1);
    },
    300_000,
  );
});

describe("a DeepConvNet's Python follows the engine's plan", () => {
  const deep = { ...DEFAULT_CONFIG, arch: 'deep-convnet', optimizer: 'adam' } as TrainConfig;

  it("the notebook's forward pass has the book's pads, pools and test-time Dropout scaling", () => {
    const code = (format: 'ipynb' | 'py') =>
      new TextDecoder().decode(pythonExportFile(format, exportInput(deep, format)));
    const notebook = parseNotebook(code('ipynb'));
    const forward = notebook.cells
      .map((c) => text(c.source))
      .find((c) => c.includes('def predict(network, x)'))!;
    expect(forward.match(/= Convolution\(/g)).toHaveLength(6);
    expect(forward).toContain(
      "a4 = Convolution(network['W4'], network['b4'], stride=1, pad=2).forward(z3)  # (N, 32, 16, 16)",
    );
    expect(forward.match(/= Pooling\(pool_h=2, pool_w=2, stride=2\)/g)).toHaveLength(3);
    expect(forward).toContain("a7 = p3.reshape(len(p3), -1) @ network['W7'] + network['b7']  # (N, 50)");
    expect(forward).toContain("z7 = z7 * (1.0 - 0.5)  # the book's Dropout(0.5) at inference");
    expect(forward).toContain("a8 = a8 * (1.0 - 0.5)  # the book's Dropout(0.5) at inference");
    const script = code('py');
    expect(script).toContain('class DeepConvNet:');
    expect(script).toContain('return x * (1.0 - self.dropout_ratio)');
    expect(script).toContain("self.params['W7'] = np.sqrt(2.0 / 1024) * np.random.randn(1024, 50)");
  });

  it.skipIf(noNumpy)(
    "the script's DeepConvNet gradients (backprop through col2im) match numerical ones",
    () => {
      const script = new TextDecoder().decode(pythonExportFile('py', exportInput(deep, 'py')));
      const file = path.join(os.tmpdir(), `deep-convnet-${process.pid}.py`);
      writeFileSync(file, script.slice(0, script.indexOf('# --- Training')));
      try {
        const check = spawnSync('/usr/bin/python3', ['-c', GRADIENT_CHECK, file], { encoding: 'utf8' });
        expect(check.stderr).toBe('');
        const worst = Number(/worst relative error (\S+)/.exec(check.stdout)?.[1]);
        expect(worst).toBeLessThan(1e-3);
      } finally {
        rmSync(file, { force: true });
      }
    },
    120_000,
  );
});

/** Numerical vs backprop gradients of the script's network, 8 entries of each parameter (dropout masks held fixed). */
const GRADIENT_CHECK = `
import sys
import numpy as np
namespace = {'__name__': 'gradient_check'}
exec(open(sys.argv[1]).read(), namespace)
np.random.seed(0)
network = namespace['DeepConvNet']()
x = np.random.rand(2, 1, 28, 28)
t = np.array([3, 7])
def loss():
    np.random.seed(42)
    return network.loss(x, t, train_flg=True)
np.random.seed(42)
grads = network.gradient(x, t)
worst = 0.0
for key, param in network.params.items():
    flat = param.reshape(-1)
    for i in np.random.RandomState(1).choice(flat.size, min(8, flat.size), replace=False):
        old = flat[i]
        flat[i] = old + 1e-5; plus = loss()
        flat[i] = old - 1e-5; minus = loss()
        flat[i] = old
        numerical = (plus - minus) / 2e-5
        analytic = grads[key].reshape(-1)[i]
        if abs(numerical) + abs(analytic) > 1e-6:
            worst = max(worst, abs(numerical - analytic) / (abs(numerical) + abs(analytic)))
print('worst relative error', worst)
`;

/** What the exporters need for a run of `config` that has not trained (the Python does not depend on the weights). */
function exportInput(config: TrainConfig, format: 'ipynb' | 'py'): PythonExportInput {
  return {
    summary: {
      id: 'run-deep',
      name: 'Deep',
      config,
      state: 'paused',
      createdAt: 0,
      iteration: 0,
      totalIterations: 10_000,
      iterationsPerEpoch: 600,
      source: 'trained',
    },
    metrics: { losses: new Float32Array(0), learningRates: new Float32Array(0), epochs: [] },
    tensors: [{ name: 'W1', shape: [16, 1, 3, 3], data: new Float32Array(144) }],
    dataset: {
      source: 'bundled',
      path: mnistDir,
      trainCount: 60_000,
      testCount: 10_000,
      rows: 28,
      cols: 28,
      zeroFraction: 0.81,
    },
    language: 'en',
    fileName: `Deep.${format}`,
  };
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { book, cli } from './run-cli';
import { decodeWeights } from '../../src/formats/index';
import { UsageError, parseTrainFlags } from '../../src/cli/flags';
import { writeNpz } from '../../src/formats/npz';

const tmp = mkdtempSync(path.join(tmpdir(), 'mnist-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lastLine = (s: string) => s.trim().split('\n').at(-1);

describe('npm run train', () => {
  it('trains through the service and worker, prints the book lines and the final accuracy, saves weights', async () => {
    const out = path.join(tmp, 'w.json');
    const r = await cli('train', ['--iters', '200', '--eval-every', '100', '--hidden', '40', '--out', out]);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, 2).every((l) => /^train acc, test acc \| 0\.\d{4}, 0\.\d{4}$/.test(l))).toBe(true);
    expect(lastLine(r.stdout)).toMatch(/^final test accuracy: 0\.\d{4} \(\d+\/10000\)$/);
    const [, acc, correct] = /: (0\.\d{4}) \((\d+)\//.exec(lastLine(r.stdout) ?? '') ?? [];
    expect(Number(acc)).toBeCloseTo(Number(correct) / 10000, 4);
    expect(Number(acc)).toBeGreaterThan(0.8);
    expect(r.stderr).toMatch(/200\/200/); // progress (plain lines: not a TTY)
    const saved = decodeWeights(new Uint8Array(readFileSync(out)), out);
    expect(saved.tensors.map((t) => t.shape)).toEqual([[784, 40], [40], [40, 10], [10]]);

    // eval reads our JSON back (activation from its metadata) and agrees with the training run.
    const e = await cli('eval', ['--weights', out]);
    expect(e.code).toBe(0);
    expect(lastLine(e.stdout)).toBe(`test accuracy: ${acc} (${correct}/10000)`);
  });

  it('exits 2 with the list of valid flags for an unknown flag', async () => {
    const r = await cli('train', ['--learning-rate', '0.1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown flag --learning-rate\. Valid flags: .*--lr,/);
  });

  it('names the choices or the range for a wrong value', () => {
    expect(() => parseTrainFlags(['--optimizer', 'adamw'])).toThrow(
      /--optimizer must be one of sgd, momentum, nesterov, adagrad, rmsprop, adam \(got 'adamw'\)/,
    );
    expect(() => parseTrainFlags(['--batch', '0'])).toThrow(
      /--batch must be an integer from 1 to 1000 \(got '0'\)/,
    );
    expect(() => parseTrainFlags(['--dropout', 'x'])).toThrow(/--dropout must be a number from 0 to 0.9/);
    expect(() => parseTrainFlags(['--hidden', '100,abc'])).toThrow(UsageError);
    expect(() => parseTrainFlags(['--batch-norm', '--no-batch-norm'])).toThrow(/contradict/);
    const f = parseTrainFlags([
      '--batch-norm',
      '--hidden',
      '100,50',
      '--lr',
      '0.01',
      '--optimizer',
      'adam',
      '--quiet',
    ]);
    expect(f.config).toMatchObject({
      batchNorm: true,
      hidden: [100, 50],
      learningRate: 0.01,
      optimizer: 'adam',
    });
    expect(f.quiet).toBe(true);
    expect(parseTrainFlags(['--no-batch-norm']).config.batchNorm).toBe(false);
  });
});

describe('npm run eval', () => {
  it("reproduces the book's sample_weight.pkl accuracy (sigmoid 784-50-100-10)", async () => {
    const r = await cli('eval', [
      '--weights',
      path.join(book, 'sample_weight.pkl'),
      '--activation',
      'sigmoid',
    ]);
    expect(r.code).toBe(0);
    expect(lastLine(r.stdout)).toBe('test accuracy: 0.9352 (9352/10000)');
  });

  it('explains a missing file, an unknown format and shapes that do not chain', async () => {
    const missing = await cli('eval', ['--weights', path.join(tmp, 'nope.pkl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No such weights file/);

    const junk = path.join(tmp, 'junk.bin');
    writeFileSync(junk, 'hello');
    const unknown = await cli('eval', ['--weights', junk]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Cannot tell what kind of weights file/);

    // (The book's params.pkl, a SimpleConvNet, now evaluates: test/cli/convnet-eval.test.ts.)
    const broken = path.join(tmp, 'broken.npz');
    const zeros = (shape: number[]) => ({ shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) });
    writeFileSync(
      broken,
      writeNpz(
        [
          { name: 'W1', ...zeros([784, 4]) },
          { name: 'b1', ...zeros([4]) },
          { name: 'W2', ...zeros([5, 10]) },
          { name: 'b2', ...zeros([10]) },
        ],
        { compress: false },
      ),
    );
    const unchained = await cli('eval', ['--weights', broken]);
    expect(unchained.code).toBe(1);
    expect(unchained.stderr).toMatch(/The shapes do not chain/);
  });
});

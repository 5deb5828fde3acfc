/**
 * TwoThreadEvaluator (npm run eval's evaluation): this thread scores the first half of the test
 * set, a real evaluator worker thread the second, over the bundled MNIST's shared buffers. The sum
 * must be what one thread gets over the whole set: the same count right, the same mean loss.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPickledTensors } from '../../src/formats/pickle';
import { loadMnist } from '../../src/main/lab/dataset';
import { defaultWasmPath } from '../../src/main/lab/service-options';
import { TwoThreadEvaluator } from '../../src/main/lab/two-thread-evaluation';
import { evaluateNetwork } from '../../src/nn/index';
import { viewSplit } from '../../src/shared/dataset';
import { DEFAULT_CONFIG, type TrainConfig } from '../../src/shared/hyperparams';
import { LabError } from '../../src/shared/messages';

const bookDir = path.resolve(import.meta.dirname, '../../../shared/fixtures/book');
const { shared } = loadMnist();
const open: TwoThreadEvaluator[] = [];
afterAll(() => Promise.all(open.map((e) => e.close())));

async function evaluatorFor(config: TrainConfig, pickle: string) {
  const evaluator = await TwoThreadEvaluator.create(config, shared, defaultWasmPath());
  open.push(evaluator);
  evaluator.network.setTensors(readPickledTensors(readFileSync(path.join(bookDir, pickle))));
  return evaluator;
}

describe('evaluation on two threads', () => {
  it("sample_weight.pkl: 9352/10000, the same count and loss as one thread's evaluation", async () => {
    const config = { ...DEFAULT_CONFIG, hidden: [50, 100], activation: 'sigmoid' as const, dropout: 0 };
    const evaluator = await evaluatorFor(config, 'sample_weight.pkl');
    const two = await evaluator.evaluate('test');
    const one = evaluateNetwork(evaluator.network, viewSplit(shared.test, 784));
    expect(two.count).toBe(10_000);
    expect(two.correct).toBe(9352);
    expect(two.correct).toBe(one.correct);
    expect(two.loss).toBeCloseTo(one.loss, 6);
    // New weights on this thread's network reach the other thread at the next evaluate().
    evaluator.network.flatParams().fill(0);
    const zero = await evaluator.evaluate('test');
    expect(zero.loss).toBeCloseTo(Math.log(10), 5); // every class equally likely
  });

  it("the book's ch07 params.pkl in SimpleConvNet: 9600/10000", async () => {
    const config = { ...DEFAULT_CONFIG, arch: 'simple-convnet' as const, dropout: 0 };
    const evaluator = await evaluatorFor(config, 'params.pkl');
    const two = await evaluator.evaluate('test');
    expect(two).toMatchObject({ count: 10_000, correct: 9600 });
  });

  it('a closed evaluator refuses with a catalogued message instead of waiting forever', async () => {
    const config = { ...DEFAULT_CONFIG, hidden: [50, 100], activation: 'sigmoid' as const, dropout: 0 };
    const evaluator = await TwoThreadEvaluator.create(config, shared, defaultWasmPath());
    await evaluator.close();
    const error = await evaluator.evaluate('test').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe('workerGone');
  });
});

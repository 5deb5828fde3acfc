import { afterAll, describe, expect, it } from 'vitest';
import { LabService } from '../../src/main/lab/service';
import { checkedLab } from '../../src/main/lab/lab-dispatch';
import { InputGradient, Rng, createNetwork, float64Backend } from '../../src/nn';
import { DEFAULT_CONFIG } from '../../src/shared/hyperparams';
import { EventLog } from './lab-helpers';

/**
 * LabApi.explain through the real service and run worker (WebAssembly or TypeScript kernels,
 * float32): the maps equal the float64 engine's on the same weights to 1e-4 of the largest
 * gradient, and the probabilities equal predict's.
 */
const lab = new LabService();
const log = new EventLog(lab);
afterAll(() => lab.close());

async function testImage(index: number): Promise<{ pixels: Uint8Array; label: number }> {
  const { pixels, labels } = await lab.sampleImages('test', index, 1);
  return { pixels, label: labels[0] };
}

describe('LabService.explain', () => {
  it("answers from the run's worker with the gradient and evidence maps of the top class or a chosen one", async () => {
    const config = { hidden: [60, 40], iterations: 200, evalEvery: 200 };
    const run = await lab.startRun(config);
    await log.waitFor('state', (e) => e.runId === run.id && e.state === 'finished');
    const { pixels } = await testImage(0);

    const top = await lab.explain(run.id, pixels);
    const prediction = await lab.predict(run.id, pixels);
    expect(top.topClass).toBe(top.classIndex);
    expect(Array.from(top.probabilities)).toEqual(
      Array.from(prediction.probabilities).map((p) => expect.closeTo(p, 6)),
    );
    expect(top.probabilities[top.topClass]).toBe(Math.max(...top.probabilities));

    // The same weights in a float64 network of the engine.
    const net = createNetwork(
      { ...DEFAULT_CONFIG, ...config, inputSize: 784, outputSize: 10 },
      { backend: float64Backend, rng: new Rng(0) },
    );
    net.setTensors(await lab.getWeights(run.id));
    const x = Float64Array.from(pixels, (v) => v / 255);
    const pass = new InputGradient(net);
    for (const c of [top.topClass, (top.topClass + 3) % 10]) {
      const answer = await lab.explain(run.id, pixels, c);
      expect(answer.classIndex).toBe(c);
      expect(answer.gradient.length).toBe(784);
      expect(answer.evidence.length).toBe(784);
      const expected = pass.compute(x, c);
      const scale = Math.max(...expected.gradient.map(Math.abs));
      expect(scale).toBeGreaterThan(0);
      for (let i = 0; i < 784; i++) {
        expect(Math.abs(answer.gradient[i] - expected.gradient[i])).toBeLessThanOrEqual(1e-4 * scale);
        expect(Math.abs(answer.evidence[i] - expected.evidence[i])).toBeLessThanOrEqual(1e-4 * scale);
        if (pixels[i] === 0) expect(Math.abs(answer.evidence[i])).toBe(0); // no ink, no evidence
      }
    }
  }, 120_000);

  it('refuses a class outside 0..9, a wrong pixel count and an unknown run, with the reason', async () => {
    const checked = checkedLab(lab);
    const run = (await lab.listRuns())[0];
    const pixels = new Uint8Array(784);
    await expect(checked.explain(run.id, pixels, 10)).rejects.toThrow(
      'Invalid class: must be a class 0 to 9',
    );
    await expect(checked.explain(run.id, pixels, 1.5)).rejects.toThrow(/Invalid class/);
    await expect(checked.explain(run.id, new Uint8Array(10), 1)).rejects.toThrow(/Invalid pixels/);
    await expect(checked.explain('run-404', pixels)).rejects.toThrow(/run-404/);
  });
});

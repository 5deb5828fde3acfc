import { describe, expect, it } from 'vitest';
import { deepConvNetPlan, simpleConvNetPlan } from '../../src/nn/index';
import { DEFAULT_CONFIG } from '../../src/shared/hyperparams';
import { convShapes, deepConvNetShapes } from '../../src/shared/conv-geometry';

/** The engine's convolution and pooling outputs, named as the panel names them. */
function engineSizes(plan: ReturnType<typeof deepConvNetPlan>) {
  let conv = 0;
  let pool = 0;
  const out: { name: string; C: number; H: number; W: number }[] = [];
  for (const s of plan.stages) {
    if (s.kind === 'conv') out.push({ name: `Conv${++conv}`, ...s.output });
    if (s.kind === 'pool') out.push({ name: `Pool${++pool}`, ...s.output });
  }
  const affine = plan.stages.find((s) => s.kind === 'affine');
  return { layers: out, affine: affine && affine.kind === 'affine' ? { D: affine.D, M: affine.M } : null };
}

describe('the layer sizes the panel shows are the ones the engine builds', () => {
  it("DeepConvNet: the book's ch08 sizes, from 1×28×28 to 64×4×4 and Affine 1024 → 50", () => {
    const shown = deepConvNetShapes();
    expect(shown).toEqual(engineSizes(deepConvNetPlan({ inputSize: 784, outputSize: 10 })));
    expect(shown.layers.map((l) => `${l.name} ${l.C}×${l.H}×${l.W}`)).toEqual([
      'Conv1 16×28×28',
      'Conv2 16×28×28',
      'Pool1 16×14×14',
      'Conv3 32×14×14',
      'Conv4 32×16×16',
      'Pool2 32×8×8',
      'Conv5 64×8×8',
      'Conv6 64×8×8',
      'Pool3 64×4×4',
    ]);
    expect(shown.affine).toEqual({ D: 1024, M: 50 });
  });

  it('SimpleConvNet: convShapes agrees with the engine for several geometries', () => {
    for (const g of [
      { filters: 30, filterSize: 5, stride: 1, pad: 0, pool: 2, convHidden: 100 },
      { filters: 8, filterSize: 3, stride: 1, pad: 1, pool: 2, convHidden: 40 },
      { filters: 12, filterSize: 4, stride: 2, pad: 1, pool: 2, convHidden: 20 },
    ]) {
      const config = { ...DEFAULT_CONFIG, arch: 'simple-convnet' as const, ...g };
      const r = convShapes(config);
      if (!('shapes' in r)) throw new Error(`no shapes for ${JSON.stringify(g)}`);
      const engine = engineSizes(
        simpleConvNetPlan({ inputSize: 784, outputSize: 10, batchNorm: false, dropout: 0, ...g }),
      );
      expect(engine.layers).toEqual([
        { name: 'Conv1', ...r.shapes.conv },
        { name: 'Pool1', ...r.shapes.pool },
      ]);
      expect(engine.affine).toEqual(r.shapes.affine);
    }
  });
});

/**
 * The book's figures of chapters 3 to 6, computed by the engine's toys (src/nn/toys.ts) and
 * asserted to the digits the book prints.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import {
  Rng,
  bookSpec,
  createNetwork,
  createOptimizer,
  float64Backend,
  gradientCheck,
  numericalGradient,
  shiftRotate,
} from '../../src/nn';
import {
  BOOK_OUTPUT,
  BOOK_SHOPPING,
  bookLayerGraph,
  layerGraph,
  shoppingGraph,
  RACE_LEARNING_RATES,
  accuracyVersusLoss,
  activationCurve,
  activationsByLayer,
  crossEntropyError,
  dotShape,
  f1,
  f2,
  f3,
  forwardNetwork,
  gradientAt,
  gradientDescent,
  gradientTimes,
  initNetwork,
  meanSquaredError,
  naiveSoftmax,
  numericalDiff,
  oneHot,
  optimizerPath,
  rounder,
  sigmoid,
  softmax,
  tangentLine,
  timedIteration,
  perturbedImages,
  sampleSplit,
} from '../../src/nn/toys';
import { denseFloat64, loadMnist } from './mnist-fixture';

/** The values as the book prints them: rounded to `digits` decimals. */
function printed(values: ArrayLike<number>, digits = 4): number[] {
  return Array.from(values, (v) => Number(v.toFixed(digits)));
}

describe('ch03: activations, shapes, the three-layer network, softmax', () => {
  it('sigmoid([-1, 1, 2]) = [0.2689, 0.7311, 0.8808] (§3.2.4)', () => {
    expect(printed(sigmoid([-1, 1, 2]))).toEqual([0.2689, 0.7311, 0.8808]);
  });

  it('step, sigmoid, tanh and ReLU with their derivatives from the layers’ backward', () => {
    expect(Array.from(activationCurve('step', [-1, 0, 0.5]).y)).toEqual([0, 0, 1]);
    expect(Array.from(activationCurve('relu', [-1, 2]).dydx)).toEqual([0, 1]);
    const s = activationCurve('sigmoid', [0]);
    expect(s.y[0]).toBe(0.5);
    expect(s.dydx[0]).toBe(0.25);
    expect(activationCurve('tanh', [0]).dydx[0]).toBe(1);
  });

  it('the shape rule: (2,3)·(3,2) is (2,2); (2,3)·(2,2) fails on inner sizes 3 and 2', () => {
    expect(dotShape([2, 3], [3, 2])).toEqual({ ok: true, shape: [2, 2] });
    expect(dotShape([2, 3], [2, 2])).toEqual({ ok: false, inner: [3, 2] });
    expect(dotShape([1, 2], [2, 3])).toEqual({ ok: true, shape: [1, 3] });
  });

  it('the three-layer network of §3.4.3: x = [1.0, 0.5] gives the printed A1, Z1 and y', () => {
    const f = forwardNetwork(initNetwork(), [1.0, 0.5]);
    expect(printed(f.A1)).toEqual([0.3, 0.7, 1.1]);
    expect(printed(f.Z1)).toEqual([0.5744, 0.6682, 0.7503]);
    expect(printed(f.A2)).toEqual([0.5162, 1.214]);
    expect(printed(f.Z2)).toEqual([0.6262, 0.771]);
    expect(printed(f.y)).toEqual([0.3168, 0.6963]);
    const edited = initNetwork();
    edited.W3[0] = 0.5;
    expect(forwardNetwork(edited, [1.0, 0.5]).y[0]).toBeGreaterThan(f.y[0]);
  });

  it('softmax([0.3, 2.9, 4.0]) = [0.0182, 0.2452, 0.7366], sums to 1 (§3.5.3)', () => {
    const y = softmax([0.3, 2.9, 4.0]);
    expect(printed(y)).toEqual([0.0182, 0.2452, 0.7366]);
    expect(y.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('softmax([1010, 1000, 990]): the naive formula gives NaN, the stable one [0.99995, 4.54e-5, 2.06e-9]', () => {
    expect(Array.from(naiveSoftmax([1010, 1000, 990])).every(Number.isNaN)).toBe(true);
    const y = softmax([1010, 1000, 990]);
    expect(Number(y[0].toFixed(5))).toBe(0.99995);
    expect(Number(y[1].toPrecision(3))).toBe(4.54e-5);
    expect(Number(y[2].toPrecision(3))).toBe(2.06e-9);
  });

  it('temperature: higher flattens, lower sharpens', () => {
    const a = [0.3, 2.9, 4.0];
    expect(softmax(a, 10)[2]).toBeLessThan(softmax(a)[2]);
    expect(softmax(a, 0.1)[2]).toBeGreaterThan(0.99);
  });
});

describe('ch04: losses, numerical differentiation, gradients and descent', () => {
  it('the book’s output y: MSE 0.0975 and CE 0.5108 for label 2; 0.5975 and 2.3026 for label 7', () => {
    expect(printed([meanSquaredError(BOOK_OUTPUT, oneHot(2))])).toEqual([0.0975]);
    expect(printed([crossEntropyError(BOOK_OUTPUT, oneHot(2))])).toEqual([0.5108]);
    expect(printed([meanSquaredError(BOOK_OUTPUT, oneHot(7))])).toEqual([0.5975]);
    expect(printed([crossEntropyError(BOOK_OUTPUT, oneHot(7))])).toEqual([2.3026]);
  });

  it('accuracy moves in a step as one weight changes, the loss smoothly', () => {
    const ws = Array.from({ length: 41 }, (_, i) => -2 + i * 0.1);
    const { accuracy, loss } = accuracyVersusLoss(ws);
    expect(new Set(accuracy).size).toBeLessThanOrEqual(3);
    for (let i = 1; i < ws.length; i++) expect(loss[i]).toBeLessThan(loss[i - 1]);
  });

  it('f1 = 0.01x² + 0.1x: tangent slopes 0.2 at x = 5 and 0.3 at x = 10 (§4.3.2)', () => {
    expect(printed([numericalDiff(f1, 5)], 4)).toEqual([0.2]);
    expect(printed([numericalDiff(f1, 10)], 4)).toEqual([0.3]);
    const tangent = tangentLine(f1, 5);
    expect(tangent.slope * 5 + tangent.intercept).toBeCloseTo(f1(5), 12);
  });

  it('h = 1e-50: 0 in float32 (and the estimate 0); central beats forward difference at h = 1e-4', () => {
    expect(rounder('float32')(1e-50)).toBe(0);
    expect(numericalDiff(f1, 5, 1e-50, { precision: 'float32' })).toBe(0);
    expect(numericalDiff(f1, 5, 1e-50)).toBe(0); // 5 + 1e-50 is 5 in float64 too
    const central = Math.abs(numericalDiff(f1, 5, 1e-4) - 0.2);
    const forward = Math.abs(numericalDiff(f1, 5, 1e-4, { scheme: 'forward' }) - 0.2);
    expect(central).toBeLessThan(forward);
    // float32 rounding takes over at a larger h than float64's
    const err = (p: 'float32' | 'float64', h: number) =>
      Math.abs(numericalDiff(f1, 5, h, { precision: p }) - 0.2);
    expect(err('float32', 1e-6)).toBeGreaterThan(err('float64', 1e-6));
  });

  it('∇(x0² + x1²) at (3, 4), (0, 2), (3, 0) is [6, 8], [0, 4], [6, 0] (§4.4)', () => {
    expect(printed(gradientAt(f2, [3, 4]))).toEqual([6, 8]);
    expect(printed(gradientAt(f2, [0, 2]))).toEqual([0, 4]);
    expect(printed(gradientAt(f2, [3, 0]))).toEqual([6, 0]);
    expect(printed(gradientAt(f3, [2, 1]))).toEqual([0.2, 2]);
  });

  it('gradient descent from (-3, 4): lr 0.1 × 100 ends within 1e-6 of the origin; lr 10 diverges; lr 1e-10 barely moves', () => {
    const good = gradientDescent(f2, [-3, 4], 0.1, 100);
    expect(good.points).toHaveLength(101);
    expect(Math.hypot(...good.points[100])).toBeLessThan(1e-6);
    const big = gradientDescent(f2, [-3, 4], 10, 100).points[100];
    expect(Math.hypot(...big)).toBeGreaterThan(1e12); // the book prints -2.58983747e+13, -1.29524862e+12
    expect(Number(big[0].toPrecision(9))).toBe(-2.58983747e13);
    const tiny = gradientDescent(f2, [-3, 4], 1e-10, 100).points[100];
    expect(printed(tiny, 8)).toEqual([-2.99999994, 3.99999992]);
  });
});

describe('ch06: the optimizer race and the activation histograms', () => {
  it('each optimizer with the book’s learning rate ends closer to the minimum of x²/20 + y² than (-7, 2)', () => {
    expect(RACE_LEARNING_RATES).toMatchObject({ sgd: 0.95, momentum: 0.1, adagrad: 1.5, adam: 0.3 });
    for (const [name, lr] of Object.entries(RACE_LEARNING_RATES)) {
      const path = optimizerPath(name as keyof typeof RACE_LEARNING_RATES, lr);
      expect(path.points, name).toHaveLength(31);
      expect(path.values[30], name).toBeLessThan(f3([-7, 2]) / 10);
    }
  });

  it('std 1 with sigmoid saturates at 0 and 1; std 0.01 collapses near 0.5; Xavier spreads (§6.2.2)', () => {
    const share = (a: Float64Array, test: (v: number) => boolean) => a.filter(test).length / a.length;
    const std1 = activationsByLayer('std1', 'sigmoid', new Rng(0));
    expect(std1).toHaveLength(5);
    expect(std1[4]).toHaveLength(100_000);
    expect(share(std1[4], (v) => v < 0.1 || v > 0.9)).toBeGreaterThan(0.5);
    const small = activationsByLayer('std0.01', 'sigmoid', new Rng(0));
    expect(share(small[4], (v) => Math.abs(v - 0.5) < 0.05)).toBeGreaterThan(0.99);
    const xavier = activationsByLayer('xavier', 'sigmoid', new Rng(0));
    expect(share(xavier[4], (v) => v < 0.1 || v > 0.9)).toBeLessThan(0.2);
    expect(share(xavier[4], (v) => Math.abs(v - 0.5) < 0.02)).toBeLessThan(0.5);
    const he = activationsByLayer('he', 'relu', new Rng(0));
    expect(share(he[4], (v) => v === 0)).toBeGreaterThan(0.3);
  });
});

describe('ch04/ch05: why backprop', () => {
  it('backprop and numerical gradients on real MNIST agree; both are measured and numerical takes longer', () => {
    const train = loadMnist('train', 3);
    const net = createNetwork(bookSpec({ hidden: [10] }), { backend: float64Backend, rng: new Rng(0) });
    const x = { kind: 'dense' as const, n: 3, data: denseFloat64(train, 3) };
    const times = gradientTimes(net, x, train.labels, () => performance.now());
    expect(times.backprop).toBeGreaterThan(0);
    expect(times.numerical).toBeGreaterThan(times.backprop);
    expect(times.meanAbsDiff.map((d) => d.name)).toEqual(['W1', 'b1', 'W2', 'b2']);
    const check = gradientCheck(net, x, train.labels);
    for (const d of times.meanAbsDiff) {
      expect(d.value, d.name).toBeLessThan(1e-7);
      expect(d.value).toBeCloseTo(check.find((c) => c.name === d.name)!.meanAbsDiff, 9);
    }
  });
});

describe('ch05: computational graphs', () => {
  it('the shopping graph of §5.4.2: price 715; d apple 2.2, d apple_num 110, d orange 3.3, d orange_num 165, d tax 650', () => {
    const g = shoppingGraph(BOOK_SHOPPING);
    const value = (r: typeof g.forward, e: string) => r[e].data[0];
    expect(Math.trunc(value(g.forward, 'price'))).toBe(715); // the book prints int(price)
    expect(
      printed([
        value(g.forward, 'applePrice'),
        value(g.forward, 'orangePrice'),
        value(g.forward, 'allPrice'),
      ]),
    ).toEqual([200, 450, 650]);
    const d = (e: string) => value(g.grads, e);
    expect(printed([d('apple'), d('appleNum'), d('orange'), d('orangeNum'), d('tax')])).toEqual([
      2.2, 110, 3.3, 165, 650,
    ]);
    // Backward node by node, as buy_apple_orange.py calls it: tax, add, orange, apple.
    expect(g.steps.map((s) => s.node)).toEqual(['mulTax', 'add', 'mulOrange', 'mulApple']);
    const tax = g.steps[0];
    expect(tax.dout.data[0]).toBe(1);
    expect(tax.inputs.map((i) => [i.edge, i.local!.data[0], i.grad.data[0]])).toEqual([
      ['allPrice', 1.1, 1.1],
      ['tax', 650, 650],
    ]);
    expect(g.steps[1].inputs.map((i) => [i.rule, printed(i.grad.data)[0]])).toEqual([
      ['add', 1.1],
      ['add', 1.1],
    ]);
    // Each product is the arriving gradient times the local one.
    for (const s of g.steps)
      for (const i of s.inputs)
        expect(i.grad.data[0]).toBeCloseTo(s.dout.data[0] * (i.local?.data[0] ?? 1), 12);
  });

  it('editing an input updates everything downstream and upstream', () => {
    const g = shoppingGraph({ ...BOOK_SHOPPING, appleNum: 4 });
    expect(printed(g.forward.price.data)).toEqual([935]);
    expect(printed(g.grads.apple.data)).toEqual([4.4]);
    expect(printed(g.grads.tax.data)).toEqual([850]);
  });

  it('Affine → ReLU → SoftmaxWithLoss on a tiny batch: the book’s A1 in row 1, a ReLU mask, gradients equal to numerical ones', () => {
    const inputs = bookLayerGraph();
    const g = layerGraph(inputs);
    expect(printed(g.forward.a.data.subarray(0, 3))).toEqual([0.3, 0.7, 1.1]);
    expect(printed(g.forward.a.data.subarray(3, 6))).toEqual([0.04, -0.02, -0.08]);
    expect(printed(g.forward.r.data.subarray(3, 6))).toEqual([0.04, 0, 0]);
    expect(g.steps.map((s) => s.node)).toEqual(['softmaxWithLoss', 'relu', 'affine']);
    expect(Array.from(g.steps[1].inputs[0].local!.data)).toEqual([1, 1, 1, 1, 0, 0]);
    // dL/dr = (y - t) / N
    const y = g.forward.y.data;
    expect(g.grads.r.data[2]).toBeCloseTo((y[2] - 1) / 2, 12);
    // The loss as a function of W, b and x, through the same graph: central differences agree.
    const loss = (v: typeof inputs) => layerGraph(v).forward.L.data[0];
    const flatW = Float64Array.from(inputs.W.flat());
    const dW = numericalGradient(
      () => loss({ ...inputs, W: [Array.from(flatW.subarray(0, 3)), Array.from(flatW.subarray(3, 6))] }),
      flatW,
    );
    for (let k = 0; k < 6; k++) expect(g.grads.W.data[k]).toBeCloseTo(dW[k], 8);
    const b = Float64Array.from(inputs.b);
    const db = numericalGradient(() => loss({ ...inputs, b: Array.from(b) }), b);
    for (let k = 0; k < 3; k++) expect(g.grads.b.data[k]).toBeCloseTo(db[k], 8);
    const x = Float64Array.from(inputs.x.flat());
    const dx = numericalGradient(
      () => loss({ ...inputs, x: [Array.from(x.subarray(0, 2)), Array.from(x.subarray(2, 4))] }),
      x,
    );
    for (let k = 0; k < 4; k++) expect(g.grads.x.data[k]).toBeCloseTo(dx[k], 8);
  });
});

describe('ch04 §4.5: training both ways', () => {
  it('numerical and backprop iterations from the same start trace the same loss curve; both timed, numerical the slower', () => {
    const train = loadMnist('train', 30);
    const make = () => createNetwork(bookSpec({ hidden: [5] }), { backend: float64Backend, rng: new Rng(0) });
    const nets = { backprop: make(), numerical: make() };
    const sgd = () => createOptimizer('sgd', { lr: 0.1, backend: float64Backend });
    const optimizers = { backprop: sgd(), numerical: sgd() };
    const pixels = denseFloat64(train, 30);
    const curves = { backprop: [] as number[], numerical: [] as number[] };
    for (let i = 0; i < 3; i++) {
      const x = { kind: 'dense' as const, n: 10, data: pixels.slice(i * 7840, (i + 1) * 7840) };
      const t = train.labels.slice(i * 10, (i + 1) * 10);
      const its = (['backprop', 'numerical'] as const).map((m) => {
        const r = timedIteration(nets[m], optimizers[m], x, t, m, () => performance.now());
        curves[m].push(r.loss);
        return r;
      });
      expect(its[0].time).toBeGreaterThan(0);
      expect(its[1].time).toBeGreaterThan(its[0].time);
    }
    expect(curves.backprop[0]).toBeCloseTo(2.3026, 2); // ln 10: a fresh net guesses uniformly
    for (let i = 0; i < 3; i++) expect(curves.numerical[i]).toBeCloseTo(curves.backprop[i], 8);
    expect(nets.numerical.flatParams()[0]).toBeCloseTo(nets.backprop.flatParams()[0], 10);
  });
});

describe('ch06 §6.4: the images the trainer feeds', () => {
  const train = loadMnist('train', 4);
  const split = sampleSplit(train.images.subarray(0, 4 * 784), train.labels.subarray(0, 4));
  const none = { noiseSigma: 0, augmentShift: 0, augmentRotate: 0 };

  it('unperturbed: the pixels / 255, through the sparse batch path', () => {
    const out = perturbedImages(split, none, new Rng(1));
    expect(out).toHaveLength(4);
    for (let p = 0; p < 784; p++) expect(out[2][p]).toBeCloseTo(split.images[2 * 784 + p] / 255, 6);
  });

  it('noise σ 0.3: every pixel moved, clipped to [0, 1]; a new draw differs', () => {
    const a = perturbedImages(split, { ...none, noiseSigma: 0.3 }, new Rng(1));
    const b = perturbedImages(split, { ...none, noiseSigma: 0.3 }, new Rng(2));
    expect(a[0].every((v) => v >= 0 && v <= 1)).toBe(true);
    const moved = a[0].filter((v, p) => Math.abs(v - split.images[p] / 255) > 1e-6).length;
    expect(moved).toBeGreaterThan(300);
    expect(Array.from(a[0])).not.toEqual(Array.from(b[0]));
  });

  it('shift and rotation: exactly augment.ts’s shiftRotate with the trainer’s draws', () => {
    const perturb = { ...none, augmentShift: 2, augmentRotate: 10 };
    const out = perturbedImages(split, perturb, new Rng(7));
    const rng = new Rng(7);
    const expected = new Float32Array(784);
    const sx = rng.int(5) - 2;
    const sy = rng.int(5) - 2;
    const angle = ((2 * rng.next() - 1) * 10 * Math.PI) / 180;
    shiftRotate(split.images, 0, expected, 28, sx, sy, angle);
    for (let p = 0; p < 784; p++) expect(out[0][p]).toBeCloseTo(expected[p], 6);
  });
});

describe('ch05 §5.7.3: the gradient check parameter by parameter (as the Labs worker reports it)', () => {
  it('onResult hears W1, b1, W2, b2 in order, the same results gradientCheck returns, each well under 1e-7', () => {
    const train = loadMnist('train', 3);
    const net = createNetwork(bookSpec({ hidden: [5] }), { backend: float64Backend, rng: new Rng(0) });
    const heard: [string, number, number][] = [];
    const results = gradientCheck(
      net,
      { kind: 'dense', n: 3, data: denseFloat64(train, 3) },
      train.labels,
      1e-4,
      (r, index, total) => heard.push([r.name, index, total]),
    );
    expect(heard).toEqual([
      ['W1', 0, 4],
      ['b1', 1, 4],
      ['W2', 2, 4],
      ['b2', 3, 4],
    ]);
    for (const r of results) {
      expect(r.meanAbsDiff, r.name).toBeLessThan(1e-7);
      expect(r.meanAbsDiff, r.name).toBeGreaterThan(0); // two different computations, not one copied
    }
  });
});

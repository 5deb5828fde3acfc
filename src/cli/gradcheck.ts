/**
 * `npm run gradcheck`: the book's ch05 gradient_check.py. A 784-50-10 ReLU network (weights drawn
 * with std 0.01), the first 3 training images, float64: backprop's gradients against numerical
 * ones, one line per parameter with the mean absolute difference (the book gets about 1e-10 for
 * the weights and smaller for the biases).
 */
import { loadMnist } from '../main/lab/dataset';
import { loadMnistArrays } from '../main/lab/load-mnist';
import { Rng, bookSpec, createNetwork, float64Backend, gradientCheck } from '../nn/index';
import { viewSplit } from '../shared/dataset';

const { shared } = loadMnist();
// x_batch = x_train[:3], t_batch = t_train[:3] with load_mnist(normalize=True, one_hot_label=True)
const batch = loadMnistArrays(viewSplit(shared.train, 784), 28, 28, {
  normalize: true,
  oneHot: true,
  subset: 3,
});
const network = createNetwork(bookSpec(), { backend: float64Backend, rng: new Rng(1) });
const x = { kind: 'dense' as const, n: 3, data: Float64Array.from(batch.x) };
const t = Float64Array.from(batch.t);
for (const { name, meanAbsDiff } of gradientCheck(network, x, t)) {
  console.log(`${name}: ${meanAbsDiff.toExponential(1)}`);
}

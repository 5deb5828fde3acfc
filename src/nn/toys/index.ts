/**
 * The book's small examples of chapters 3 to 6, for the Labs view: the functions it plots, the
 * three-layer toy network with its printed weights, the losses on one output, numerical
 * differentiation, gradient descent and the optimizer race. Each one runs through the engine's
 * own layers, losses, `numericalGradient` and optimizers (in float64) wherever the engine has
 * them, so what a lab shows is what the trainer computes.
 *
 * Book names → ours: step_function → stepFunction, function_1 → f1, function_2 → f2, ch06's
 * `f` / `df` (x²/20 + y²) → f3 / df3, numerical_diff → numericalDiff, gradient_descent →
 * gradientDescent, init_network / forward (§3.4.3) → initNetwork / forwardNetwork,
 * mean_squared_error / cross_entropy_error (§4.2) → meanSquaredError / crossEntropyError,
 * layer_naive.py's MulLayer / AddLayer keep their names, buy_apple_orange.py (§5.4.2) →
 * shoppingGraph, §5.6's Affine → ReLU → SoftmaxWithLoss as one graph → layerGraph,
 * train_neuralnet.py's iteration by either gradient (§4.5, §5.7.4) → timedIteration.
 */
export * from './ch03';
export * from './ch04';
export * from './ch05';
export * from './ch06';
export * from './layer-naive';
export * from './graphs';
export * from './perturb';

/** English: the Labs, the book's chapters 3 to 6 as live pages. */
import { graphLabStrings } from './labs-graph';
import { primerStrings } from './labs-primer';

export const labsStrings = {
  labs: {
    area: {
      label: 'Areas',
      mnist: 'MNIST lab',
      labs: 'Book labs',
    },
    chapters: {
      ch03: 'Chapter 3 · Neural networks',
      ch04: 'Chapter 4 · Learning',
      ch05: 'Chapter 5 · Backpropagation',
      ch06: 'Chapter 6 · Training techniques',
    },
    common: {
      navLabel: 'Labs',
      section: 'Book § {{section}}',
      reset: 'Reset',
      play: 'Play',
      step: 'Step',
      // issue 12: the labs' worker
      workerFailed: 'The lab’s worker failed: {{message}}',
    },
    activations: {
      title: 'Activation functions',
      section: '3.2',
      intro:
        'The step function, sigmoid, tanh and ReLU, with their derivatives dashed. Move x to read y and dy/dx of each one: the step function has no useful slope, sigmoid’s is at most 0.25, ReLU’s is 0 or 1.',
      x: 'x',
      curves: 'Functions',
      curve: { step: 'Step', sigmoid: 'Sigmoid', tanh: 'tanh', relu: 'ReLU' },
      derivatives: 'Show derivatives',
      derivativeOf: '{{name}}′',
      chart: 'Activation functions chart',
      atX: 'At x = {{x}}',
      function: 'Function',
      undefined: 'undefined',
      readout: '{{name}} at x = {{x}}: y = {{y}}, dy/dx = {{dydx}}.',
    },
    shapes: {
      title: 'Shapes and the forward pass',
      section: '3.3–3.4',
      intro:
        'np.dot(A, B) needs A’s columns to match B’s rows. Below it, the book’s three-layer network with its printed weights: edit x or any weight and every value downstream updates.',
      ruleTitle: 'Is A·B defined?',
      aRows: 'A rows',
      aCols: 'A columns',
      bRows: 'B rows',
      bCols: 'B columns',
      defined: 'is defined: the result has shape {{shape}}.',
      undefined: 'is not defined: the inner sizes {{left}} and {{right}} differ.',
      networkTitle: 'The three-layer network (init_network, forward)',
      weight: '{{name}} row {{row}} column {{col}}',
      flow: 'Every intermediate, with its shape',
      stage: 'Value',
      formula: 'Computed as',
      shape: 'Shape',
      value: 'Values',
      formulas: {
        A1: 'x·W1 + b1',
        Z1: 'sigmoid(A1)',
        A2: 'Z1·W2 + b2',
        Z2: 'sigmoid(A2)',
        A3: 'Z2·W3 + b3',
        y: 'identity(A3)',
      },
      chart: 'Network output chart',
      summary: 'Output y = {{y}}.',
    },
    softmax: {
      title: 'Softmax',
      section: '3.5',
      intro:
        'Type logits and see the probabilities. The naive formula exp(a) / Σ exp(a) overflows for large logits and gives NaN; subtracting the maximum first gives the same answer without overflowing. The temperature divides the logits: above 1 flatter, below 1 sharper.',
      logits: 'Logits a (comma-separated)',
      bookExample: 'Book example [0.3, 2.9, 4.0]',
      overflowExample: 'Overflow example [1010, 1000, 990]',
      naive: 'Naive formula (no max subtraction)',
      temperature: 'Temperature T',
      badLogits: 'Type between 1 and 20 numbers separated by commas, such as 0.3, 2.9, 4.0.',
      nanExplained: 'exp(1010) is larger than the biggest float64 (inf), and inf / inf is NaN.',
      chart: 'Softmax probabilities chart',
      summary: 'Probabilities {{y}}.',
    },
    losses: {
      title: 'Loss functions',
      section: '4.2',
      intro:
        'The book’s network output y against a one-hot label. Pick the label, drag any output, and both the mean squared error and the cross-entropy error move.',
      label: 'Correct label',
      values: 'Label {{label}}: mean squared error {{mse}}, cross-entropy error {{ce}}.',
      output: 'y{{k}}',
      outputSeries: 'Output y',
      targetSeries: 'One-hot target t',
      chart: 'Output and target chart',
      whyNotAccuracy:
        'Why not train on accuracy? As one weight w changes, accuracy stays flat and then jumps, so its derivative is 0 almost everywhere and tells the weight nothing. The loss changes smoothly.',
      sweepChart: 'Accuracy against loss as one weight changes',
      accuracySeries: 'Accuracy',
      lossSeries: 'Cross-entropy loss',
    },
    numdiff: {
      title: 'Numerical differentiation',
      section: '4.3',
      intro:
        'f1(x) = 0.01x² + 0.1x and its tangent at x, with the slope from the central difference (f(x+h) − f(x−h)) / 2h, h = 1e-4. Below, the error as h shrinks: first it falls, then rounding takes over, sooner in float32 than in float64.',
      x: 'x',
      slopes: 'Slope at x = {{x}}',
      central: 'Central difference',
      forward: 'Forward difference (f(x+h) − f(x)) / h',
      exact: 'Exact, 0.02x + 0.1',
      tangent: 'Tangent',
      chart: 'f1 and its tangent chart',
      errorChart: 'Error as h shrinks (log-log)',
      logError: 'log₁₀ |error|',
      summary: 'At x = {{x}} the slope is {{slope}}.',
      tinyH:
        'h = 1e-50 in float32 becomes {{rounded}}, so x + h is x and the estimate is {{value}}. Errors of exactly 0 are drawn at the bottom of the chart.',
    },
    gradient: {
      title: 'Gradient field and descent',
      section: '4.4',
      intro:
        'Arrows show −∇f, the way downhill. Click the plane (or type a start), choose a learning rate and a number of steps, and watch gradient descent: 0.1 converges, 10 diverges, 1e-10 barely moves.',
      function: 'Function',
      f2: 'f(x0, x1) = x0² + x1²',
      f3: 'f(x, y) = x²/20 + y²',
      startX: 'Start x0',
      startY: 'Start x1',
      lr: 'Learning rate',
      steps: 'Steps',
      end: 'After {{step}} steps: x = {{point}}, f(x) = {{value}}.',
      diverged: 'It diverged.',
      clickHint: 'Click to set the start.',
      planeLabel: 'Gradient field with the descent path',
      chart: 'Gradient field and descent chart',
      valueChart: 'f(x) at each step',
      summary: 'The path ends at {{point}}.',
      atPoints: 'The gradient at three points (numerical_gradient)',
    },
    backprop: {
      title: 'Why backprop',
      section: '4.5, 5.7',
      intro:
        'The book’s two-layer network trained on real MNIST images twice, from the same weights and with the same batches of 10: once with numerical gradients (two forward passes per parameter, as in §4.5) and once with backprop (§5.7), an iteration of each in turn, in a worker. Both give the same loss curve; the time per iteration is measured on this machine.',
      hidden: 'Network',
      params: 'parameters',
      iterations: 'Iterations',
      measure: 'Train both ways',
      measuring:
        'Training… iteration {{done}} of {{total}} done both ways (batch of {{batch}}); the numerical gradient takes a moment.',
      failed: 'Could not measure: {{message}}',
      result:
        'Backprop: {{backprop}} per iteration. Numerical: {{numerical}} per iteration, about {{ratio}} times longer.',
      us: '{{v}} µs',
      ms: '{{v}} ms',
      s: '{{v}} s',
      chart: 'Time per iteration chart',
      logMs: 'log₁₀ time (ms)',
      backpropSeries: 'Backprop',
      numericalSeries: 'Numerical',
      summary: 'Measured: backprop {{backprop}} ms, numerical {{numerical}} ms per iteration.',
      lossChart: 'Loss per iteration, both ways chart',
      lossSummary: 'Loss per iteration (backprop/numerical): {{losses}}.',
      iteration: 'Iteration',
    },
    optimizers: {
      title: 'Optimizer race',
      section: '6.1',
      intro:
        'Six optimizers minimise f(x, y) = x²/20 + y² from (−7, 2) in 30 updates, with the book’s learning rates. SGD zigzags along the steep y direction; Momentum rolls like a ball; AdaGrad and Adam adapt their steps.',
      choose: 'Optimizers and learning rates',
      lr: 'Learning rate of {{name}}',
      steps: 'Updates shown',
      chart: 'Optimizer paths chart',
      planeLabel: 'Paths of the optimizers on x²/20 + y²',
      at: '{{name}} at {{point}}.',
      table: 'Position and f after {{step}} updates',
    },
    initWeights: {
      title: 'Initial weights and activations',
      section: '6.2',
      intro:
        '1000 random inputs through five layers of 100 units. With std 1 sigmoid outputs pile up at 0 and 1 (vanishing gradients); with std 0.01 they all sit near 0.5 (no diversity). Xavier suits sigmoid and tanh, He suits ReLU.',
      init: 'Initial weights',
      activation: 'Activation',
      inits: { std1: 'std 1', std001: 'std 0.01', xavier: 'Xavier', he: 'He' },
      layer: 'Layer {{n}}',
      chart: 'Activation histograms chart',
      summary: 'Histograms of five layers for {{init}} and {{activation}}.',
    },
    regularisation: {
      title: 'Regularisation primer',
      section: '6.4–6.5',
      intro:
        'Ways to keep a network from memorising its training set, each shown by small real MNIST runs started here and trained side by side: L1 against L2 weight histograms, the gap between train and test accuracy with 300 images and its cures, the noisy and augmented images the trainer feeds, and the validation curve with the early-stopping point.',
      terms: {
        l1: {
          term: 'L1 weight decay',
          text: 'Adds λ Σ|W| to the loss: it pushes many weights to exactly zero.',
        },
        l2: {
          term: 'L2 weight decay',
          text: 'Adds ½ λ Σ W² to the loss: large weights shrink, none become exactly zero.',
        },
        dropout: {
          term: 'Dropout',
          text: 'Drops a random share of hidden units at each training step, so no unit can rely on another.',
        },
        noise: {
          term: 'Noise injection',
          text: 'Adds Gaussian noise to the training images: the network cannot memorise exact pixels.',
        },
        augment: {
          term: 'Data augmentation',
          text: 'Shifts and rotates the training images a little: more data from the same data.',
        },
        early: {
          term: 'Early stopping',
          text: 'Holds out a validation set and stops when its accuracy has not improved for a few evaluations.',
        },
      },
      // issue 12: the primer's figures
      figures: primerStrings,
    },
    presets: {
      title: 'MNIST experiments',
      section: '6',
      intro:
        'The book’s chapter 6 experiments as one-click presets: each starts its runs in the MNIST lab and shows their charts. Iterations are cut down from the book’s so they finish in minutes.',
      start: 'Start {{n}} runs in the MNIST lab',
      ranked: 'Runs ranked by their best accuracy (validation, else test)',
      noEvaluation: 'not evaluated yet',
      optimizers: {
        title: 'Optimizer comparison',
        about: 'SGD, Momentum, AdaGrad and Adam on a 784-100-100-100-100-10 ReLU network.',
      },
      weightInit: {
        title: 'Weight initialisation',
        about: 'std 0.01, Xavier and He initial weights on the same ReLU network.',
      },
      batchNorm: {
        title: 'Batch normalisation',
        about: 'With and without batch normalisation at two initial-weight scales, 1000 training images.',
      },
      overfitting: {
        title: 'Overfitting and its cures',
        about: '300 training images and a deep network: plain, with L2 weight decay, with dropout.',
      },
      randomSearch: {
        title: 'Random search',
        about: 'Learning rate and weight decay drawn at random (log-uniform), scored on a validation set.',
      },
      l1l2: {
        title: 'L1 against L2',
        about:
          'The same overfitting setup with L1 and with L2 weight decay; compare their weight histograms.',
      },
      noiseAugment: {
        title: 'Noise and augmentation',
        about: 'Plain, with noisy images, and with shifted and rotated images.',
      },
      earlyStopping: {
        title: 'Early stopping',
        about: 'A validation split of 20 % and a patience of 3 evaluations.',
      },
      runs: {
        sgd: 'SGD',
        momentum: 'Momentum',
        adagrad: 'AdaGrad',
        adam: 'Adam',
        std001: 'std 0.01',
        xavier: 'Xavier',
        he: 'He',
        bnOn: 'Batch norm, std {{std}}',
        bnOff: 'No batch norm, std {{std}}',
        plain: 'No regularisation',
        l2: 'L2, λ {{lambda}}',
        l1: 'L1, λ {{lambda}}',
        dropout: 'Dropout {{ratio}}',
        trial: 'Trial {{n}}: lr {{lr}}, λ {{lambda}}',
        noise: 'Noise σ {{sigma}}',
        augment: 'Shift {{shift}} px, rotate {{rotate}}°',
        early: 'Early stopping, patience {{patience}}',
      },
    },
    // issue 12: ch05 computational graphs
    graph: graphLabStrings,
  },
};

/** The shape every language fills. */
export type LabsStrings = typeof labsStrings;

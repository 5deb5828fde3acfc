/** English: the hyperparameter panel: its sections, every setting's label and help, the choices, why a setting does not apply, and input errors. */
export const panelStrings = {
  panel: {
    title: 'Hyperparameters',
    network: 'Network',
    reset: 'Reset to defaults',
    section: 'Book §{{section}}',
    slider: '{{label}} slider',
    liveHint: 'Changes apply to the selected run right away.',
    nextRunHint: 'Other changes apply to the next run.',
  },
  hidden: {
    label: 'Hidden layers',
    help: 'Number of neurons in each hidden layer, from the input side (the book uses 50 in ch05).',
    size: 'Hidden layer {{index}} size',
    add: 'Add layer',
    remove: 'Remove hidden layer {{index}}',
  },
  param: {
    arch: {
      label: 'Architecture',
      help: "The network: the multi-layer net of ch05–06, the book's SimpleConvNet (ch07) or its DeepConvNet (ch08).",
    },
    filters: {
      label: 'Filters',
      help: "Number of filters in the convolution layer (the book's filter_num, 30).",
    },
    filterSize: { label: 'Filter size', help: 'Side of each square filter in pixels (the book uses 5×5).' },
    stride: { label: 'Stride', help: 'How many pixels the filter moves at each step (the book uses 1).' },
    pad: { label: 'Padding', help: 'Zeros added around the image before convolving (the book uses 0).' },
    pool: {
      label: 'Pooling size',
      help: 'Side of the max-pooling window, which is also its stride (the book uses 2×2).',
    },
    convHidden: {
      label: 'Hidden units',
      help: "Neurons of the fully connected layer after pooling (the book's hidden_size, 100).",
    },
    activation: {
      label: 'Activation function',
      help: "The non-linearity after each Affine layer. ReLU trains fastest; sigmoid is the book's first example.",
    },
    loss: {
      label: 'Loss function',
      help: 'What training minimises. Cross-entropy after softmax is the usual choice for classification.',
    },
    init: {
      label: 'Weight initialisation',
      help: 'How the first weights are drawn. Xavier suits sigmoid/tanh, He suits ReLU.',
    },
    initStd: {
      label: 'Initial weight std',
      help: 'Standard deviation of the Gaussian for the first weights (the book uses 0.01).',
    },
    optimizer: { label: 'Optimizer', help: 'The rule that updates the weights from their gradients.' },
    learningRate: {
      label: 'Learning rate',
      help: 'Step size of each update. Too large diverges, too small learns slowly.',
    },
    gradClip: {
      label: 'Gradient clipping',
      help: 'Before each update, shrink all gradients together so their overall L2 norm is at most this (0 = off). Keeps one bad batch from throwing the weights far away.',
    },
    momentum: {
      label: 'Momentum',
      help: 'How much of the previous update carries over, like a ball rolling downhill.',
    },
    beta1: { label: 'Adam β1', help: "Decay of Adam's running mean of gradients." },
    beta2: { label: 'Adam β2', help: "Decay of Adam's running mean of squared gradients." },
    rmsDecay: { label: 'RMSprop decay', help: 'How fast RMSprop forgets old squared gradients.' },
    schedule: { label: 'Learning-rate schedule', help: 'How the learning rate changes during training.' },
    scheduleStepEpochs: {
      label: 'Step every (epochs)',
      help: 'For the step schedule: epochs between reductions.',
    },
    scheduleDecay: {
      label: 'Decay rate',
      help: 'For inverse and exponential schedules: how fast the learning rate shrinks.',
    },
    weightDecay: { label: 'Weight decay', help: 'A penalty on large weights that fights overfitting.' },
    weightDecayLambda: { label: 'Weight decay λ', help: 'Strength of the weight penalty.' },
    dropout: {
      label: 'Dropout ratio',
      help: 'Fraction of neurons switched off at random during training, against overfitting.',
    },
    batchNorm: {
      label: 'Batch normalization',
      help: "Normalise each layer's inputs per mini-batch; learning becomes faster and less sensitive to initialisation.",
    },
    batchSize: { label: 'Batch size', help: 'Images per mini-batch (the book uses 100).' },
    stopBy: { label: 'Stop after', help: 'Train for a number of iterations or a number of epochs.' },
    epochs: { label: 'Epochs', help: 'How many passes over the training data.' },
    iterations: { label: 'Iterations', help: 'How many mini-batch updates (the book runs 10,000).' },
    evalEvery: {
      label: 'Evaluate every (iterations)',
      help: 'Iterations between accuracy checks on the train and test sets (600 = one epoch). Checks never pile up: one that comes due while two are still being scored is skipped.',
    },
    sampling: {
      label: 'Mini-batch sampling',
      help: 'Draw each batch at random (as the book does) or shuffle once per epoch.',
    },
    trainSubset: {
      label: 'Training subset',
      help: 'Use only this many training images (0 = all). A small subset shows overfitting.',
    },
    validationSplit: {
      label: 'Validation split',
      help: 'Fraction of training data held out to tune hyperparameters.',
    },
    patience: {
      label: 'Early-stop patience',
      help: 'Stop after this many evaluations without validation improvement (0 = never).',
    },
    noiseSigma: { label: 'Input noise σ', help: 'Gaussian noise added to the pixels during training.' },
    augmentShift: {
      label: 'Random shift (px)',
      help: 'Shift each training image by up to this many pixels.',
    },
    augmentRotate: {
      label: 'Random rotation (°)',
      help: 'Rotate each training image by up to this many degrees.',
    },
    seed: {
      label: 'Random seed',
      help: 'Fixes initial weights, batch order and dropout masks: the same seed gives the same curve.',
    },
  },
  option: {
    arch: {
      mlp: 'Multi-layer network',
      'simple-convnet': 'SimpleConvNet (ch07)',
      'deep-convnet': 'DeepConvNet (ch08)',
    },
    activation: { relu: 'ReLU', sigmoid: 'Sigmoid', tanh: 'tanh' },
    loss: {
      'softmax-cross-entropy': 'Softmax + cross-entropy',
      'identity-mse': 'Identity + mean squared error',
    },
    init: { std: 'Gaussian (fixed std)', xavier: 'Xavier', he: 'He' },
    optimizer: {
      sgd: 'SGD',
      momentum: 'Momentum',
      nesterov: 'Nesterov',
      adagrad: 'AdaGrad',
      rmsprop: 'RMSprop',
      adam: 'Adam',
    },
    schedule: { constant: 'Constant', step: 'Step', inverse: 'Inverse', exponential: 'Exponential' },
    weightDecay: { none: 'None', l2: 'L2', l1: 'L1' },
    stopBy: { iterations: 'Iterations', epochs: 'Epochs' },
    sampling: { random: 'Random (with replacement)', shuffle: 'Shuffle each epoch' },
  },
  why: {
    mlpOnly: 'Only used by the multi-layer network.',
    simpleConvNetOnly: 'Only used by SimpleConvNet; DeepConvNet is fixed as the book builds it.',
    convRelu: 'Convolutional networks use ReLU, as in the book.',
    deepConvNetFixed: 'DeepConvNet is fixed as the book builds it (its own dropout, no batch norm).',
    initStd: 'Only used with the Gaussian (fixed std) initialisation.',
    momentum: 'Only used by Momentum and Nesterov.',
    adamOnly: 'Only used by Adam.',
    rmspropOnly: 'Only used by RMSprop.',
    stepOnly: 'Only used by the step schedule.',
    decayOnly: 'Only used by the inverse and exponential schedules.',
    noWeightDecay: 'Choose L2 or L1 weight decay first.',
    byIterations: 'Training stops by iterations; choose "Epochs" under Stop after.',
    byEpochs: 'Training stops by epochs; choose "Iterations" under Stop after.',
    noValidation: 'Needs a validation split above 0.',
  },
  error: {
    notNumber: 'Enter a number.',
    integer: 'Enter a whole number.',
    range: 'Must be between {{min}} and {{max}}.',
    invalidConfig: 'Fix the highlighted values to train.',
  },
  // The SimpleConvNet's layer sizes beside its controls (cnnviews)
  convShape: {
    label: 'Layer sizes (channels × height × width)',
    shapes: 'Conv1 {{conv}} → Pool1 {{pool}} → Affine {{inputs}} → {{hidden}} → 10',
    deep: '{{layers}} → Affine {{inputs}} → {{hidden}} → 10 (3×3 filters, stride 1)',
  },
};

/** The shape every language fills. */
export type PanelStrings = typeof panelStrings;

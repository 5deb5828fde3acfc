/**
 * English: the prose of a run exported to Python (src/main/lab/python-export): the notebook's
 * Markdown cells and the training script's header. The code cells are the same in every language.
 * Markdown may be used in the notebook keys; the `script*` keys are plain text (a Python comment).
 */
export const notebookStrings = {
  notebook: {
    intro:
      'Exported from MNIST Lab. This notebook loads the run\'s weights and evaluates them on MNIST with a forward pass written in plain NumPy, the way "Deep Learning from Scratch" writes it, then draws its curves, its confusion matrix and its first layer\'s weights. Run the cells from the top (Run All).',
    factRun: 'Run',
    factDataset: 'Dataset',
    factArchitecture: 'Architecture',
    factProgress: 'Trained',
    progress: '{{iteration}} of {{total}} iterations ({{state}})',
    datasetBundled: 'MNIST, the copy bundled with MNIST Lab ({{train}} training and {{test}} test images)',
    datasetFolder: 'MNIST from {{path}} ({{train}} training and {{test}} test images)',
    architectureMlp:
      'fully-connected network {{sizes}}: Affine → {{activation}} per hidden layer{{extras}}, then Affine → {{output}}',
    withBatchNorm: ', with batch normalization',
    withDropout: ', with dropout {{ratio}}',
    settingsHeading: 'Hyperparameters',
    settingsIntro: 'Every setting of the run, with the section of the book that explains it.',
    colSetting: 'Setting',
    colValue: 'Value',
    colSection: 'Book §',
    notUsed: '{{value}} (not used: {{why}})',
    yes: 'on',
    no: 'off',
    setupHeading: 'Setup',
    setupText:
      '`MNIST_DIR` is the folder of the four MNIST IDX files (raw or `.gz`): the one this run was trained on, unless the environment variable `MNIST_DIR` names another.',
    metricsHeading: 'Metrics',
    metricsText:
      '`losses` is the mini-batch loss of every iteration; `evaluations` has one entry per evaluation point (every {{evalEvery}} iterations): the accuracy and loss on the training and test images; `reported` is what the app reported at the last one.',
    weightsHeading: 'Weights',
    weightsText:
      "The weights as the app exports them (`.npz`), embedded in base64 so that the notebook is one file. `np.load` reads them into the book's `network` dictionary (`W1`, `b1`, …).",
    mnistHeading: 'MNIST',
    mnistText:
      "A reader for the IDX files, and the book's `load_mnist(normalize=True, flatten=True)`: pixels scaled to [0, 1], one row of 784 per image, labels as digits.",
    forwardHeading: 'Forward pass',
    forwardText:
      "The network's forward pass, written like the book's `predict` in chapter 3: each Affine layer is `x @ W + b`, followed by its activation; the last layer ends in {{output}}.",
    accuracyHeading: 'Test accuracy',
    accuracyText:
      'Classifies the test images in batches of {{batch}} and counts the right answers. The app reported {{correct}}/{{count}} at iteration {{iteration}}; the count here should agree to within a couple of images (the app computes in float32, NumPy here too).',
    accuracyNoReport:
      'Classifies the test images in batches of {{batch}} and counts the right answers. The app has not evaluated this run.',
    curvesHeading: 'Loss and accuracy',
    curvesText:
      "On the left the mini-batch loss of every iteration, on the right the accuracy at each evaluation point, as in the book's figures 4-11 and 4-12.",
    confusionHeading: 'Confusion matrix',
    confusionText:
      'Rows are the true digits, columns the predicted ones: the diagonal holds the right answers, everything else is a mistake.',
    firstLayerHeading: "First layer's weights",
    firstLayerText:
      'Each column of `W1` drawn as a 28×28 image (up to 100 of them): the pattern each first-layer unit responds to.',
    scriptTitle: 'A NumPy training script for "{{name}}", exported from MNIST Lab.',
    scriptAbout:
      'It trains the same network with the same settings from scratch, in plain NumPy and in the style of "Deep Learning from Scratch" (ch05 train_neuralnet.py, ch06 MultiLayerNetExtend), and prints the test accuracy the way the app reports it.',
    scriptRun:
      'Run it with: python3 {{file}}   (MNIST_DIR=/path/to/mnist python3 {{file}} reads MNIST from another folder)',
    scriptSettings: "The settings (the book's section in brackets):",
    scriptCannot: 'What this script cannot reproduce exactly:',
    cannotRandom:
      "The app's random streams: its seeded generator is not NumPy's, so np.random.seed({{seed}}) gives other initial weights, mini-batches, dropout masks, noise and augmentations. Expect the same accuracy to within about a point, not the same digits.",
    cannotFloat: 'The app computes in float32; this script computes in float64, as the book does.',
    cannotLiveRate:
      'A learning rate changed while the run was training: the script uses the rate in the settings ({{lr}}) throughout.',
    cannotImported:
      'This run was imported from a weights file, not trained in the app: the script trains its architecture from scratch with the settings the import chose.',
    // The convolutional networks (issue 15: CNN runs taken to Jupyter)
    architectureConv: "the book's {{network}}: {{layers}}",
    forwardTextConv:
      "The network's forward pass, written the way the book writes it in chapter 7: `im2col` turns every filter-sized window of the images into one row, so that `Convolution` is one matrix product with the filters `W` (FN, C, FH, FW) reshaped to (FN, C·FH·FW), and `Pooling` is the maximum of each row of a pool-sized window; then Affine layers `x @ W + b`. The last layer ends in {{output}}.",
    firstLayerTextConv:
      "Each filter of the first convolution, `W1[i, 0]`, drawn as a small image (up to 100 of them), as the book's figure 7-24 draws the filters: the pattern each filter responds to.",
    scriptAboutConv:
      'It trains the same network with the same settings from scratch, in plain NumPy and in the style of "Deep Learning from Scratch" (ch07 simple_convnet.py and train_convnet.py, ch08 deep_convnet.py: im2col, Convolution and Pooling with their backward passes through col2im), and prints the test accuracy the way the app reports it.',
  },
};

/** The shape every language fills. */
export type NotebookStrings = typeof notebookStrings;

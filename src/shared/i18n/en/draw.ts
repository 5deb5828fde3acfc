/** English: drawing a digit and reading the prediction and hidden-layer activations. */
export const drawStrings = {
  draw: {
    title: 'Draw and classify',
    canvas: 'Drawing canvas',
    hint: 'Draw a digit',
    brush: 'Brush width',
    clear: 'Clear',
    undo: 'Undo',
    run: 'Network',
    noRuns: 'No runs yet: train or import one first',
    preview: 'What the network sees (28×28)',
    shortcuts: 'Delete clears, Ctrl+Z (⌘Z) undoes the last stroke',
    error: 'Prediction failed: {{message}}',
    predict: {
      live: 'Prediction: {{digit}} ({{percent}}%)',
      top: 'Top guess',
      probabilities: 'Class probabilities',
      bar: '{{digit}}: {{percent}}%',
    },
    activations: {
      title: 'Hidden-layer activations',
      layer: 'Hidden layer {{n}} ({{size}} units)',
      cell: 'Unit {{unit}}: {{value}}',
    },
  },
};

/** The shape every language fills. */
export type DrawStrings = typeof drawStrings;

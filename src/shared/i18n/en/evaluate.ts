/** English: the test-set evaluation: accuracy, confusion matrix, per digit, mistakes gallery. */
export const evaluateStrings = {
  evaluate: {
    title: 'Evaluation on the test set',
    button: 'Evaluate on test set',
    running: 'Classifying the test set…',
    none: 'Choose a run to evaluate',
    error: 'Evaluation failed: {{message}}',
    overall: 'Test accuracy',
    iteration_one: 'after {{count}} iteration',
    iteration_other: 'after {{count}} iterations',
    matrix: 'Confusion matrix',
    matrixCaption: 'Rows: true label. Columns: predicted. Click a cell to see its images.',
    truth: 'True',
    predicted: 'Predicted',
    cell_one: 'True {{truth}}, predicted {{predicted}}: {{count}} image',
    cell_other: 'True {{truth}}, predicted {{predicted}}: {{count}} images',
    perClass: 'Accuracy per digit',
    digit: 'Digit',
    correct: 'Correct',
    total: 'Images',
    accuracy: 'Accuracy',
    cellTitle: 'True {{truth}}, predicted {{predicted}}',
    closeCell: 'Close',
    gallery: {
      title: 'Mistakes',
      count: '{{shown}} of {{total}} misclassified images',
      filterTrue: 'True digit',
      filterPredicted: 'Predicted digit',
      any: 'Any',
      empty: 'No images here',
      image: 'Test image #{{index}}: true {{truth}}, predicted {{predicted}} ({{percent}}%)',
      page: 'Page {{page}} of {{pages}}',
      prev: 'Previous page',
      next: 'Next page',
      loading: 'Loading images…',
    },
  },
};

/** The shape every language fills. */
export type EvaluateStrings = typeof evaluateStrings;

/** English: the loss, accuracy and learning-rate charts. */
export const chartsStrings = {
  charts: {
    exportPng: 'PNG',
    exportPngTitle: 'Save {{title}} as PNG',
    region: 'Charts',
    loss: 'Loss chart',
    accuracy: 'Accuracy chart',
    learningRate: 'Learning rate chart',
    lossTitle: 'Loss per iteration',
    accuracyTitle: 'Recognition accuracy per epoch',
    learningRateTitle: 'Learning rate over time',
    iteration: 'Iteration',
    epoch: 'Epoch',
    smoothing: 'Smoothing',
    raw: '{{name}} (raw)',
    train: '{{name}} train',
    test: '{{name}} test',
    validation: '{{name}} validation',
    noData: 'No data yet.',
    lossSummary: '{{name}}: last loss {{loss}} at iteration {{iteration}}.',
    accuracySummary: '{{name}}: train accuracy {{train}}, test accuracy {{test}} at epoch {{epoch}}.',
    learningRateSummary: '{{name}}: learning rate {{lr}} at iteration {{iteration}}.',
    legend: 'Legend',
  },
};

/** The shape every language fills. */
export type ChartsStrings = typeof chartsStrings;

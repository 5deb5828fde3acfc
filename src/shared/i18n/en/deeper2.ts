/** English: the gradient check, the run comparison table and class names (issue 13, deliverables 4–6). */
export const deeper2Strings = {
  gradCheck: {
    title: 'Gradient check',
    intro:
      "The book's check (§5.7.3): backprop's gradient against the central difference (f(x+h) − f(x−h)) / 2h, on the run's current weights in float64, batch norm and dropout as at prediction.",
    none: 'Choose a run to check its gradients',
    images: 'Training images',
    entries: 'Entries per parameter',
    button: 'Check gradients',
    cancel: 'Cancel',
    pauseFirst: 'The run is training: pause it (or let it finish) to check its gradients.',
    starting: 'Starting the check…',
    progressLabel: 'Gradient check progress',
    progress: '{{done}} of {{total}} entries compared',
    checkedOf: '{{checked}} of {{total}}',
    kinks: '({{count}} looked at again with h/100: a kink)',
    legend:
      'h = {{h}}. Relative = max |difference| ÷ the largest |gradient|: below 1e-5 they agree, up to 1e-2 borderline (a ReLU or max-pooling kink), above that they disagree (a wrong backward rule).',
    col: {
      name: 'Parameter',
      checked: 'Entries checked',
      mean: 'Mean |difference|',
      max: 'Max |difference|',
      relative: 'Relative',
      verdict: 'Verdict',
    },
    verdict: { agree: 'agrees', borderline: 'borderline', disagree: 'disagrees' },
    summary: {
      agree:
        'Backprop agrees with the numerical gradient for every parameter (weights of iteration {{iteration}}, {{images}} images): the backward rules are right.',
      borderline:
        'Backprop nearly agrees (weights of iteration {{iteration}}, {{images}} images): the small differences are what kinks of ReLU or max pooling cause, not a wrong rule.',
      disagree:
        'Backprop disagrees with the numerical gradient (weights of iteration {{iteration}}, {{images}} images): a backward rule is wrong, in the layers just above the parameters marked.',
    },
  },
  compare: {
    title: 'Compare runs',
    needTwo: 'Show two or more runs in the charts (the run list’s check boxes) to compare them here.',
    sameSettings: 'These runs have the same settings (their seeds too).',
    differing_one: 'Only the setting that differs is shown (highlighted).',
    differing_other: 'Only the {{count}} settings that differ are shown (highlighted).',
    exportCsv: 'Export CSV',
    tableLabel: 'Runs side by side',
    run: 'Run',
    col: {
      finalTrainAccuracy: 'Train accuracy (final)',
      bestTrainAccuracy: 'Train accuracy (best)',
      finalTestAccuracy: 'Test accuracy (final)',
      bestTestAccuracy: 'Test accuracy (best)',
      finalTrainLoss: 'Train loss (final)',
      finalTestLoss: 'Test loss (final)',
      bestTestLoss: 'Test loss (best)',
      iterationsPerSecond: 'Iterations per second',
      wallMs: 'Wall time',
    },
  },
};

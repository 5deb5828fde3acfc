/** English: the personal test set ("this was a 7"). */
export const testSetStrings = {
  testSet: {
    thisWas: 'This was a…',
    addAs: 'Add to my test set as {{digit}}',
    added: 'Added to your test set as {{digit}} ({{total}} in the set).',
    addFailed: 'Could not add the drawing: {{message}}',
    title: 'My test set',
    intro:
      'Drawings you labelled with “This was a…”. Evaluate them with any run to see how it does on your own handwriting.',
    empty: 'No drawings yet: draw a digit, then say which it was.',
    count: 'Drawings: {{total}}',
    perDigit: 'Drawings per digit',
    evaluate: 'Evaluate with {{run}}',
    evaluating: 'Evaluating…',
    result: '{{run}}: {{correct}} of {{total}} correct ({{percent}}%)',
    evaluateFailed: 'Evaluation failed: {{message}}',
    list: 'Drawings in my test set',
    item: 'Drawing {{n}}: labelled {{label}}',
    itemResult: 'Drawing {{n}}: labelled {{label}}, predicted {{predicted}} ({{percent}}%)',
    delete: 'Delete drawing {{n}} ({{label}})',
    deleteFailed: 'Could not delete the drawing: {{message}}',
    right: 'right',
    wrong: 'wrong',
  },
};

/** The shape every language fills. */
export type TestSetStrings = typeof testSetStrings;

/** English: the "look deeper" views (saliency of a drawing, hidden-layer map, histograms over training). */
export const insightStrings = {
  insight: {
    saliency: {
      title: 'Why {{digit}}?',
      topClass: 'the top guess',
      chosenClass: 'the class you chose',
      explaining: 'Explaining {{digit}} ({{which}})',
      backToTop: 'Back to the top guess',
      pick: 'Choose a bar to explain another class (Tab to it, then Enter).',
      barButton: 'Explain {{digit}} ({{percent}}%)',
      gradient: 'Gradient: ∂score/∂pixel',
      gradientImage: 'How the score of {{digit}} changes with each pixel',
      evidence: 'Evidence: pixel × gradient',
      evidenceImage: 'Which ink speaks for (red) and against (blue) {{digit}}',
      legend: 'Colour scale',
      against: 'against {{digit}}',
      for: 'for {{digit}}',
      summary: 'Ink for {{digit}}: +{{positive}}, against: −{{negative}}',
      error: 'Saliency failed: {{message}}',
    },
    map: {
      title: 'Hidden-layer map',
      layer: 'Layer',
      layerOption: '{{name}} ({{width}} units)',
      computing: 'Computing the map…',
      variance:
        'PCA of {{count}} test images at iteration {{iteration}}: axis 1 holds {{first}}% of the variance, axis 2 {{second}}%',
      canvas: 'Map of {{count}} test images coloured by label',
      keys: 'Point at an image to see it; click opens it. Keys: arrows step through the images, Enter opens one, Escape closes it.',
      legend: 'Labels',
      drawn: 'your drawing',
      point: 'Test image {{index}}: a {{label}}, read as {{prediction}} ({{percent}}%)',
      opened: 'Test image {{index}}',
      close: 'Close',
      error: 'The map failed: {{message}}',
    },
    tsne: {
      start: 't-SNE',
      about: 'Place the same images by t-SNE at this iteration (takes a few seconds, in the background).',
      cancel: 'Cancel',
      fetching: 'Fetching the layer’s outputs…',
      progress: 't-SNE progress',
      affinities: 'Finding each image’s neighbours…',
      iteration: 'Iteration {{iteration}} of {{iterations}}',
      cancelled: 't-SNE cancelled at iteration {{iteration}} of {{iterations}}.',
      error: 't-SNE failed: {{message}}',
      caption:
        't-SNE of {{count}} test images at iteration {{iteration}} (perplexity {{perplexity}}, KL {{kl}}). It stays as it was while the run trains on; the PCA map is the live one.',
      canvas: 't-SNE map of {{count}} test images coloured by label',
      noDrawing:
        'Your drawing is not on this map: t-SNE places only the images it was computed from and has no way to add a new one. The PCA map shows it.',
      noNewPoints:
        'A drawing cannot be placed on a t-SNE map: it places only the images it was computed from and has no way to add a new one.',
      back: 'Back to the live PCA map',
    },
    histograms: {
      title: 'Activations and weights over training',
      none: 'No histograms yet: they are taken at each evaluation point while a run trains.',
      about:
        'Each row is a layer, each column an evaluation point: the outputs of each hidden layer on 500 test images, and each weight layer. Numbers under a chart are its range.',
      layer: 'Layer',
      iteration: 'iteration {{iteration}}',
      activations: '{{name}} outputs',
      weights: '{{name}} weights',
      dead: 'dead ReLU units: {{percent}}%',
      deadCell: '{{percent}}% dead',
      cell: '{{name}} at iteration {{iteration}}: from {{min}} to {{max}}',
    },
  },
};

/** The shape every language fills. */
export type InsightStrings = typeof insightStrings;

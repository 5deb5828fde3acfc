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
  },
};

/** The shape every language fills. */
export type InsightStrings = typeof insightStrings;

/** English: the weight visualizer: tiles, heatmaps, histograms and the gradient chart. */
export const weightsStrings = {
  weights: {
    title: 'Weights',
    firstLayer: 'First-layer weights',
    unit: 'Hidden unit {{n}}',
    filter: 'Filter {{n}}',
    scale: 'Colour scale: blue −{{max}}, white 0, red +{{max}}',
    hoverTile: '{{tile}}, pixel ({{x}}, {{y}}), index {{index}}: {{value}}',
    hoverCell: '{{name}}[{{row}}, {{col}}] = {{value}}',
    heatmap: '{{name}} ({{rows}}×{{cols}})',
    histogram: 'Histogram of {{name}}',
    histogramRange: '{{count}} values from {{min}} to {{max}}',
    loading: 'Loading weights…',
    none: 'Choose a run to see its weights',
    error: 'Could not read the weights: {{message}}',
    live: 'Updating live while the run trains',
    close: 'Close',
    enlarged: '{{tile}}, enlarged',
    unsupported: 'This first layer has no 28×28 pictures to show',
    hint: 'Hover for values; click a tile to enlarge it',
    gradient: {
      title: 'Gradient magnitude per layer',
      measure:
        'L2 norm ‖∂L/∂W‖ of each weight layer’s gradient (biases left out), the mean of every {{every}}th iteration between evaluations. Log scale.',
      legend: 'Layers',
      epoch: 'Epoch {{epoch}}',
      summary: '{{layer}}: {{value}} at epoch {{epoch}} (started at {{first}} at epoch {{firstEpoch}})',
      waiting: 'The gradient norms appear at the first evaluation point.',
      none: 'No gradient record for this run: the app measures gradients only while it trains a run, so imported runs and runs saved by an older version have none.',
    },
  },
};

/** The shape every language fills. */
export type WeightsStrings = typeof weightsStrings;

/** English: the CNN views: the first convolution's filters before training and now, and a drawn digit's feature maps. */
export const cnnStrings = {
  cnn: {
    filters: {
      title: 'First convolution layer: filters before training and now',
      caption:
        'Each tile is one {{size}}×{{size}} filter of Conv1 (book §7.6.1, Fig. 7-24): random noise before training, edge and blob detectors as it learns.',
      before: 'Filters before training',
      now: 'Filters now',
      beforeScale: 'Before training · scale ±{{max}}',
      nowScale: 'Now (iteration {{iteration}}) · scale ±{{max}}',
      filter: 'Filter {{n}}',
      filterBefore: 'Filter {{n}} before training',
      noBefore:
        'This run was imported: its weights came from a file, so there are no filters from before training.',
      loadingBefore: 'Rebuilding the initial filters from the run’s seed…',
    },
    maps: {
      title: 'Feature maps (book §7.6)',
      caption:
        'What every convolution and pooling layer outputs for the drawn digit, one tile per channel; red positive, blue negative, each layer on its own scale.',
      layer: '{{name}}: {{C}} channels of {{H}}×{{W}}',
      channel: '{{name}} channel {{n}}',
      channelStats:
        '{{name}} channel {{n}}: largest {{max}} at ({{maxX}}, {{maxY}}), smallest {{min}} at ({{minX}}, {{minY}})',
      keys: '{{name}} channels: arrow keys pick a channel',
      hover: '{{name}} channel {{n}}, ({{x}}, {{y}}): {{value}}',
      loading: 'Computing the feature maps…',
      error: 'Could not compute the feature maps: {{message}}',
    },
  },
};

/** The shape every language fills. */
export type CnnStrings = typeof cnnStrings;

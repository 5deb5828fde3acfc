/** The Labs, in the book's order, grouped by chapter. */
export const LAB_CHAPTERS = [
  { chapter: 'ch03', labs: ['activations', 'shapes', 'softmax'] },
  { chapter: 'ch04', labs: ['losses', 'numdiff', 'gradient'] },
  { chapter: 'ch05', labs: ['graph', 'backprop'] },
  { chapter: 'ch06', labs: ['optimizers', 'initWeights', 'regularisation', 'presets'] },
] as const;

export type LabChapter = (typeof LAB_CHAPTERS)[number]['chapter'];
export type LabId = (typeof LAB_CHAPTERS)[number]['labs'][number];

/** Every lab id, in order. */
export const LAB_IDS: readonly LabId[] = LAB_CHAPTERS.flatMap((c) => c.labs);

/** English: the training controls and progress, and the run states (the one place they are named). */
export const trainingStrings = {
  controls: {
    region: 'Training controls',
    train: 'Train',
    pause: 'Pause',
    resume: 'Resume',
    step: 'Step',
    stop: 'Stop',
    help: 'Help',
    noRun: 'No run selected. Press Train to start one.',
    epochOf: 'Epoch {{epoch}} of {{total}}',
    iterationOf: 'Iteration {{iteration}} of {{total}}',
    perSecond: '{{rate}} it/s',
    elapsed: 'Elapsed {{time}}',
    remaining: 'Remaining {{time}}',
    progress: 'Progress of {{name}}',
  },
  state: {
    starting: 'Starting',
    training: 'Training',
    paused: 'Paused',
    finished: 'Finished',
    stopped: 'Stopped',
    diverged: 'Diverged',
    failed: 'Failed',
    interrupted: 'Interrupted',
    imported: 'Imported',
  },
};

/** The shape every language fills. */
export type TrainingStrings = typeof trainingStrings;

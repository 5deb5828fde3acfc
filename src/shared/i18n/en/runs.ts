/** English: the run list, export menu and the import-weights dialog. */
export const runsStrings = {
  runs: {
    rerun: 'Re-run',
    rerunTitle: 'Train {{name}} again with the same settings',
    trainFurtherTitle: 'Train {{name}} further, starting from its imported weights',
    exportMenu: 'Export',
    exportTitle: 'Export {{name}}',
    exportNpz: 'NumPy .npz',
    exportPkl: 'pickle .pkl',
    exportJson: 'JSON .json',
    exportOnnx: 'ONNX .onnx',
    exportIpynb: 'Jupyter notebook .ipynb',
    exportPy: 'NumPy training script .py',
    exportLossCsv: 'Loss CSV (per iteration)',
    exportEpochsCsv: 'Epochs CSV (accuracy)',
    importWeights: 'Import weights…',
    title: 'Runs',
    empty: 'No runs yet.',
    show: 'Show {{name}} on charts',
    rename: 'Rename {{name}}',
    nameField: 'Name of {{name}}',
    save: 'Save',
    cancel: 'Cancel',
    delete: 'Delete {{name}}',
    confirmDelete: 'Delete run "{{name}}" and its metrics?',
    select: 'Select {{name}}',
    selected: 'selected',
    /** The name of a new run nobody named: the service's run number. */
    defaultName: 'Run {{number}}',
  },
  importDialog: {
    title: 'Import weights',
    file: 'File',
    architecture: 'Network',
    batchNorm: 'with batch normalization',
    activation: 'Activation',
    askActivation:
      'The file does not record its activation; the book’s choice for this network is preselected.',
    fromFile: 'The file records its activation.',
    settingsFromFile: 'Training it further uses the settings the file records.',
    settingsFromPanel:
      'The file records no training settings: training it further uses the panel’s (optimizer, learning rate, batch size, …); the layers come from the file.',
    name: 'Run name',
    import: 'Import',
    cancel: 'Cancel',
  },
};

/** The shape every language fills. */
export type RunsStrings = typeof runsStrings;

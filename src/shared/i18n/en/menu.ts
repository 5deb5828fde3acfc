/** English: the desktop app menu and the native file dialogs (main process). */
export const menuStrings = {
  menu: {
    file: 'File',
    openDatasetFolder: 'Open Dataset Folder…',
    importWeights: 'Import Weights…',
    exportWeights: 'Export Weights…',
    quit: 'Quit',
    quitApp: 'Quit {{app}}',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    theme: 'Theme',
    themeSystem: 'System',
    themeLight: 'Light',
    themeDark: 'Dark',
    language: 'Language',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    actualSize: 'Actual Size',
    fullScreen: 'Toggle Full Screen',
    devTools: 'Toggle Developer Tools',
    help: 'Help',
    shortcuts: 'Keyboard Shortcuts',
    about: 'About {{app}}',
    hide: 'Hide {{app}}',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    openDatasetTitle: 'Open an MNIST dataset folder',
    importWeightsTitle: 'Import weights',
    exportWeightsTitle: 'Export weights',
    weightsFiles: 'Weights',
    /** The save dialog's file types, one per weights format. */
    format: {
      npz: 'NumPy weights (.npz)',
      pkl: 'Python pickle (.pkl)',
      json: 'MNIST Lab JSON (.json)',
      onnx: 'ONNX model (.onnx)',
    },
  },
};

/** The shape every language fills. */
export type MenuStrings = typeof menuStrings;

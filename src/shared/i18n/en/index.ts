/**
 * The English dictionary, one namespace per feature. It is the reference: `Dictionary` is its
 * shape, every other language is typed as it, and i18next's keys are typed from it.
 */
import { appStrings } from './app';
import { chartsStrings } from './charts';
import { drawStrings } from './draw';
import { evaluateStrings } from './evaluate';
import { menuStrings } from './menu';
import { notebookStrings } from './notebook';
import { msgStrings } from './msg';
import { panelStrings } from './panel';
import { runsStrings } from './runs';
import { testSetStrings } from './testSet';
import { labsStrings } from './labs';
import { trainingStrings } from './training';
import { weightsStrings } from './weights';
import { cnnStrings } from './cnn'; // the CNN views (cnnviews)
// Look deeper (issue 13)
import { insightStrings } from './insight';
// Gradient check, run comparison, class names (issue 13)
import { deeper2Strings } from './deeper2';

export const en = {
  ...appStrings,
  ...panelStrings,
  ...trainingStrings,
  ...runsStrings,
  ...chartsStrings,
  ...drawStrings,
  ...weightsStrings,
  ...evaluateStrings,
  ...testSetStrings,
  ...labsStrings,
  ...menuStrings,
  ...notebookStrings,
  ...cnnStrings,
  ...insightStrings, // Look deeper (issue 13)
  ...msgStrings,
  // Gradient check, run comparison, class names (issue 13)
  ...deeper2Strings,
};

/** The shape of a complete dictionary. */
export type Dictionary = typeof en;

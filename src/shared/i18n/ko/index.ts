/** The Korean dictionary: the English one's shape (`Dictionary`), namespace for namespace. */
import type { Dictionary } from '../en';
import { appStrings } from './app';
import { chartsStrings } from './charts';
import { drawStrings } from './draw';
import { evaluateStrings } from './evaluate';
import { menuStrings } from './menu';
import { notebookStrings } from './notebook';
import { koMessages } from './msg';
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

export const ko: Dictionary = {
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
  // Gradient check, run comparison, class names (issue 13)
  ...deeper2Strings,
  msg: koMessages,
};

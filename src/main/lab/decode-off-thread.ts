/**
 * Decoding a weights file off the main thread: each file gets its own weights-decoder thread
 * (src/worker/weights-decoder.ts) with a capped heap and a deadline, so a hostile file costs at most
 * that thread: it is refused with a message instead of freezing the window or aborting the process.
 */
import { startWorker } from '../../worker/entry';
import type { DecodeAnswer, DecodeRequest } from '../../worker/weights-decoder';
import type { CheckedWeights } from './weights-import';
import { LabError, message, type LabMessage } from '../../shared/messages';

/** The decoder's heap (old generation), in MiB: what any hostile file up to 64 MiB may cost. */
export const DECODE_HEAP_MB = 256;
/** How long a decode may take: a real network's file decodes in well under a second. */
export const DECODE_DEADLINE_MS = 5000;

/** Limits for one decode (tests lower them). */
export interface DecodeLimits {
  heapMb?: number;
  deadlineMs?: number;
}

/** Decodes and checks `bytes` in a weights-decoder thread; rejects with the message saying what is wrong. */
export function checkWeightsOffThread(
  fileName: string,
  bytes: Uint8Array,
  { heapMb = DECODE_HEAP_MB, deadlineMs = DECODE_DEADLINE_MS }: DecodeLimits = {},
): Promise<CheckedWeights> {
  const worker = startWorker('weights-decoder', import.meta.url, {
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  });
  return new Promise<CheckedWeights>((resolve, reject) => {
    let settled = false;
    const settle = (result: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      result();
    };
    const fail = (reason: LabMessage) => settle(() => reject(new LabError(reason)));
    const timer = setTimeout(
      () => fail(message('decodeTimedOut', { seconds: deadlineMs / 1000 })),
      deadlineMs,
    );
    worker.once('message', (answer: DecodeAnswer) =>
      settle(() => (answer.ok ? resolve(answer.checked) : reject(new LabError(answer.message)))),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? message('decodeOutOfMemory', { max: heapMb })
          : message('decodeFailed', { cause: error.message }),
      ),
    );
    worker.once('exit', (code) => fail(message('decodeFailed', { cause: `exit code ${code}` })));
    worker.postMessage({ fileName, bytes } satisfies DecodeRequest);
  });
}

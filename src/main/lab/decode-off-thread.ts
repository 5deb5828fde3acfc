/**
 * Decoding a weights file off the main thread: each file gets its own weights-decoder thread
 * (src/worker/weights-decoder.ts) with a capped heap and a deadline (bounded-worker.ts), so a hostile file costs at most
 * that thread: it is refused with a message instead of freezing the window or aborting the process.
 */
import { runBoundedWorker } from './bounded-worker';
import type { DecodeAnswer, DecodeRequest } from '../../worker/weights-decoder';
import type { CheckedWeights } from './weights-import';
import { LabError, message } from '../../shared/messages';

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
  return runBoundedWorker({
    worker: 'weights-decoder',
    request: { fileName, bytes } satisfies DecodeRequest,
    heapMb,
    deadlineMs,
    read: (answer: DecodeAnswer) => (answer.ok ? { ok: true, value: answer.checked } : answer),
    timedOut: message('decodeTimedOut', { seconds: deadlineMs / 1000 }),
    outOfMemory: message('decodeOutOfMemory', { max: heapMb }),
    failed: (cause) => message('decodeFailed', { cause }),
    error: (reason) => new LabError(reason),
  });
}

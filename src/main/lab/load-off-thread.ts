/**
 * Loading a dataset folder off the main thread: each load gets its own dataset-loader thread
 * (src/worker/dataset-loader.ts) with a capped heap and a deadline, so a hostile or huge folder costs
 * at most that thread: it is refused with a message while the window (and every other call to the
 * service) goes on. The pixels and the CSR index come back as SharedArrayBuffers: shared, not copied.
 */
import { runBoundedWorker } from './bounded-worker';
import type { DatasetAnswer, DatasetRequest } from '../../worker/dataset-loader';
import { DatasetError, type LoadedDataset } from './dataset';
import { message } from '../../shared/messages';

/** The loader's heap (old generation), in MiB. Pixels and index live outside it, in shared buffers. */
export const DATASET_HEAP_MB = 256;
/** How long a load may take: MNIST loads in about a second, the largest allowed split in well under a minute. */
export const DATASET_DEADLINE_MS = 60_000;

/** Limits for one load (tests lower them). */
export interface DatasetLoadLimits {
  heapMb?: number;
  deadlineMs?: number;
}

/** Loads `folder` (undefined: the bundled package) in a dataset-loader thread; rejects with a DatasetError. */
export function loadMnistOffThread(
  folder: string | undefined,
  { heapMb = DATASET_HEAP_MB, deadlineMs = DATASET_DEADLINE_MS }: DatasetLoadLimits = {},
): Promise<LoadedDataset> {
  return runBoundedWorker({
    worker: 'dataset-loader',
    request: { folder } satisfies DatasetRequest,
    heapMb,
    deadlineMs,
    read: (answer: DatasetAnswer) => (answer.ok ? { ok: true, value: answer.loaded } : answer),
    timedOut: message('datasetTimedOut', { seconds: deadlineMs / 1000 }),
    outOfMemory: message('datasetOutOfMemory', { max: heapMb }),
    failed: (cause) => message('datasetLoaderFailed', { cause }),
    error: (reason) => new DatasetError(reason),
  });
}

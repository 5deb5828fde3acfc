/**
 * Loading a dataset folder off the main thread: each load gets its own dataset-loader thread
 * (src/worker/dataset-loader.ts) with a capped heap and a deadline, so a hostile or huge folder costs
 * at most that thread: it is refused with a message while the window (and every other call to the
 * service) goes on. The pixels and the CSR index come back as SharedArrayBuffers: shared, not copied.
 */
import { startWorker } from '../../worker/entry';
import type { DatasetAnswer, DatasetRequest } from '../../worker/dataset-loader';
import { DatasetError, type LoadedDataset } from './dataset';
import { message, type LabMessage } from '../../shared/messages';

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
  const worker = startWorker('dataset-loader', import.meta.url, {
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  });
  return new Promise<LoadedDataset>((resolve, reject) => {
    let settled = false;
    const settle = (result: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      result();
    };
    const fail = (reason: LabMessage) => settle(() => reject(new DatasetError(reason)));
    const timer = setTimeout(
      () => fail(message('datasetTimedOut', { seconds: deadlineMs / 1000 })),
      deadlineMs,
    );
    worker.once('message', (answer: DatasetAnswer) =>
      answer.ok ? settle(() => resolve(answer.loaded)) : fail(answer.message),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? message('datasetOutOfMemory', { max: heapMb })
          : message('datasetLoaderFailed', { cause: error.message }),
      ),
    );
    worker.once('exit', (code) => fail(message('datasetLoaderFailed', { cause: `exit code ${code}` })));
    worker.postMessage({ folder } satisfies DatasetRequest);
  });
}

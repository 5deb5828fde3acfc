/**
 * One job in a thread of its own with a capped heap and a deadline: how main decodes a weights file
 * (decode-off-thread.ts) and reads a dataset folder (load-off-thread.ts). Whatever the input does, it
 * costs at most that thread: the job ends with its result or with a message saying why it stopped
 * (too slow, out of memory, the thread failing), and the thread is terminated either way.
 */
import type { WorkerOptions } from 'node:worker_threads';
import { startWorker, type WorkerEntryName } from '../../worker/entry';
import type { LabMessage } from '../../shared/messages';

/** A worker's answer: its result, or the message it refused the input with. */
export type BoundedAnswer<R> = { ok: true; value: R } | { ok: false; message: LabMessage };

export interface BoundedJob<A, R> {
  /** The worker entry (src/worker/entry.ts) that does the job. */
  worker: WorkerEntryName;
  /** The one message the worker is sent. */
  request: unknown;
  heapMb: number;
  deadlineMs: number;
  /** The worker's answer as a result or a refusal. */
  read(answer: A): BoundedAnswer<R>;
  /** The messages for a job stopped at its deadline, over its heap, or by its thread failing. */
  timedOut: LabMessage;
  outOfMemory: LabMessage;
  failed(cause: string): LabMessage;
  /** The error a refusal is rejected with. */
  error(reason: LabMessage): Error;
}

/** Runs `job` in its own thread; resolves with its result or rejects with `job.error(why)`. */
export function runBoundedWorker<A, R>(job: BoundedJob<A, R>): Promise<R> {
  const options: WorkerOptions = {
    resourceLimits: { maxOldGenerationSizeMb: job.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  };
  const worker = startWorker(job.worker, import.meta.url, options);
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const settle = (result: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      result();
    };
    const fail = (reason: LabMessage) => settle(() => reject(job.error(reason)));
    const timer = setTimeout(() => fail(job.timedOut), job.deadlineMs);
    worker.once('message', (answer: A) => {
      const read = job.read(answer);
      if (read.ok) settle(() => resolve(read.value));
      else fail(read.message);
    });
    worker.once('error', (error: Error & { code?: string }) =>
      fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? job.outOfMemory : job.failed(error.message)),
    );
    worker.once('exit', (code) => fail(job.failed(`exit code ${code}`)));
    worker.postMessage(job.request);
  });
}

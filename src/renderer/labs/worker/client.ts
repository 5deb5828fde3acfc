/**
 * Starts a job on a fresh Labs worker (./labs.worker.ts) and hands each validated reply to
 * `onReply` until the job is done or has failed; `cancel` ends it early (the worker is terminated,
 * so a numerical gradient in progress stops at once).
 */
import { labReplySchema, type LabJob, type LabReply } from './protocol';

export interface LabJobHandle {
  /** Resolves when the job is done; rejects with its failure. */
  finished: Promise<void>;
  cancel: () => void;
}

export function startLabJob(job: LabJob, onReply: (reply: LabReply) => void): LabJobHandle {
  const worker = new Worker(new URL('./labs.worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: () => void; reject: (err: Error) => void } | null = null;
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const end = (err?: Error) => {
    worker.terminate();
    if (err) settle?.reject(err);
    else settle?.resolve();
    settle = null;
  };
  worker.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = labReplySchema.safeParse(event.data);
    if (!parsed.success) return end(new Error(parsed.error.message));
    const reply = parsed.data;
    if (reply.kind === 'done') return end();
    if (reply.kind === 'failed') return end(new Error(reply.text));
    onReply(reply);
  };
  worker.onerror = (event) => end(new Error(event.message || 'worker error'));
  worker.postMessage(job);
  return { finished, cancel: () => end() };
}

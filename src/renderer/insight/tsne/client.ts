/**
 * Starts a t-SNE on a fresh worker (./tsne.worker.ts) and hands each validated progress reply to
 * `onProgress` until the map is done or has failed; `cancel` ends it at once (the worker is
 * terminated, whatever iteration it is in).
 */
import { tsneReplySchema, type TsneJob, type TsneReply } from './protocol';

export type TsneDone = Extract<TsneReply, { kind: 'done' }>;
export type TsneProgressReply = Extract<TsneReply, { kind: 'progress' }>;

export interface TsneHandle {
  /** Resolves with the finished map, or null when cancelled; rejects with a failure. */
  finished: Promise<TsneDone | null>;
  cancel: () => void;
}

export function startTsne(job: TsneJob, onProgress: (progress: TsneProgressReply) => void): TsneHandle {
  const worker = new Worker(new URL('./tsne.worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: (done: TsneDone | null) => void; reject: (err: Error) => void } | null = null;
  const finished = new Promise<TsneDone | null>((resolve, reject) => (settle = { resolve, reject }));
  const end = (result: TsneDone | null | Error) => {
    worker.terminate();
    if (result instanceof Error) settle?.reject(result);
    else settle?.resolve(result);
    settle = null;
  };
  worker.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = tsneReplySchema.safeParse(event.data);
    if (!parsed.success) return end(new Error(parsed.error.message));
    const reply = parsed.data;
    if (reply.kind === 'done') return end(reply);
    if (reply.kind === 'failed') return end(new Error(reply.text));
    onProgress(reply);
  };
  worker.onerror = (event) => end(new Error(event.message || 'worker error'));
  worker.postMessage(job);
  return { finished, cancel: () => end(null) };
}

/**
 * The hidden-layer map's t-SNE worker: runs the engine's exact t-SNE (src/nn/tsne.ts) on one
 * layer's outputs off the page and posts every iteration, so the page shows a progress bar and
 * stays responsive for the seconds 2,000 points take. The page terminates it to cancel.
 */
import { tsne } from '../../../nn';
import { tsneJobSchema, type TsneReply } from './protocol';

/** The worker's global scope, as much of it as this file uses (the DOM lib has no worker scope). */
const scope = globalThis as unknown as {
  postMessage(message: TsneReply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
};

scope.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = tsneJobSchema.safeParse(event.data);
  if (!parsed.success) {
    scope.postMessage({ kind: 'failed', text: parsed.error.message });
    return;
  }
  const job = parsed.data;
  try {
    scope.postMessage({ kind: 'progress', iteration: 0, iterations: job.iterations, kl: null });
    const steps = tsne(job.features, job.count, job.width, {
      perplexity: job.perplexity,
      iterations: job.iterations,
      seed: job.seed,
    });
    for (;;) {
      const step = steps.next();
      if (step.done) {
        const { embedding, kl, iterations, perplexity } = step.value;
        const points = Float32Array.from(embedding);
        scope.postMessage({ kind: 'done', embedding: points, kl, iterations, perplexity }, [points.buffer]);
        return;
      }
      const { iteration, iterations, kl } = step.value;
      scope.postMessage({ kind: 'progress', iteration, iterations, kl });
    }
  } catch (err) {
    scope.postMessage({ kind: 'failed', text: err instanceof Error ? err.message : String(err) });
  }
};

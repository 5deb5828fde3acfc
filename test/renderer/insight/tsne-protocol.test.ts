/**
 * The t-SNE worker's messages (src/renderer/insight/tsne/protocol.ts): what the worker accepts and
 * what the page accepts back. The worker itself runs in the Chromium e2e test (jsdom has no Worker).
 */
import { describe, expect, it } from 'vitest';
import { tsneJobSchema, tsneReplySchema } from '../../../src/renderer/insight/tsne/protocol';
import { TSNE_SETTINGS } from '../../../src/renderer/insight/useTsne';

const job = { features: new Float32Array(2000 * 50), count: 2000, width: 50, ...TSNE_SETTINGS };

describe('t-SNE worker protocol', () => {
  it('accepts the job the panel sends for a 2,000-image map', () => {
    expect(tsneJobSchema.safeParse(job).success).toBe(true);
  });

  it('refuses features that do not hold count × width values, or are not float32', () => {
    expect(tsneJobSchema.safeParse({ ...job, width: 49 }).success).toBe(false);
    expect(tsneJobSchema.safeParse({ ...job, features: new Float64Array(2000 * 50) }).success).toBe(false);
    expect(
      tsneJobSchema.safeParse({ ...job, features: Array.from({ length: 4 }, () => 0), count: 4, width: 1 })
        .success,
    ).toBe(false);
  });

  it('refuses too few or too many images, and settings out of range', () => {
    expect(
      tsneJobSchema.safeParse({ ...job, features: new Float32Array(3), count: 3, width: 1 }).success,
    ).toBe(false);
    expect(
      tsneJobSchema.safeParse({ ...job, features: new Float32Array(2001), count: 2001, width: 1 }).success,
    ).toBe(false);
    expect(tsneJobSchema.safeParse({ ...job, perplexity: 0 }).success).toBe(false);
    expect(tsneJobSchema.safeParse({ ...job, iterations: 0 }).success).toBe(false);
    expect(tsneJobSchema.safeParse({ ...job, seed: 1.5 }).success).toBe(false);
  });

  it('reads back progress, the finished map and a failure, and nothing else', () => {
    expect(tsneReplySchema.parse({ kind: 'progress', iteration: 3, iterations: 500, kl: null }).kind).toBe(
      'progress',
    );
    const done = { kind: 'done', embedding: new Float32Array(8), kl: 1.2, iterations: 500, perplexity: 30 };
    expect(tsneReplySchema.parse(done)).toEqual(done);
    expect(tsneReplySchema.parse({ kind: 'failed', text: 'x' }).kind).toBe('failed');
    expect(
      tsneReplySchema.safeParse({ kind: 'done', embedding: [0, 1], kl: 1, iterations: 1, perplexity: 1 })
        .success,
    ).toBe(false);
    expect(
      tsneReplySchema.safeParse({ kind: 'progress', iteration: -1, iterations: 500, kl: null }).success,
    ).toBe(false);
    expect(tsneReplySchema.safeParse({ kind: 'other' }).success).toBe(false);
  });
});

/**
 * What the hidden-layer map's t-SNE worker (./tsne.worker.ts, a Web Worker of the renderer) is
 * asked and answers. Both sides validate what arrives (zod). One job per worker: the layer's
 * outputs for the map's images in, one progress reply per iteration, the finished map out.
 */
import { z } from 'zod';
import { HIDDEN_MAP_IMAGES } from '../../../shared/explain';

const floats = z.custom<Float32Array>((v) => v instanceof Float32Array, 'expected a Float32Array');

export const tsneJobSchema = z
  .object({
    /** (count, width) the mapped layer's outputs (HiddenMap.features). */
    features: floats,
    count: z.number().int().min(4).max(HIDDEN_MAP_IMAGES),
    width: z.number().int().min(1).max(100_000),
    perplexity: z.number().min(1).max(100),
    iterations: z.number().int().min(1).max(2000),
    seed: z.number().int().min(0),
  })
  .refine((job) => job.features.length === job.count * job.width, 'features: count × width values');
export type TsneJob = z.infer<typeof tsneJobSchema>;

export const tsneReplySchema = z.discriminatedUnion('kind', [
  /** `iteration` of `iterations` done (0: the affinities are being computed); KL when it was computed. */
  z.object({
    kind: z.literal('progress'),
    iteration: z.number().int().min(0),
    iterations: z.number().int().min(1),
    kl: z.number().nullable(),
  }),
  /** The finished map: (count, 2) positions, and its KL divergence. */
  z.object({
    kind: z.literal('done'),
    embedding: floats,
    kl: z.number(),
    iterations: z.number().int(),
    perplexity: z.number(),
  }),
  /** The job failed: the engine's own words (a bug; nothing a user typed reaches the engine unchecked). */
  z.object({ kind: z.literal('failed'), text: z.string() }),
]);
export type TsneReply = z.infer<typeof tsneReplySchema>;

/**
 * What the Labs' own worker (a Web Worker of the renderer, ./labs.worker.ts) is asked and answers.
 * Both sides validate what arrives (zod). The worker runs the labs' heavy engine work off the page:
 * the book's ch05 gradient check, and the numerical-vs-backprop training of "Why backprop".
 */
import { z } from 'zod';

const IMAGE_SIZE = 784;

/** A few MNIST images (uint8 pixels, count × 784) and their labels, as the Lab service's sampleImages gives them. */
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected a Uint8Array');
const images = {
  pixels: bytes,
  labels: bytes.refine((l) => l.length >= 1 && l.length <= 100, 'labels: 1 to 100 images'),
};
const hidden = z.number().int().min(1).max(100);

export const labJobSchema = z
  .discriminatedUnion('kind', [
    /** The book's ch05 gradient check: 784-hidden-10, float64, on the given images. */
    z.object({ kind: z.literal('gradcheck'), hidden, ...images }),
    /**
     * `iterations` SGD steps both ways from the same start, interleaved (backprop i, numerical i):
     * iteration i trains on images [i·batch, (i+1)·batch) of the given ones (wrapping round).
     */
    z.object({
      kind: z.literal('train'),
      hidden,
      batch: z.number().int().min(1).max(100),
      iterations: z.number().int().min(1).max(50),
      learningRate: z.number().positive().max(10),
      seed: z.number().int().min(0),
      ...images,
    }),
  ])
  .refine((job) => job.pixels.length === job.labels.length * IMAGE_SIZE, 'pixels: 784 per label');
export type LabJob = z.infer<typeof labJobSchema>;

const method = z.enum(['backprop', 'numerical']);

export const labReplySchema = z.discriminatedUnion('kind', [
  /** One parameter of the gradient check is done (index of total, in W1, b1, W2, b2 order). */
  z.object({
    kind: z.literal('checked'),
    name: z.string(),
    meanAbsDiff: z.number(),
    maxAbsDiff: z.number(),
    index: z.number().int(),
    total: z.number().int(),
  }),
  /** One training iteration of one method: the loss on its batch and its time in ms. */
  z.object({
    kind: z.literal('iteration'),
    method,
    iteration: z.number().int(),
    loss: z.number(),
    ms: z.number(),
  }),
  z.object({ kind: z.literal('done') }),
  /** The job failed: the engine's own words (a bug; nothing a user typed reaches the engine unchecked). */
  z.object({ kind: z.literal('failed'), text: z.string() }),
]);
export type LabReply = z.infer<typeof labReplySchema>;

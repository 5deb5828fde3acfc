/** Schemas for every argument that reaches the service from outside (renderer, web bridge, CLI). */
import { z } from 'zod';
import { UI_LANGUAGES } from '../../shared/shell';

/** A run id as the service makes them. */
export const runIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be a run id such as run-1-abc');

/** A run's display name. */
/** A UI language (new runs are named in it). */
export const languageSchema = z.enum(UI_LANGUAGES);

export const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

/** A live learning rate: the same range as the hyperparameter. */
export const learningRateSchema = z.number().finite().min(1e-5).max(10);

/** 784 pixels 0..255: a Uint8Array, or a plain array of integers (JSON clients). */
export const pixelsSchema = z
  .union([z.instanceof(Uint8Array), z.array(z.number().int().min(0).max(255))])
  .refine((p) => p.length === 784, { message: 'must hold 784 pixels (28x28)' })
  .transform((p) => (p instanceof Uint8Array ? p.slice() : Uint8Array.from(p)));

/** sampleImages(split, start, count). */
export const sampleSchema = z.object({
  split: z.enum(['train', 'test']),
  start: z.number().int().min(0),
  count: z.number().int().min(1).max(100),
});

/** Parses `value` or throws one readable line naming the argument. */
export function argument<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const detail = r.error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  throw new Error(`Invalid ${what}: ${detail}`);
}

/** exportWeights' format. */
export const exportFormatSchema = z.enum(['npz', 'pkl', 'json', 'onnx']);

/** importWeights' choices: the activation the shapes cannot tell, and an optional run name. */
export const importChoicesSchema = z.object({
  activation: z.enum(['relu', 'sigmoid', 'tanh']),
  name: nameSchema.optional(),
  training: z.record(z.string(), z.unknown()).optional(),
});
